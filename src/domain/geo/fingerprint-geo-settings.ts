import { fingerprintSettings } from '../connection-checks/fingerprint-settings.js';
import type { GeoSettings } from './read-geo-settings.js';

/** The values a Geolocation check result depends on; the country map and proxies do not make it stale. */
export const fingerprintGeoSettings = ({ values, databasePath }: GeoSettings): string =>
  fingerprintSettings(
    { precision: values.precision, source: values.source, databasePath, accountId: values.accountId, licenseKey: values.licenseKey },
    ['licenseKey'],
  );
