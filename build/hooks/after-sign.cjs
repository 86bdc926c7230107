// electron-builder's afterSign hook: notarizes the signed macOS app with Apple, when the credentials are in
// the environment, and says plainly that it skipped when they are not (a local or unsigned build).
// electron-builder's own notarization is off (mac.notarize: false in electron-builder.yml), so this is the
// one place that decides. Credentials, in order of preference (App Store Connect API key first, as
// electron-builder recommends):
//   APPLE_API_KEY (path to the .p8 file), APPLE_API_KEY_ID, APPLE_API_ISSUER
//   APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID
//   APPLE_KEYCHAIN_PROFILE (and optionally APPLE_KEYCHAIN)
'use strict';

const path = require('node:path');

const CREDENTIAL_SETS = [
  { names: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'], options: (e) => ({ appleApiKey: e.APPLE_API_KEY, appleApiKeyId: e.APPLE_API_KEY_ID, appleApiIssuer: e.APPLE_API_ISSUER }) },
  { names: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'], options: (e) => ({ appleId: e.APPLE_ID, appleIdPassword: e.APPLE_APP_SPECIFIC_PASSWORD, teamId: e.APPLE_TEAM_ID }) },
  { names: ['APPLE_KEYCHAIN_PROFILE'], options: (e) => ({ keychainProfile: e.APPLE_KEYCHAIN_PROFILE, ...(e.APPLE_KEYCHAIN ? { keychain: e.APPLE_KEYCHAIN } : {}) }) },
];

/**
 * What to do for this build: { skip: reason } or { options } for @electron/notarize's notarize().
 * A set given in part is an error, not a skip: a release build must not quietly ship un-notarized.
 */
function notarizePlan(context, env) {
  if (context.electronPlatformName !== 'darwin') return { skip: `not a macOS build (${context.electronPlatformName})` };
  for (const set of CREDENTIAL_SETS) {
    const present = set.names.filter((name) => env[name]);
    if (present.length === 0) continue;
    const missing = set.names.filter((name) => !env[name]);
    if (missing.length > 0) throw new Error(`notarize: ${present.join(', ')} set but ${missing.join(', ')} missing`);
    const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
    return { options: { appPath, ...set.options(env) } };
  }
  return { skip: 'no Apple credentials in the environment (APPLE_API_KEY, APPLE_ID or APPLE_KEYCHAIN_PROFILE)' };
}

async function afterSign(context, deps = {}) {
  const env = deps.env ?? process.env;
  const log = deps.log ?? ((line) => console.log(line));
  const plan = notarizePlan(context, env);
  if (plan.skip) {
    log(`  • notarize skipped: ${plan.skip}`);
    return;
  }
  const notarize = deps.notarize ?? require('@electron/notarize').notarize;
  log(`  • notarizing ${plan.options.appPath}`);
  await notarize(plan.options);
  log('  • notarized');
}

module.exports = afterSign;
module.exports.default = afterSign;
module.exports.notarizePlan = notarizePlan;
