import type { Generated } from 'kysely';

/** The tables as Kysely sees them. Times are ISO-8601 strings in UTC on every dialect. */
export interface Database {
  admins: AdminsTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  amazon_quota_usage: AmazonQuotaUsageTable;
  amazon_rate_slots: AmazonRateSlotsTable;
  relay_tokens: RelayTokensTable;
  relay_token_usage: RelayTokenUsageTable;
  connection_checks: ConnectionChecksTable;
  ai_usage: AiUsageTable;
  geo_database_updates: GeoDatabaseUpdatesTable;
  products: ProductsTable;
  refresh_pauses: RefreshPausesTable;
  saved_searches: SavedSearchesTable;
  jobs: JobsTable;
  help_feedback: HelpFeedbackTable;
  login_attempts: LoginAttemptsTable;
}

/** Login attempts per limit key in a fixed window (migration 0011; see src/db/queries/login-attempt-store.ts). */
export interface LoginAttemptsTable {
  /** sha256 of the limit's scope and subject (account + address, or address). */
  key: string;
  attempts: number;
  window_ends_at: string;
}

/** Answers to "Was this article helpful?" in the help center. */
export interface HelpFeedbackTable {
  id: string;
  article_id: string;
  /** 1 yes, 0 no. */
  helpful: number;
  comment: string | null;
  actor: string;
  created_at: string;
}

/** The SQLite job queue (PostgreSQL uses pg-boss's own tables). */
export interface JobsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  /** JSON payload: ids and codes only, never secrets. */
  data: string;
  state: 'queued' | 'running' | 'failed' | 'dead' | 'done';
  singleton_key: string | null;
  attempts: Generated<number>;
  max_attempts: number;
  run_after: string;
  leased_until: string | null;
  lease_token: string | null;
  last_error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Saved searches behind "list" blocks (migration 0008). */
export interface SavedSearchesTable {
  id: string;
  /** The normalized parameters in one string: equal searches share one row. */
  search_key: string;
  marketplace: string;
  keywords: string | null;
  browse_node: string | null;
  sort: string;
  item_count: number;
  /** JSON array of ASINs, in Amazon's order. */
  result_asins: Generated<string>;
  search_url: string | null;
  fetched_at: string | null;
  attempted_at: string | null;
  outcome: Generated<string>;
  cause: string | null;
  message: string | null;
  failures: Generated<number>;
  retry_after: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  views: Generated<number>;
  created_at: string;
}

export interface ProductsTable {
  id: string;
  asin: string;
  marketplace: string;
  added_at: string;
  added_by: string;
  views: Generated<number>;
  outcome: Generated<string>;
  cause: string | null;
  message: string | null;
  /** JSON of the product model; null when none or dropped after 24 hours. */
  snapshot: string | null;
  /** Kept for the admin's search after the snapshot is dropped. */
  title: string | null;
  source: string | null;
  fetched_at: string | null;
  attempted_at: string | null;
  failures: Generated<number>;
  retry_after: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
}

export interface RefreshPausesTable {
  credential_key: string;
  source: string;
  label: string;
  /** JSON array of marketplace codes. */
  marketplaces: string;
  cause: string;
  message: string;
  vendor_code: string | null;
  fix_field: string | null;
  paused_at: string;
}

export interface AmazonRateSlotsTable {
  credential_key: string;
  /** The credential's next free request slot, in ms since the epoch. */
  next_at: number;
}

export interface AiUsageTable {
  /** YYYY-MM, UTC. */
  month: string;
  model: string;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cost_micro_usd: number;
  unpriced_requests: number;
}

export interface GeoDatabaseUpdatesTable {
  seq: Generated<number>;
  id: string;
  actor: string;
  edition: string;
  started_at: string;
  finished_at: string;
  outcome: string;
  /** JSON of the CheckFinding that explains the outcome. */
  finding: string;
  sha256: string | null;
  build_date: string | null;
}

export interface ConnectionChecksTable {
  seq: Generated<number>;
  id: string;
  integration: string;
  actor: string;
  mode: string;
  started_at: string;
  finished_at: string;
  fingerprint: string;
  /** JSON: hash per settings part (credentials, mode, tags). */
  fingerprint_parts: string;
  /** JSON of the summary, the row results and the newly failing countries. */
  summary: string;
  row_results: string;
  newly_failing: string;
}

export interface RelayTokensTable {
  id: string;
  name: string;
  /** `relay` or `render` (domain/relay/token-scope.ts); 'relay' for tokens issued before scopes. */
  scope: string;
  token_hash: string;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** Requests per minute a relay token may make (migration 0012). */
  per_minute: Generated<number>;
  /** Its daily share of the engine's Amazon quota: `25%` or a number of requests (domain/relay/relay-token-limits.ts). */
  daily_share: Generated<string>;
}

/** A relay token's running counts, one row per kind (`minute`, `day`) holding the current period only (migration 0012). */
export interface RelayTokenUsageTable {
  token_id: string;
  kind: string;
  period: string;
  used: number;
}

export interface AmazonQuotaUsageTable {
  credential_key: string;
  day: string;
  used: number;
}

export interface AdminsTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not yield usable sessions. */
  token_hash: string;
  id: string;
  admin_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SettingsTable {
  section: string;
  key: string;
  /** JSON text; for secret fields, a keyring ciphertext wrapped as a JSON string. */
  value: string;
  is_secret: number;
  updated_at: string;
  updated_by: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** JSON array of the keys touched; never their values. */
  keys: string;
  ip: string | null;
  seq: Generated<number>;
}
