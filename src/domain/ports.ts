import type { CheckRunRecord } from './connection-checks/check-run.js';
import type { IntegrationCheckRecord, IntegrationId } from './connection-checks/integration-check.js';
import type { DatabaseUpdateView } from './geo/update-geo-database.js';

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
  removeExpired(now: string): Promise<number>;
}

export interface SetupTokenStore {
  /** Replaces every earlier unused token: only the newest printed link works. */
  replace(tokenHash: string, createdAt: string, expiresAt: string): Promise<void>;
  /** Marks the token used if it is valid now; false when unknown, used or expired. */
  consume(tokenHash: string, now: string): Promise<boolean>;
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
}

export interface RelayTokenRecord {
  id: string;
  name: string;
  last4: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface RelayTokenStore {
  insert(record: RelayTokenRecord, tokenHash: string): Promise<void>;
  /** The active (not revoked) token with this hash. */
  findActive(tokenHash: string): Promise<RelayTokenRecord | undefined>;
  markUsed(id: string, at: string): Promise<void>;
  revoke(id: string, at: string): Promise<boolean>;
  list(): Promise<RelayTokenRecord[]>;
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
