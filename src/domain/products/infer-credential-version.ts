import type { CredentialVersion, Marketplace } from '../marketplaces/catalogue.js';

/**
 * Guesses a Creators credential's version from the form of its ID: Login with Amazon client IDs
 * (`amzn1.application-oa2-client.…`) are 3.x, Cognito app-client IDs (26 lower-case letters and
 * digits) are 2.x; the marketplace's region picks x.1, x.2 or x.3. Undefined when the form is unknown.
 */
export function inferCredentialVersion(credentialId: string, marketplace: Marketplace): CredentialVersion | undefined {
  const id = credentialId.trim();
  const family = id.startsWith('amzn1.application-oa2-client.') ? '3' : /^[a-z0-9]{26}$/.test(id) ? '2' : undefined;
  if (!family) return undefined;
  const regionDigit = { NA: '1', EU: '2', FE: '3' }[marketplace.region];
  return `${family}.${regionDigit}` as CredentialVersion;
}
