/** A PA-API 5.0 key pair from Associates Central (Tools → Product Advertising API). */
export interface PaapiCredential {
  accessKey: string;
  secretKey: string;
}

/** The key under which this credential's rate and quota are tracked; never contains the secret. */
export function paapiCredentialKey(credential: PaapiCredential): string {
  return `paapi:${credential.accessKey}`;
}
