import { createHash } from 'node:crypto';
import type { CredentialVersion } from '../../domain/marketplaces/catalogue.js';

export interface CreatorsCredential {
  id: string;
  secret: string;
  version: CredentialVersion;
}

/** The key under which a credential's rate and quota are tracked; never contains the secret. */
export function credentialKey(credential: CreatorsCredential): string {
  return `creators:${credential.id}:${credential.version}`;
}

/**
 * The key of a credential's access token: its whole identity, the secret's digest included, so a
 * token obtained with one secret is never handed to a client of another. A wrong secret saved
 * over a working one must fail at the token endpoint, not ride on the old secret's token.
 */
export function tokenKey(credential: CreatorsCredential): string {
  const digest = createHash('sha256').update(`passivewp:creators-token:${credential.secret}`).digest('hex').slice(0, 32);
  return `${credentialKey(credential)}:${digest}`;
}
