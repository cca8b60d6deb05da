import type { CredentialVersion } from '../../domain/marketplaces/catalogue.js';

export interface CreatorsCredential {
  id: string;
  secret: string;
  version: CredentialVersion;
}

/** The key under which a credential's token, rate and quota are tracked; never contains the secret. */
export function credentialKey(credential: CreatorsCredential): string {
  return `creators:${credential.id}:${credential.version}`;
}
