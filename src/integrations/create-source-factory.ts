import type { QuotaStore } from '../domain/ports.js';
import type { ProductSource } from '../domain/products/product-source.js';
import type { SourceFactory } from '../domain/products/source-factory.js';
import { createRequestPacer } from './amazon/request-pacer.js';
import { createCreatorsClient } from './amazon-creators/client.js';
import { credentialKey } from './amazon-creators/creators-credential.js';
import { createTokenCache } from './amazon-creators/token-cache.js';
import { createPaapiClient } from './amazon-paapi/client.js';
import { paapiCredentialKey } from './amazon-paapi/paapi-credential.js';
import { createRelayClient } from './amazon-relay/client.js';

export interface SourceFactoryOptions {
  quota: QuotaStore;
  endpointOverride: string | undefined;
  requestsPerSecond: number;
  dailyQuota: number;
  timeoutMs: number;
  /** The time pacer, token cache and clients read (a benchmark's virtual clock); Date.now by default. */
  now?: () => number;
  /** How the pacer waits for a slot (a benchmark advances its virtual clock); a timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One token cache and one pacer for the whole engine: every client of the same credential shares
 * its token and its rate limit, however many callers build one.
 */
export function createSourceFactory(options: SourceFactoryOptions): SourceFactory {
  const tokens = createTokenCache(options.now);
  const pacer = createRequestPacer({
    quota: options.quota,
    limitsFor: () => ({ requestsPerSecond: options.requestsPerSecond, dailyQuota: options.dailyQuota }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const clients = new Map<string, ProductSource>();
  const reuse = (key: string, build: () => ProductSource) => {
    let client = clients.get(key);
    if (!client) clients.set(key, (client = build()));
    return client;
  };
  const common = { pacer, endpointOverride: options.endpointOverride, timeoutMs: options.timeoutMs, ...(options.now ? { now: options.now } : {}) };
  return {
    limits: { requestsPerSecond: options.requestsPerSecond, dailyQuota: options.dailyQuota },
    // The secret is part of the cache key so that a replaced secret gets a fresh client and token.
    creators: (credential) => reuse(`${credentialKey(credential)}:${credential.secret}`, () => createCreatorsClient({ credential, tokens, ...common })),
    paapi: (credential) => reuse(`${paapiCredentialKey(credential)}:${credential.secretKey}`, () => createPaapiClient({ credential, ...common })),
    relay: (connection) => createRelayClient({ ...connection, timeoutMs: options.timeoutMs * 3 }),
  };
}
