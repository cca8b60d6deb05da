import { err, ok, type Result } from '../../shared/result.js';
import type { EngineContext } from '../context.js';
import type { GeoFailure, GeoLocation } from './geo-gateway.js';
import { openGeoDatabase } from './open-geo-database.js';
import type { GeoSettings } from './read-geo-settings.js';

/** One address through the configured source: the database file or the web service. */
export async function locateIp(ctx: EngineContext, settings: GeoSettings, ip: string): Promise<Result<GeoLocation, GeoFailure>> {
  const { values } = settings;
  if (values.source === 'web_service') {
    if (!values.accountId || !values.licenseKey) return err({ cause: 'credentials_missing', detail: 'the web service needs the account ID and license key' });
    return ctx.geo.lookupWebService({ accountId: values.accountId, licenseKey: values.licenseKey }, values.precision, ip);
  }
  const opened = await openGeoDatabase(ctx, settings);
  if (!opened.ok) return opened;
  if (opened.value.info.precision === 'none') return err({ cause: 'database_wrong_type', detail: `${opened.value.info.databaseType} holds no locations` });
  return ok(opened.value.lookup(ip, values.precision));
}
