import { createHash } from 'node:crypto';
import type { QuotaStore } from '../domain/ports.js';
import type { ProductSource } from '../domain/products/product-source.js';
import type { SourceFactory } from '../domain/products/source-factory.js';
import { createRequestPacer } from './amazon/request-pacer.js';
import { createCreatorsClient } from './amazon-creators/client.js';
import { credentialKey, tokenKey } from './amazon-creators/creators-credential.js';
import { createTokenCache } from './amazon-creators/token-cache.js';
import { createPaapiClient } from './amazon-paapi/client.js';
import { paapiCredentialKey } from './amazon-paapi/paapi-credential.js';
import { createRelayClient } from './amazon-relay/client.js';
import type { OutboundHttp } from './http/create-outbound-http.js';

export interface SourceFactoryOptions {
  quota: QuotaStore;
  /** The guarded way out every client sends through. */
  http: OutboundHttp;
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
  /** The identity (secret digest included) each credential was last used with. */
  const lastIdentity = new Map<string, string>();
  /**
   * A client per credential identity. When a credential shows up with another secret (a save
   * replaced it), the old secret's client and token are dropped: nothing of it is used again.
   */
  const reuse = (credential: string, identity: string, build: () => ProductSource) => {
    const previous = lastIdentity.get(credential);
    if (previous !== undefined && previous !== identity) {
      clients.delete(previous);
      tokens.forget(previous);
    }
    lastIdentity.set(credential, identity);
    let client = clients.get(identity);
    if (!client) clients.set(identity, (client = build()));
    return client;
  };
  const common = { pacer, http: options.http, endpointOverride: options.endpointOverride, timeoutMs: options.timeoutMs, ...(options.now ? { now: options.now } : {}) };
  return {
    limits: { requestsPerSecond: options.requestsPerSecond, dailyQuota: options.dailyQuota },
    creators: (credential) => reuse(credentialKey(credential), tokenKey(credential), () => createCreatorsClient({ credential, tokens, ...common })),
    paapi: (credential) => reuse(paapiCredentialKey(credential), `${paapiCredentialKey(credential)}:${digest(credential.secretKey)}`, () => createPaapiClient({ credential, ...common })),
    relay: (connection) => createRelayClient({ ...connection, http: options.http, timeoutMs: options.timeoutMs * 3 }),
  };
}

const digest = (secret: string) => createHash('sha256').update(`passivewp:paapi-client:${secret}`).digest('hex').slice(0, 32);
