import { GEOLOCATION_CAUSES } from '../connection-checks/geolocation-causes.js';
import type { CheckFinding } from '../connection-checks/integration-check.js';
import { makeFinding } from '../connection-checks/make-finding.js';
import type { EngineContext } from '../context.js';
import { databaseAgeDays } from './database-age.js';
import type { GeoDatabaseInfo } from './geo-gateway.js';
import { geoFixField } from './geo-fix-field.js';
import { nextGeoUpdateAt } from './next-geo-update.js';
import { openGeoDatabase } from './open-geo-database.js';
import { readGeoSettings } from './read-geo-settings.js';
import type { DatabaseUpdateView } from './update-geo-database.js';

export interface GeoDatabaseView {
  source: 'database' | 'web_service';
  path: string;
  managed: boolean;
  info: (Omit<GeoDatabaseInfo, 'path'> & { ageDays: number }) | null;
  problem: CheckFinding | null;
  autoUpdate: 'off' | 'weekly';
  /** Account ID and license key are set, so "Download now" can work. */
  canDownload: boolean;
  lastUpdate: DatabaseUpdateView | null;
  nextUpdateAt: string | null;
}

/** The database panel of Settings → Geolocation: the file in use, its age, and its updates. */
export async function describeGeoDatabase(ctx: EngineContext): Promise<GeoDatabaseView> {
  const settings = await readGeoSettings(ctx);
  const { values } = settings;
  const [opened, [lastUpdate]] = await Promise.all([openGeoDatabase(ctx, settings), ctx.stores.geoUpdates.recent(1)]);
  const now = ctx.clock.now();
  const fileExists = opened.ok || opened.error.cause !== 'database_missing';
  let info: GeoDatabaseView['info'] = null;
  if (opened.ok) {
    const { path: _path, ...rest } = opened.value.info;
    info = { ...rest, ageDays: databaseAgeDays(rest.buildDate, now) };
  }
  return {
    source: values.source,
    path: settings.databasePath,
    managed: settings.managed,
    info,
    problem: opened.ok ? null : makeFinding(GEOLOCATION_CAUSES, opened.error.cause, { detail: opened.error.detail, fixField: geoFixField(opened.error.cause) }),
    autoUpdate: values.autoUpdate,
    canDownload: Boolean(values.accountId && values.licenseKey),
    lastUpdate: lastUpdate ?? null,
    nextUpdateAt: nextGeoUpdateAt(values, lastUpdate, fileExists, now)?.toISOString() ?? null,
  };
}
