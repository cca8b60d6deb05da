import type { Result } from '../../shared/result.js';
import type { EngineContext } from '../context.js';
import type { GeoFailure, GeoLocator } from './geo-gateway.js';
import type { GeoSettings } from './read-geo-settings.js';

/** The configured database, opened; a refused Database file is reported without asking the gateway. */
export async function openGeoDatabase(ctx: EngineContext, settings: GeoSettings): Promise<Result<GeoLocator, GeoFailure>> {
  return settings.database.ok ? ctx.geo.openDatabase(settings.database.value) : settings.database;
}
