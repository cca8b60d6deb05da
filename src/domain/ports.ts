import type { CheckRunRecord } from './connection-checks/check-run.js';
import type { IntegrationCheckRecord, IntegrationId } from './connection-checks/integration-check.js';
import type { CauseCode } from './connection-checks/cause-codes.js';
import type { DatabaseUpdateView } from './geo/update-geo-database.js';
import type { ProductSourceName } from './products/product.js';
import type { ProductRecord, RefreshResult } from './products/product-record.js';
import type { ProductState } from './products/product-state.js';
import type { TokenScope } from './relay/token-scope.js';
import type { SavedSearchRecord, SavedSearchResult } from './searches/saved-search.js';

/**
 * What the domain needs from storage, stated as interfaces. `src/db/queries` implements them;
 * the domain never sees SQL or a driver.
 */

export interface AdminRecord {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  adminId: string;
  adminEmail: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface StoredSetting {
  key: string;
  /** Parsed JSON; for secrets, the sealed ciphertext string. */
  value: unknown;
  isSecret: boolean;
  updatedAt: string;
  updatedBy: string;
}

export interface SettingWrite {
  key: string;
  /** undefined removes the stored value, so the field falls back to its default. */
  value: unknown;
  isSecret: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  keys: string[];
  ip: string | null;
}

export interface AdminStore {
  count(): Promise<number>;
  findByEmail(email: string): Promise<AdminRecord | undefined>;
  list(): Promise<AdminRecord[]>;
  /** Fails with a unique-violation when the email is taken. */
  insert(admin: AdminRecord, createdAt: string): Promise<void>;
}

export interface SessionStore {
  insert(tokenHash: string, session: Omit<SessionRecord, 'adminEmail'>, client: { ip: string | null; userAgent: string | null }): Promise<void>;
  findValid(tokenHash: string, now: string): Promise<SessionRecord | undefined>;
  touch(tokenHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  remove(tokenHash: string): Promise<void>;
  /** Deletes sessions past their expiry; returns how many. */
  removeExpired(now: string): Promise<number>;
}

export interface SetupTokenStore {
  /** Replaces every earlier unused token: only the newest printed link works. */
  replace(tokenHash: string, createdAt: string, expiresAt: string): Promise<void>;
  /** Marks the token used if it is valid now; false when unknown, used or expired. */
  consume(tokenHash: string, now: string): Promise<boolean>;
  /** Deletes tokens past their expiry, used or not; returns how many. */
  removeExpired(now: string): Promise<number>;
}

export interface SettingsStore {
  read(section: string): Promise<StoredSetting[]>;
  listSecrets(): Promise<Array<{ section: string; key: string; value: string }>>;
  /** Applies every write and the audit entry in one transaction, or none of them. */
  write(section: string, writes: SettingWrite[], meta: { at: string; actor: string }, audit: AuditEntry | undefined): Promise<void>;
}

export interface AuditStore {
  recent(limit: number): Promise<AuditEntry[]>;
}

/** Runs a unit of work in one transaction, handing it stores bound to that transaction. */
export interface TransactionRunner {
  run<T>(work: (stores: { admins: AdminStore; sessions: SessionStore; setupTokens: SetupTokenStore }) => Promise<T>): Promise<T>;
}

/** Requests counted against a credential's daily quota, persisted so that a restart does not reset it. */
export interface QuotaStore {
  /** Adds `n` (may be negative) to the count of `key` on `day` (YYYY-MM-DD, UTC) and returns the new count. */
  add(key: string, day: string, n: number): Promise<number>;
  used(key: string, day: string): Promise<number>;
  /**
   * Reserves the credential's next request slot, at `earliestMs` or after the last reserved one,
   * and moves the next free slot `spacingMs` further; the slot's time (ms since the epoch). One
   * statement, so engines sharing the database never get overlapping slots.
   */
  reserveSlot(key: string, earliestMs: number, spacingMs: number): Promise<number>;
}

export interface RelayTokenRecord {
  id: string;
  name: string;
  /** What the token opens (domain/relay/token-scope.ts). */
  scope: TokenScope;
  last4: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Requests per minute a relay token may make (domain/relay/relay-token-limits.ts). */
  perMinute: number;
  /** Its daily share of this engine's Amazon quota: `25%`, or a number of requests such as `500`. */
  dailyShare: string;
}

export interface RelayTokenStore {
  insert(record: RelayTokenRecord, tokenHash: string): Promise<void>;
  /** The active (not revoked) token of this scope with this hash. */
  findActive(tokenHash: string, scope: TokenScope): Promise<RelayTokenRecord | undefined>;
  markUsed(id: string, at: string): Promise<void>;
  /** Revokes an active token of this scope; false when there is none with this id. */
  revoke(id: string, at: string, scope: TokenScope): Promise<boolean>;
  list(scope: TokenScope): Promise<RelayTokenRecord[]>;
}

/** What relay tokens used in the current minute and day, shared by every engine on the database. */
export interface RelayUsageStore {
  /**
   * Counts one request of a token in `period` (`2026-05-20T10:31` for kind `minute`, `2026-05-20`
   * for `day`, UTC) and returns the token's count in it. One statement: concurrent engines cannot
   * lose a count. A later period starts again at 1.
   */
  count(tokenId: string, kind: 'minute' | 'day', period: string): Promise<number>;
}

/** Finished connection-check runs, newest first; only the most recent ones are kept. */
export interface CheckRunStore {
  /** Stores a finished run and drops the integration's runs beyond the newest `keep`, in one transaction. */
  insert(integration: string, run: CheckRunRecord, keep: number): Promise<void>;
  find(integration: string, id: string): Promise<CheckRunRecord | undefined>;
  /** The newest runs first. */
  recent(integration: string, limit: number): Promise<CheckRunRecord[]>;
}

/** OpenAI and Geolocation check results, newest first; only the most recent ones are kept. */
export interface IntegrationCheckStore {
  insert(record: IntegrationCheckRecord, keep: number): Promise<void>;
  recent(integration: IntegrationId, limit: number): Promise<IntegrationCheckRecord[]>;
}

export interface AiUsageEntry {
  /** YYYY-MM, UTC. */
  month: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** null when the model has no known price. */
  costMicroUsd: number | null;
}

export interface AiUsageTotals {
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  unpricedRequests: number;
}

/** AI usage per month and model; adding is one statement, so concurrent calls cannot lose a count. */
export interface AiUsageStore {
  add(entry: AiUsageEntry): Promise<void>;
  month(month: string): Promise<AiUsageTotals[]>;
}

/** Attempts to download the MaxMind database, newest first. */
export interface GeoUpdateStore {
  insert(update: DatabaseUpdateView, keep: number): Promise<void>;
  recent(limit: number): Promise<DatabaseUpdateView[]>;
}

/** Filters of the product list; `state` is derived from the stored outcome, the claim and the snapshot's age. */
export interface ProductQuery {
  search?: string;
  marketplace?: string;
  state?: ProductState;
  limit: number;
  offset: number;
}

/** How the store derives a product's state at a moment: claims held past `now` mean refreshing, snapshots older than `staleBefore` are stale. */
export interface StateClock {
  now: string;
  staleBefore: string;
}

export interface DueQuery {
  marketplaces: readonly string[];
  now: string;
  /** Products fetched before this (or never) are due now and come first. */
  dueBefore: string;
  /** Products fetched before this may fill a request up to 10 ASINs early. */
  fillBefore: string;
  limit: number;
}

export interface ProductStore {
  /** False when the ASIN is already in that marketplace. */
  insert(record: ProductRecord): Promise<boolean>;
  find(id: string): Promise<ProductRecord | undefined>;
  findMany(ids: readonly string[]): Promise<ProductRecord[]>;
  findByAsin(asin: string, marketplace: string): Promise<ProductRecord | undefined>;
  /** The products of these ASINs in one marketplace that exist, in no particular order. */
  findByAsins(asins: readonly string[], marketplace: string): Promise<ProductRecord[]>;
  remove(id: string): Promise<boolean>;
  list(query: ProductQuery, clock: StateClock): Promise<{ products: ProductRecord[]; total: number }>;
  countByState(clock: StateClock, filter: Omit<ProductQuery, 'state' | 'limit' | 'offset'>): Promise<Record<ProductState, number>>;
  /** Marketplaces that have products, with how many. */
  marketplaces(): Promise<Array<{ marketplace: string; count: number }>>;
  /** Due products first (most viewed, then stalest; a fetch time after `now` counts as due), then early ones (stalest first); none claimed or backing off. */
  listDue(query: DueQuery): Promise<Array<Pick<ProductRecord, 'id' | 'marketplace' | 'views' | 'fetchedAt'>>>;
  /** Takes the lease of these products for `claimToken` where nobody else holds one; the ids it got. */
  claim(ids: readonly string[], claimToken: string, until: string, now: string): Promise<string[]>;
  release(ids: readonly string[], claimToken: string): Promise<void>;
  /** Writes results and releases their claims in one transaction; a result whose claim was lost to another engine is skipped. */
  saveResults(results: readonly RefreshResult[], claimToken: string): Promise<number>;
  /**
   * Snapshots fetched some other way (a saved search's answer): inserts the products not yet in
   * use as given, and writes the snapshot into existing ones like a successful refresh would,
   * unless theirs is newer. Claims are left alone. One statement.
   */
  saveSnapshots(records: readonly ProductRecord[]): Promise<void>;
  /** Drops snapshots fetched before `before` (Amazon's 24 hours); how many. */
  dropSnapshotsBefore(before: string): Promise<number>;
  /** One statement for a whole page's products. */
  addViews(ids: readonly string[], n: number): Promise<void>;
}

export interface DueSearchQuery {
  marketplaces: readonly string[];
  now: string;
  /** Searches fetched before this (or never) are due. */
  dueBefore: string;
  limit: number;
}

/** Saved searches behind "list" blocks; the same lease and back-off bookkeeping as products. */
export interface SavedSearchStore {
  /** False when a search with the same key exists already. */
  insert(record: SavedSearchRecord): Promise<boolean>;
  find(id: string): Promise<SavedSearchRecord | undefined>;
  findByKey(key: string): Promise<SavedSearchRecord | undefined>;
  /** Marketplaces that have saved searches, with how many. */
  marketplaces(): Promise<Array<{ marketplace: string; count: number }>>;
  /** Due searches, most viewed first, then the stalest (never fetched first); none claimed or backing off. */
  listDue(query: DueSearchQuery): Promise<Array<Pick<SavedSearchRecord, 'id' | 'views' | 'fetchedAt'> & { marketplace: string }>>;
  /** Takes the lease of these searches for `claimToken` where nobody else holds one; the ids it got. */
  claim(ids: readonly string[], claimToken: string, until: string, now: string): Promise<string[]>;
  release(ids: readonly string[], claimToken: string): Promise<void>;
  /** Writes the result and releases the claim; false (nothing written) when the claim was lost. */
  saveResult(result: SavedSearchResult, claimToken: string): Promise<boolean>;
  addViews(id: string, n: number): Promise<void>;
}

export interface RefreshPauseRecord {
  credentialKey: string;
  source: ProductSourceName;
  /** A name for the credential that is safe to show (never the secret). */
  label: string;
  marketplaces: string[];
  cause: CauseCode;
  message: string;
  vendorCode: string | null;
  /** The settings field whose change fixes it. */
  fixField: string | null;
  pausedAt: string;
}

/** Credentials whose refreshes are paused after Amazon rejected them. */
export interface RefreshPauseStore {
  /** Keeps the first pause of a credential (its time is when refreshes stopped). */
  add(pause: RefreshPauseRecord): Promise<void>;
  list(): Promise<RefreshPauseRecord[]>;
  remove(credentialKeys: readonly string[]): Promise<number>;
}

/** One answer to "Was this article helpful?". */
export interface HelpFeedbackRecord {
  id: string;
  articleId: string;
  helpful: boolean;
  /** Trimmed; null when none was written. */
  comment: string | null;
  actor: string;
  createdAt: string;
}

export interface HelpFeedbackStore {
  insert(record: HelpFeedbackRecord): Promise<void>;
  /** Yes and no answers per article that has any. */
  totals(): Promise<Array<{ articleId: string; yes: number; no: number }>>;
  /** An article's newest answers that carry a comment, newest first. */
  latestComments(articleId: string, limit: number): Promise<HelpFeedbackRecord[]>;
}
