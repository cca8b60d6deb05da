import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors.js';

/**
 * Encrypts secret settings at rest with AES-256-GCM. Every ciphertext names the id of the key that
 * sealed it, so a rotated-out key can still open old values (`PASSIVEWP_PREVIOUS_SECRET_KEYS`) and a
 * lost key is reported as such instead of producing garbage.
 */
export interface Keyring {
  readonly keyId: string;
  readonly source: KeySource;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** The id of the key that sealed a value, or undefined when it is not one of our ciphertexts. */
  keyIdOf(sealed: string): string | undefined;
  canOpen(sealed: string): boolean;
}

export type KeySource = 'PASSIVEWP_SECRET_KEY' | 'key file' | 'new key file';

export const KEY_FILE_NAME = 'secret.key';
const FORMAT = 'pwp1';

export interface OpenKeyringInput {
  secretKey: string | undefined;
  previousSecretKeys: readonly string[];
  dataDir: string;
}

export function openKeyring({ secretKey, previousSecretKeys, dataDir }: OpenKeyringInput): Keyring {
  let current: Buffer;
  let source: KeySource;
  if (secretKey !== undefined) {
    current = decodeKey(secretKey, 'PASSIVEWP_SECRET_KEY');
    source = 'PASSIVEWP_SECRET_KEY';
  } else {
    const file = path.join(dataDir, KEY_FILE_NAME);
    if (existsSync(file)) {
      current = decodeKey(readFileSync(file, 'utf8').trim(), file);
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      source = 'key file';
    } else {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      ({ key: current, source } = createKeyFile(file));
    }
  }
  const keys = new Map<string, Buffer>([[idOf(current), current]]);
  previousSecretKeys.forEach((k, i) => {
    const key = decodeKey(k, `PASSIVEWP_PREVIOUS_SECRET_KEYS[${i}]`);
    keys.set(idOf(key), key);
  });
  return createKeyring(current, keys, source);
}

function createKeyring(current: Buffer, keys: Map<string, Buffer>, source: KeySource): Keyring {
  const keyId = idOf(current);
  const parse = (sealed: string) => {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT) return undefined;
    const [, id, iv, tag, body] = parts as [string, string, string, string, string];
    return { id, iv, tag, body };
  };
  return {
    keyId,
    source,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const parts = parse(sealed);
      if (!parts) throw new AppError('secret_unreadable', 'A stored secret is not in a format this engine can read.');
      const key = keys.get(parts.id);
      if (!key) {
        throw new AppError(
          'secret_unreadable',
          `A stored secret was encrypted with key ${parts.id}, which is not loaded (current key ${keyId}). ` +
            'Restore the key it was saved with (PASSIVEWP_SECRET_KEY or data/secret.key), or add it to PASSIVEWP_PREVIOUS_SECRET_KEYS.',
          { details: { keyId: parts.id } },
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts.iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(parts.tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(parts.body, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new AppError('secret_unreadable', `A stored secret failed its integrity check with key ${parts.id}; it was altered or the key is wrong.`, { cause });
      }
    },
    keyIdOf: (sealed) => parse(sealed)?.id,
    canOpen: (sealed) => {
      const id = parse(sealed)?.id;
      return id !== undefined && keys.has(id);
    },
  };
}

/**
 * Writes a new key into a temporary file and links it into place: the key file is complete or
 * absent (a full disk leaves no empty one that the next start would refuse), and of two processes
 * starting at once on a new data directory, the second one uses the first one's key.
 */
function createKeyFile(file: string): { key: Buffer; source: KeySource } {
  const key = randomBytes(32);
  const temporary = `${file}.${process.pid}.new`;
  try {
    writeFileSync(temporary, `${key.toString('base64')}\n`, { mode: 0o600 });
    linkSync(temporary, file);
    return { key, source: 'new key file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: decodeKey(readFileSync(file, 'utf8').trim(), file), source: 'key file' };
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Accepts 32 bytes as 64 hex digits or as base64 / base64url. */
export function decodeKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new AppError('config_invalid', `${name}: must be 32 random bytes, written as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  return bytes;
}

function idOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
