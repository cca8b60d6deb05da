import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openKeyring } from '../../src/config/keyring.js';
import { AppError } from '../../src/shared/errors.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'pwp-keyring-'));
const key = () => randomBytes(32).toString('base64');

describe('keyring', () => {
  it('seals and opens a value; the ciphertext differs every time and hides the plain text', () => {
    const keyring = openKeyring({ secretKey: key(), previousSecretKeys: [], dataDir: tempDir() });
    const a = keyring.encrypt('my-secret-value');
    const b = keyring.encrypt('my-secret-value');
    expect(a).not.toBe(b);
    expect(a).not.toContain('my-secret-value');
    expect(keyring.decrypt(a)).toBe('my-secret-value');
  });

  it('generates a key file with mode 0600 when no key is configured, and reuses it', () => {
    const dir = path.join(tempDir(), 'data');
    const first = openKeyring({ secretKey: undefined, previousSecretKeys: [], dataDir: dir });
    const file = path.join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(first.source).toBe('new key file');
    const second = openKeyring({ secretKey: undefined, previousSecretKeys: [], dataDir: dir });
    expect(second.source).toBe('key file');
    expect(second.decrypt(first.encrypt('x'))).toBe('x');
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(44);
  });

  it('gives a clear error, not garbage, when the key is not the one the value was sealed with', () => {
    const sealed = openKeyring({ secretKey: key(), previousSecretKeys: [], dataDir: tempDir() }).encrypt('value');
    const other = openKeyring({ secretKey: key(), previousSecretKeys: [], dataDir: tempDir() });
    expect(() => other.decrypt(sealed)).toThrowError(AppError);
    expect(() => other.decrypt(sealed)).toThrowError(/encrypted with key \w{8}, which is not loaded/);
    expect(other.canOpen(sealed)).toBe(false);
  });

  it('detects a tampered ciphertext', () => {
    const keyring = openKeyring({ secretKey: key(), previousSecretKeys: [], dataDir: tempDir() });
    const sealed = keyring.encrypt('value');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => keyring.decrypt(tampered)).toThrowError(/integrity check/);
  });

  it('opens values sealed with a previous key during rotation and seals new ones with the current key', () => {
    const oldKey = key();
    const sealed = openKeyring({ secretKey: oldKey, previousSecretKeys: [], dataDir: tempDir() }).encrypt('rotating');
    const rotated = openKeyring({ secretKey: key(), previousSecretKeys: [oldKey], dataDir: tempDir() });
    expect(rotated.decrypt(sealed)).toBe('rotating');
    expect(rotated.keyIdOf(rotated.encrypt('x'))).toBe(rotated.keyId);
  });

  it('accepts hex keys and refuses keys of the wrong length with the variable name', () => {
    expect(() => openKeyring({ secretKey: randomBytes(32).toString('hex'), previousSecretKeys: [], dataDir: tempDir() })).not.toThrow();
    expect(() => openKeyring({ secretKey: 'too-short', previousSecretKeys: [], dataDir: tempDir() })).toThrowError(/^PASSIVEWP_SECRET_KEY: must be 32 random bytes/);
  });
});
