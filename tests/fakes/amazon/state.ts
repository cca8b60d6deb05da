import { RateLimiter, type RateDecision } from './rate-limiter.js';
import type { LoggedRequest } from './request-log.js';
import { applyScenarioPatch, DEFAULT_SCENARIO, type FakeAmazonScenario, type RateLimit, type ScenarioPatch } from './scenario.js';
import type { CredentialVersion } from '../../../src/domain/marketplaces/catalogue.js';

/** An access token the fake handed out. */
export interface IssuedToken {
  credentialId: string;
  version: CredentialVersion;
  expiresAt: number;
}

/**
 * The fake's memory: the scenario in force, its clock, issued tokens, rate buckets, counters and
 * the request log. Tests read it through the methods below; handlers write to it.
 */
export class FakeAmazonState {
  private current: FakeAmazonScenario;
  private clockOffsetMs = 0;
  private readonly baseClock: () => number;
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly limiter = new RateLimiter();
  private readonly tokenRequestCount = new Map<string, number>();
  private readonly tokensIssuedCount = new Map<string, number>();
  private readonly throttledCount = new Map<string, number>();
  private readonly acceptedCount = new Map<string, number>();
  private readonly log: LoggedRequest[] = [];

  constructor(patch: ScenarioPatch = {}, clock: () => number = Date.now) {
    this.current = applyScenarioPatch(DEFAULT_SCENARIO, patch);
    this.baseClock = clock;
  }

  get scenario(): Readonly<FakeAmazonScenario> {
    return this.current;
  }

  /** Changes part of the scenario; tokens, buckets and counters survive. */
  setScenario(patch: ScenarioPatch): void {
    this.current = applyScenarioPatch(this.current, patch);
  }

  now(): number {
    return this.baseClock() + this.clockOffsetMs;
  }

  /** Moves the fake's clock (token expiry, rate buckets, SigV4 skew) without waiting. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** Token endpoint calls that named this client id, successful or not. */
  tokenRequests(credentialId: string): number {
    return this.tokenRequestCount.get(credentialId) ?? 0;
  }

  tokensIssued(credentialId: string): number {
    return this.tokensIssuedCount.get(credentialId) ?? 0;
  }

  /** 429 answers given to this credential id or PA-API access key. */
  throttled(key: string): number {
    return this.throttledCount.get(key) ?? 0;
  }

  /** Catalog calls of this credential id or access key that passed the rate limiter. */
  accepted(key: string): number {
    return this.acceptedCount.get(key) ?? 0;
  }

  get requests(): readonly LoggedRequest[] {
    return this.log;
  }

  /** Logged requests whose host or path contains the fragment (`creatorsapi.amazon`, `/oauth2/token`). */
  requestsTo(fragment: string): LoggedRequest[] {
    return this.log.filter((entry) => `${entry.host}${entry.path}`.includes(fragment));
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Makes every token issued so far expired (the next catalog call gets TokenExpired). */
  expireTokens(): void {
    const now = this.now();
    for (const token of this.tokens.values()) token.expiresAt = Math.min(token.expiresAt, now - 1);
  }

  /** Forgets tokens, buckets, counters and the log; keeps the scenario and the clock. */
  reset(): void {
    this.tokens.clear();
    this.limiter.reset();
    for (const counter of [this.tokenRequestCount, this.tokensIssuedCount, this.throttledCount, this.acceptedCount]) counter.clear();
    this.clearLog();
  }

  // ---- used by the handlers ----

  record(entry: LoggedRequest): void {
    this.log.push(entry);
  }

  countTokenRequest(credentialId: string): void {
    bump(this.tokenRequestCount, credentialId);
  }

  storeToken(value: string, token: IssuedToken): void {
    this.tokens.set(value, token);
    bump(this.tokensIssuedCount, token.credentialId);
  }

  findToken(value: string): IssuedToken | undefined {
    return this.tokens.get(value);
  }

  countThrottled(key: string): void {
    bump(this.throttledCount, key);
  }

  takeRateSlot(key: string, override: Partial<RateLimit> | undefined): RateDecision {
    const decision = this.limiter.take(key, { ...this.current.rateLimit, ...override }, this.now());
    if (decision.allowed) bump(this.acceptedCount, key);
    else bump(this.throttledCount, key);
    return decision;
  }
}

function bump(counter: Map<string, number>, key: string): void {
  counter.set(key, (counter.get(key) ?? 0) + 1);
}
