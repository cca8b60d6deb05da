import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as amazonSources from './0002-amazon-sources.js';
import * as connectionChecks from './0003-connection-checks.js';
import * as aiUsageAndGeoUpdates from './0004-ai-usage-and-geo-updates.js';
import * as products from './0005-products.js';
import * as rateSlots from './0007-rate-slots.js';
import * as savedSearches from './0008-saved-searches.js';
import * as apiKeyScopes from './0009-api-key-scopes.js';
import * as helpFeedback from './0010-help-feedback.js';
import * as loginAttempts from './0011-login-attempts.js';
import * as relayTokenLimits from './0012-relay-token-limits.js';

/**
 * Every PostgreSQL migration, in order. Each mirrors the SQLite migration of the same name; names
 * are the file names and never change once released.
 */
export const postgresMigrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-amazon-sources': amazonSources,
  '0003-connection-checks': connectionChecks,
  '0004-ai-usage-and-geo-updates': aiUsageAndGeoUpdates,
  '0005-products': products,
  '0007-rate-slots': rateSlots,
  '0008-saved-searches': savedSearches,
  '0009-api-key-scopes': apiKeyScopes,
  '0010-help-feedback': helpFeedback,
  '0011-login-attempts': loginAttempts,
  '0012-relay-token-limits': relayTokenLimits,
};

/** SQLite migrations without a PostgreSQL twin, and why. */
export const SQLITE_ONLY_MIGRATIONS: Record<string, string> = {
  '0006-jobs': 'the job lease table; on PostgreSQL, pg-boss keeps jobs in a schema it manages itself',
};
