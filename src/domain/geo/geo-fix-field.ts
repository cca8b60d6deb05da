import type { GeolocationCause } from '../connection-checks/geolocation-causes.js';

const FIELDS: Partial<Record<GeolocationCause, string>> = {
  database_missing: 'databasePath',
  database_unreadable: 'databasePath',
  database_wrong_type: 'databasePath',
  precision_mismatch: 'precision',
  database_outdated: 'autoUpdate',
  credentials_invalid: 'licenseKey',
  permission_required: 'edition',
  insufficient_funds: 'source',
};

/** The Settings → Geolocation field whose change fixes a cause, for the fix link. */
export const geoFixField = (cause: GeolocationCause): string | null => FIELDS[cause] ?? null;
