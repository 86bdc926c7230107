// electron-builder's custom Windows signing (win.signtoolOptions.sign in electron-builder.yml), called for
// each executable. It signs with the certificate named in the environment and skips, saying so, when none
// is there (a local or unsigned build; Windows then shows "unknown publisher"):
//   WIN_CSC_LINK          path to the .pfx/.p12 code-signing certificate
//   WIN_CSC_KEY_PASSWORD  its password
//   WIN_TIMESTAMP_URL     RFC 3161 time stamp server (default: DigiCert's)
// On Windows it runs signtool (SIGNTOOL_PATH, or signtool.exe on PATH from the Windows SDK); elsewhere
// osslsigncode, so a Linux or macOS build machine can sign too.
'use strict';

const { execFileSync } = require('node:child_process');
const { renameSync } = require('node:fs');

const DEFAULT_TIMESTAMP_URL = 'http://timestamp.digicert.com';

/** The command that signs `file`: { skip: reason } or { command, args, signedFile? }. */
function signPlan(file, env, platform) {
  const certificate = env.WIN_CSC_LINK;
  const password = env.WIN_CSC_KEY_PASSWORD;
  if (!certificate) return { skip: 'no certificate in the environment (WIN_CSC_LINK)' };
  if (!password) throw new Error('windows-sign: WIN_CSC_LINK set but WIN_CSC_KEY_PASSWORD missing');
  const timestamp = env.WIN_TIMESTAMP_URL || DEFAULT_TIMESTAMP_URL;
  if (platform === 'win32') {
    return {
      command: env.SIGNTOOL_PATH || 'signtool.exe',
      args: ['sign', '/f', certificate, '/p', password, '/fd', 'sha256', '/tr', timestamp, '/td', 'sha256', '/d', 'Ontario Driving School Manager', file],
    };
  }
  const signedFile = `${file}.signed`;
  return {
    command: env.OSSLSIGNCODE_PATH || 'osslsigncode',
    args: ['sign', '-pkcs12', certificate, '-pass', password, '-h', 'sha256', '-ts', timestamp, '-n', 'Ontario Driving School Manager', '-in', file, '-out', signedFile],
    signedFile,
  };
}

async function sign(configuration, _packager, deps = {}) {
  const env = deps.env ?? process.env;
  const log = deps.log ?? ((line) => console.log(line));
  const run = deps.run ?? ((command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] }));
  const plan = signPlan(configuration.path, env, deps.platform ?? process.platform);
  if (plan.skip) {
    log(`  • windows signing skipped for ${configuration.path}: ${plan.skip}`);
    return;
  }
  log(`  • signing ${configuration.path} with ${plan.command}`);
  await run(plan.command, plan.args);
  if (plan.signedFile) renameSync(plan.signedFile, configuration.path);
}

module.exports = sign;
module.exports.default = sign;
module.exports.signPlan = signPlan;
