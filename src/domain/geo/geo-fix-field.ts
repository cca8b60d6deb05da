import type { GeolocationCause } from '../connection-checks/geolocation-causes.js';

const FIELDS: Partial<Record<GeolocationCause, string>> = {
  database_missing: 'databasePath',
  database_path_invalid: 'databasePath',
  database_unreadable: 'databasePath',
  database_wrong_type: 'databasePath',
  precision_mismatch: 'precision',
  database_outdated: 'autoUpdate',
  credentials_invalid: 'licenseKey',
  permission_required: 'edition',
  insufficient_funds: 'source',
};

/**
 * The Settings → Geolocation field whose change fixes a cause, for the fix link. A web service
 * without permission is usually the City service on a Country plan: the precision fixes it, not the
 * download edition.
 */
export function geoFixField(cause: GeolocationCause, source: 'database' | 'web_service' = 'database'): string | null {
  if (cause === 'permission_required' && source === 'web_service') return 'precision';
  return FIELDS[cause] ?? null;
}
