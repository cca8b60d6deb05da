import type { EngineContext } from '../context.js';
import { toPublicRun, type CheckRun, type SettingsPart } from './check-run.js';
import { listChangedSettings } from './list-changed-settings.js';
import { AMAZON } from './run-amazon-check.js';

export interface LatestCheck {
  run: CheckRun | null;
  /** The settings changed since that run, so its rows may no longer be true. */
  stale: boolean;
  changed: SettingsPart[];
}

/** The last run, for the settings page on load, marked stale when credentials, mode or tags changed since. */
export async function readLatestCheck(ctx: EngineContext): Promise<LatestCheck> {
  const [latest] = await ctx.stores.checkRuns.recent(AMAZON, 1);
  if (!latest) return { run: null, stale: false, changed: [] };
  const changed = await listChangedSettings(ctx, latest);
  return { run: toPublicRun(latest), stale: changed.length > 0, changed };
}
