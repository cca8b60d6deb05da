import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { GEOLOCATION_CAUSES } from '../connection-checks/geolocation-causes.js';
import type { CheckFinding } from '../connection-checks/integration-check.js';
import { makeFinding } from '../connection-checks/make-finding.js';
import { geoFixField } from './geo-fix-field.js';
import type { GeoFailure } from './geo-gateway.js';
import { readGeoSettings } from './read-geo-settings.js';

export interface DatabaseUpdateView {
  id: string;
  actor: string;
  startedAt: string;
  finishedAt: string;
  edition: string;
  outcome: 'updated' | 'unchanged' | 'failed';
  /** `ok` for updated/unchanged, otherwise why the old file was kept. */
  finding: CheckFinding;
  sha256: string | null;
  buildDate: string | null;
}

export const KEPT_UPDATES = 50;

/** One download at a time per engine: "Download now" during the weekly update joins it. */
const running = new WeakMap<EngineContext, Promise<DatabaseUpdateView>>();

/**
 * Downloads the chosen edition with the saved account ID and license key and swaps it in only
 * after it passed every check (the gateway keeps the old file otherwise); every attempt is recorded.
 */
export function updateGeoDatabase(ctx: EngineContext, { actor }: { actor: string }): Promise<DatabaseUpdateView> {
  const current = running.get(ctx);
  if (current) return current;
  const update = downloadAndRecord(ctx, actor).finally(() => running.delete(ctx));
  running.set(ctx, update);
  return update;
}

async function downloadAndRecord(ctx: EngineContext, actor: string): Promise<DatabaseUpdateView> {
  const startedAt = ctx.clock.now().toISOString();
  const settings = await readGeoSettings(ctx);
  const { accountId, licenseKey, edition } = settings.values;
  const base = { id: newId('check'), actor, startedAt, edition };
  const failed = (finding: CheckFinding): DatabaseUpdateView => ({ ...base, finishedAt: ctx.clock.now().toISOString(), outcome: 'failed', finding, sha256: null, buildDate: null });
  const failedBecause = ({ cause, detail }: GeoFailure) => failed(makeFinding(GEOLOCATION_CAUSES, cause, { detail, fixField: geoFixField(cause) }));
  let view: DatabaseUpdateView;
  if (!settings.database.ok) {
    // A refused Database file is never a download target: nothing is fetched or written.
    view = failedBecause(settings.database.error);
  } else if (!accountId || !licenseKey) {
    view = failed(makeFinding(GEOLOCATION_CAUSES, 'credentials_missing', { fixField: accountId ? 'licenseKey' : 'accountId' }));
  } else {
    const result = await ctx.geo.downloadDatabase({ edition, credentials: { accountId, licenseKey }, targetName: settings.database.value });
    view = result.ok
      ? { ...base, finishedAt: ctx.clock.now().toISOString(), outcome: result.value.outcome, finding: makeFinding(GEOLOCATION_CAUSES, 'ok'), sha256: result.value.sha256, buildDate: result.value.info.buildDate }
      : failedBecause(result.error);
  }
  await ctx.stores.geoUpdates.insert(view, KEPT_UPDATES);
  const log = { edition, outcome: view.outcome, cause: view.finding.cause, actor };
  if (view.outcome === 'failed') ctx.logger.warn(log, 'MaxMind database update failed; the previous file is kept');
  else ctx.logger.info(log, 'MaxMind database update finished');
  return view;
}
