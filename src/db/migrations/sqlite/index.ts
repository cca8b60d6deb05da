import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as amazonSources from './0002-amazon-sources.js';
import * as connectionChecks from './0003-connection-checks.js';
import * as aiUsageAndGeoUpdates from './0004-ai-usage-and-geo-updates.js';

/** Every SQLite migration, in order. Names are the file names and never change once released. */
export const sqliteMigrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-amazon-sources': amazonSources,
  '0003-connection-checks': connectionChecks,
  '0004-ai-usage-and-geo-updates': aiUsageAndGeoUpdates,
};
