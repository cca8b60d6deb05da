import type { AmazonValues } from './list-check-targets.js';

/** Without any credentials there is nothing to check: the owner has not set Amazon up yet. */
export function hasAmazonCredentials(values: AmazonValues): boolean {
  return Boolean(
    values.creatorsCredentialId || values.paapiAccessKey || values.relayUrl || values.marketplaces.some((row) => row.credentials?.creatorsCredentialId || row.credentials?.paapiAccessKey),
  );
}
