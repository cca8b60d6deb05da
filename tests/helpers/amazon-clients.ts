import type { CredentialVersion } from '../../src/domain/marketplaces/catalogue.js';
import { createRequestPacer, type CredentialLimits } from '../../src/integrations/amazon/request-pacer.js';
import { createCreatorsClient } from '../../src/integrations/amazon-creators/client.js';
import { createTokenCache } from '../../src/integrations/amazon-creators/token-cache.js';
import { LOOPBACK_HTTP } from './loopback-http.js';
import { memoryQuota } from './memory-quota.js';

/** Credentials the fake Amazon knows, one per family and region the tests need. */
export const CREDENTIALS = {
  lwaEu: { id: 'amzn1.application-oa2-client.eu0001', secret: 'amzn1.oa2-cs.v1.eu-secret-0001', version: '3.2' as CredentialVersion, partnerTags: { de: ['mytag-21'], uk: ['mytag-21'], fr: ['mytag-21'] } },
  lwaNa: { id: 'amzn1.application-oa2-client.na0001', secret: 'amzn1.oa2-cs.v1.na-secret-0001', version: '3.1' as CredentialVersion, partnerTags: { us: ['mytag-20'], de: ['mytag-21'] } },
  cognitoNa: { id: 'abcdefghij0123456789klmnop', secret: 'cognito-secret-0001', version: '2.1' as CredentialVersion, partnerTags: { us: ['mytag-20'], ca: ['mytag-20'] } },
} as const;

export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

export interface ClientOptions {
  origin: string;
  credential?: { id: string; secret: string; version: CredentialVersion };
  limits?: CredentialLimits;
  timeoutMs?: number;
  now?: () => number;
}

/** A Creators client pointed at the fake, with its own token cache and a generous pacer unless told otherwise. */
export function creatorsClientFor(options: ClientOptions) {
  const tokens = createTokenCache();
  const quota = memoryQuota();
  const pacer = createRequestPacer({ quota, limitsFor: () => options.limits ?? { requestsPerSecond: 200, dailyQuota: 100_000 } });
  const { id, secret, version } = options.credential ?? CREDENTIALS.lwaEu;
  const client = createCreatorsClient({
    credential: { id, secret, version },
    tokens,
    pacer,
    http: LOOPBACK_HTTP,
    endpointOverride: options.origin,
    timeoutMs: options.timeoutMs ?? 5000,
    retry: FAST_RETRY,
    ...(options.now ? { now: options.now } : {}),
  });
  return { client, quota, pacer, tokens };
}
