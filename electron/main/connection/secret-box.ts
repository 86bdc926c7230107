// The password's lock: main wires it to Electron's safeStorage (the OS keychain, DPAPI or libsecret);
// tests use a keyed AES-GCM box of their own. Either way only ciphertext ever reaches a file.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretBox {
  /** False where the OS offers no protected storage: then no password is saved at all. */
  available(): boolean;
  /** Base64 ciphertext. */
  seal(plain: string): string;
  /** Throws SecretUnreadable when the text was sealed by another key (another user or computer). */
  open(sealed: string): string;
}

export class SecretUnreadable extends Error {
  constructor() {
    super('The saved password was locked by another user or computer and cannot be read here.');
    this.name = 'SecretUnreadable';
  }
}

/** The parts of Electron's safeStorage this uses (index.ts passes safeStorage itself). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function safeStorageBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => {
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new SecretUnreadable();
      }
    },
  };
}

/** AES-256-GCM with a key of its own: the same promise as safeStorage (another key cannot open it). */
export function keyedBox(key: Buffer = randomBytes(32)): SecretBox {
  if (key.length !== 32) throw new Error('keyedBox needs a 32-byte key');
  return {
    available: () => true,
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open: (sealed) => {
      try {
        const raw = Buffer.from(sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable();
      }
    },
  };
}
