import type { CredentialVersion } from '../../../src/domain/marketplaces/catalogue.js';

/**
 * Everything the fake can be told to do is data: this scenario, given to startFakeAmazon and
 * replaceable piecewise at runtime with `state.setScenario(patch)`. Where the reference marks a
 * protocol fact as uncertain, the fact is a field here rather than a constant in the handlers.
 */

/** Tracking IDs by our marketplace code (`us`, `de` …). */
export type PartnerTagsByMarketplace = Readonly<Record<string, readonly string[]>>;

export interface RateLimit {
  /** Sustained transactions per second. */
  tps: number;
  /** Bucket size: how many calls may arrive back to back after a quiet spell. */
  burst: number;
  /** Transactions per UTC day (of the fake's clock). */
  daily: number;
  /**
   * A call is let through when the bucket is short of a whole token by at most this many
   * milliseconds of refill: a client pacing at exactly 1/tps is then never refused for timer
   * jitter, while a client that is persistently early still runs dry and gets 429s.
   */
  toleranceMs: number;
}

export interface FakeCreatorsCredential {
  id: string;
  secret: string;
  version: CredentialVersion;
  partnerTags: PartnerTagsByMarketplace;
  rateLimit?: Partial<RateLimit>;
}

export interface FakePaapiKey {
  accessKey: string;
  secretKey: string;
  partnerTags: PartnerTagsByMarketplace;
  rateLimit?: Partial<RateLimit>;
}

export type FakeFault =
  /** Token endpoint refuses the client (Cognito 400 / LwA 401 `invalid_client`); PA-API: UnrecognizedClient. */
  | 'invalid_client'
  /** The catalog call's partner tag is refused even if registered. */
  | 'invalid_partner_tag'
  /** Creators 400 ValidationException/InvalidAssociate; PA-API 403 InvalidAssociate. */
  | 'invalid_associate'
  /** 403 AssociateNotEligible (the observed sales-threshold refusal). */
  | 'not_eligible'
  /** Always 429 with Retry-After, whatever the bucket says. */
  | 'throttled'
  /** 500 InternalServerException / InternalFailure. */
  | 'server_error'
  /** Answer as if the credential could not serve this marketplace's region, even when it can. */
  | 'region_mismatch'
  /** PA-API only: this key (or marketplace) gets the post-retirement refusal. */
  | 'paapi_retired';

export type Surface = 'token' | 'creators' | 'paapi';

/**
 * A targeted change of behaviour. Omitted match fields match anything; a match field that the
 * request cannot supply (a marketplace at the token endpoint) never matches. Without `surface`,
 * the token endpoint only honours invalid_client, latency and tokenExpiresIn, so that a
 * `{ credential, fault: 'server_error' }` override breaks the catalog call rather than the token.
 */
export interface ScenarioOverride {
  /** Creators credential id or PA-API access key. */
  credential?: string;
  marketplace?: string;
  partnerTag?: string;
  surface?: Surface;
  fault?: FakeFault;
  latencyMs?: number;
  tokenExpiresIn?: number;
}

/** `retired_message`: 401 AccessDenied whose message says the API has been retired. */
export type PaapiRetiredMode = false | 'access_denied' | 'invalid_signature' | 'retired_message';

export interface FakeAmazonScenario {
  credentials: readonly FakeCreatorsCredential[];
  paapiKeys: readonly FakePaapiKey[];
  overrides: readonly ScenarioOverride[];
  /**
   * Whether a Creators credential may serve a marketplace outside its region (reference §1.2:
   * sources conflict). strict → 401 UnauthorizedException reason InvalidClient, the enum value
   * that says "this client may not make this request" without claiming the token is bad.
   */
  regionPolicy: 'strict' | 'lenient';
  /** Seconds; Amazon says 3600. */
  tokenExpiresIn: number;
  rateLimit: RateLimit;
  throttleRetryAfterSeconds: number;
  /** The 429 body's `type` for the Creators API: unobserved, `ThrottlingException` is the other candidate. */
  throttleExceptionType: string;
  /** Reason given for an `x-marketplace` that names no store (unobserved). */
  unknownMarketplaceReason: 'FieldValidationFailed' | 'Other';
  /** Added to every answer, in milliseconds. */
  latencyMs: number;
  /** ASINs answered as ItemNotAccessible on top of the catalogue's own (gift cards). */
  inaccessibleAsins: readonly string[];
  /** PA-API after 2026-05-15: every signed call is refused (403 AccessDenied, or the 401 InvalidSignature also seen). */
  paapiRetired: PaapiRetiredMode;
  /** SigV4 service names accepted in the credential scope; the servers use `ProductAdvertisingAPI`. */
  paapiServiceNames: readonly string[];
  paapiMaxClockSkewMs: number;
  /** Nothing found: recorded PA-API traffic shows 200 with only `Errors`; some clients expect 404. */
  paapiNothingFoundStatus: 200 | 404;
  /** Refuse PA-API calls without `content-encoding: amz-1.0` (Amazon's SDKs always send it). */
  paapiRequireContentEncoding: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { tps: 1, burst: 1, daily: 8640, toleranceMs: 20 };

export const DEFAULT_SCENARIO: FakeAmazonScenario = {
  credentials: [],
  paapiKeys: [],
  overrides: [],
  regionPolicy: 'strict',
  tokenExpiresIn: 3600,
  rateLimit: DEFAULT_RATE_LIMIT,
  throttleRetryAfterSeconds: 1,
  throttleExceptionType: 'ThrottleException',
  unknownMarketplaceReason: 'FieldValidationFailed',
  latencyMs: 0,
  inaccessibleAsins: [],
  paapiRetired: false,
  paapiServiceNames: ['ProductAdvertisingAPI'],
  paapiMaxClockSkewMs: 15 * 60 * 1000,
  paapiNothingFoundStatus: 200,
  paapiRequireContentEncoding: true,
};

/** What callers may pass: any part of the scenario; `paapiRetired: true` means the 403 variant. */
export type ScenarioPatch = Partial<Omit<FakeAmazonScenario, 'paapiRetired' | 'rateLimit'>> & {
  paapiRetired?: boolean | PaapiRetiredMode;
  rateLimit?: Partial<RateLimit>;
};

export function applyScenarioPatch(base: FakeAmazonScenario, patch: ScenarioPatch): FakeAmazonScenario {
  const { paapiRetired, rateLimit, ...rest } = patch;
  const next: FakeAmazonScenario = { ...base, ...stripUndefined(rest) };
  if (rateLimit) next.rateLimit = { ...base.rateLimit, ...stripUndefined(rateLimit) };
  if (paapiRetired !== undefined) next.paapiRetired = paapiRetired === true ? 'access_denied' : paapiRetired;
  return next;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
