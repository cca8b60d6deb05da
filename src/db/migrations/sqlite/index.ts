import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as amazonSources from './0002-amazon-sources.js';
import * as connectionChecks from './0003-connection-checks.js';
import * as aiUsageAndGeoUpdates from './0004-ai-usage-and-geo-updates.js';
import * as products from './0005-products.js';
import * as jobs from './0006-jobs.js';
import * as rateSlots from './0007-rate-slots.js';
import * as savedSearches from './0008-saved-searches.js';
import * as apiKeyScopes from './0009-api-key-scopes.js';
import * as helpFeedback from './0010-help-feedback.js';
import * as loginAttempts from './0011-login-attempts.js';
import * as relayTokenLimits from './0012-relay-token-limits.js';

/** Every SQLite migration, in order. Names are the file names and never change once released. */
export const sqliteMigrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-amazon-sources': amazonSources,
  '0003-connection-checks': connectionChecks,
  '0004-ai-usage-and-geo-updates': aiUsageAndGeoUpdates,
  '0005-products': products,
  '0006-jobs': jobs,
  '0007-rate-slots': rateSlots,
  '0008-saved-searches': savedSearches,
  '0009-api-key-scopes': apiKeyScopes,
  '0010-help-feedback': helpFeedback,
  '0011-login-attempts': loginAttempts,
  '0012-relay-token-limits': relayTokenLimits,
};
