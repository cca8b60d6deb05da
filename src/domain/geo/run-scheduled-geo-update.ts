import type { EngineContext } from '../context.js';
import { nextGeoUpdateAt } from './next-geo-update.js';
import { openGeoDatabase } from './open-geo-database.js';
import { readGeoSettings } from './read-geo-settings.js';
import { updateGeoDatabase, type DatabaseUpdateView } from './update-geo-database.js';

/** The weekly MaxMind download, when it is due; null when nothing was due. */
export async function runScheduledGeoUpdate(ctx: EngineContext): Promise<DatabaseUpdateView | null> {
  const settings = await readGeoSettings(ctx);
  if (settings.values.source !== 'database') return null;
  const [[latest], opened] = await Promise.all([ctx.stores.geoUpdates.recent(1), openGeoDatabase(ctx, settings)]);
  const fileExists = opened.ok || opened.error.cause !== 'database_missing';
  const dueAt = nextGeoUpdateAt(settings.values, latest, fileExists, ctx.clock.now());
  if (!dueAt || dueAt.getTime() > ctx.clock.now().getTime()) return null;
  return updateGeoDatabase(ctx, { actor: 'scheduler' });
}
