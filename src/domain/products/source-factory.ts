import type { CredentialVersion } from '../marketplaces/catalogue.js';
import type { ProductSource } from './product-source.js';

/**
 * Builds product sources for given credentials. The integrations implement it (sharing one token
 * cache and one request pacer between all clients); the domain decides which sources to use.
 */
export interface SourceFactory {
  /** What every credential may send: the refresh scheduler plans within it. */
  readonly limits: { requestsPerSecond: number; dailyQuota: number };
  creators(credential: { id: string; secret: string; version: CredentialVersion }): ProductSource;
  paapi(credential: { accessKey: string; secretKey: string }): ProductSource;
  /** `tokenBoundTo`: the Relay URL the token was saved or configured with; the client sends it nowhere else. */
  relay(connection: { url: string; token: string; tokenBoundTo: string }): ProductSource;
}
