import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { resumeRefreshesAfterCheck } from '../products/resume-refreshes-after-check.js';
import { resolveProductSources } from '../products/resolve-product-sources.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { amazonSection } from '../settings/sections/amazon.js';
import { buildRowResult, type ProbeOutcome } from './build-row-result.js';
import { toPublicRun, type CheckRowResult, type CheckRun, type CheckRunRecord, type CheckStart } from './check-run.js';
import { fingerprintAmazonSettings } from './fingerprint-amazon-settings.js';
import { listCheckTargets } from './list-check-targets.js';
import { checkStateOf, type LiveRun } from './live-checks.js';
import { probeMarketplace } from './probe-marketplace.js';
import { summarizeCheck } from './summarize-check.js';

/** A repeated click within this time gets the last result, unless the settings changed. */
export const REUSE_WITHIN_MS = 60_000;
/** Runs kept in the history; older ones are dropped when a run is stored. */
export const KEPT_RUNS = 100;
export const AMAZON = 'amazon';

export interface RunAmazonCheckInput {
  actor: string;
  onStart?: (start: CheckStart) => void;
  /** Called as each marketplace finishes (a joined or reused run replays the rows so far first). */
  onRow?: (row: CheckRowResult) => void;
  /** Marketplaces probed at once; 1 checks them one after another (the benchmark's baseline). */
  concurrency?: number;
}

export interface CheckOutcome {
  run: CheckRun;
  reused: boolean;
  newlyFailing: string[];
}

/**
 * "Check API Connections": probes every checked marketplace with the saved Amazon settings and
 * stores the run. A start while a run of the same settings is going joins it; a start within a
 * minute of the last run, with the same settings, gets that run back without asking Amazon again.
 * The settings' fingerprint covers the secrets (hashed), so neither hides a secret saved since.
 */
export async function runAmazonCheck(ctx: EngineContext, input: RunAmazonCheckInput): Promise<CheckOutcome> {
  const state = checkStateOf(ctx);
  for (;;) {
    const live = state.live;
    if (!live) {
      // Claimed synchronously, before any await, so that two simultaneous starts cannot both begin a run.
      const created = createLiveRun();
      state.live = created.live;
      void execute(ctx, input, created).finally(() => {
        if (state.live === created.live) state.live = undefined;
      });
      return follow(created.live, input);
    }
    const current = fingerprintAmazonSettings(await readSectionValues(ctx, amazonSection)).value;
    if ((await live.fingerprint.catch(() => current)) === current) return follow(live, input);
    // The run going on checks settings saved over since: let it end, then check what is saved now.
    await live.done.catch(() => undefined);
    if (state.live === live) state.live = undefined;
  }
}

async function follow(live: LiveRun, input: RunAmazonCheckInput): Promise<CheckOutcome> {
  const start = await live.start;
  input.onStart?.(start);
  const listener = (row: CheckRowResult) => input.onRow?.(row);
  // Replay and subscribe in one synchronous step: no row can fall between the two.
  for (const row of live.rows) listener(row);
  live.listeners.add(listener);
  try {
    const { run, reused } = await live.done;
    return { run: toPublicRun(run), reused, newlyFailing: run.newlyFailing };
  } finally {
    live.listeners.delete(listener);
  }
}

interface Deferred<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

function createLiveRun() {
  const fingerprint = {} as Deferred<string>;
  const start = {} as Deferred<CheckStart>;
  const done = {} as Deferred<{ run: CheckRunRecord; reused: boolean }>;
  const live: LiveRun = {
    fingerprint: new Promise((resolve, reject) => Object.assign(fingerprint, { resolve, reject })),
    start: new Promise((resolve, reject) => Object.assign(start, { resolve, reject })),
    done: new Promise((resolve, reject) => Object.assign(done, { resolve, reject })),
    rows: [],
    listeners: new Set(),
  };
  // Followers await these; the catches keep a failure that nobody awaits from crashing the process.
  live.fingerprint.catch(() => undefined);
  live.start.catch(() => undefined);
  live.done.catch(() => undefined);
  const emit = (row: CheckRowResult) => {
    live.rows.push(row);
    for (const listener of live.listeners) {
      try {
        listener(row);
      } catch {
        // A caller that can no longer take rows (a closed connection) must not stop the run.
      }
    }
  };
  return { live, fingerprint, start, done, emit };
}

async function execute(ctx: EngineContext, input: RunAmazonCheckInput, { fingerprint: known, start, done, emit }: ReturnType<typeof createLiveRun>): Promise<void> {
  try {
    const values = await readSectionValues(ctx, amazonSection);
    const fingerprint = fingerprintAmazonSettings(values);
    known.resolve(fingerprint.value);
    const [previous] = await ctx.stores.checkRuns.recent(AMAZON, 1);
    const now = ctx.clock.now();
    if (previous && previous.fingerprint.value === fingerprint.value && now.getTime() - Date.parse(previous.finishedAt) < REUSE_WITHIN_MS) {
      start.resolve({ runId: previous.id, mode: previous.mode, total: previous.rows.length, reused: true, startedAt: previous.startedAt });
      for (const row of previous.rows) emit(row);
      done.resolve({ run: previous, reused: true });
      return;
    }

    const targets = listCheckTargets(values);
    const id = newId('check');
    const startedAt = now.toISOString();
    start.resolve({ runId: id, mode: values.mode, total: targets.length, reused: false, startedAt });
    // Every source is resolved before the first probe leaves, so that all probes of a credential
    // ask its token cache in the same tick: one token request per credential, even a refused one.
    const resolved = await Promise.all(targets.map((target) => resolveProductSources(ctx, target.marketplace)));
    const rows: CheckRowResult[] = new Array<CheckRowResult>(targets.length);
    await forEachLimited(targets.length, input.concurrency ?? Infinity, async (index) => {
      const target = targets[index]!;
      const sources = resolved[index]!;
      const outcome: ProbeOutcome = sources.ok
        ? await probeMarketplace({ ...target, partnerTag: sources.value.partnerTag }, sources.value.sources)
        : { source: null, tried: [], error: sources.error };
      const row = buildRowResult(target, values.mode, outcome, ctx.clock.now().toISOString());
      rows[index] = row;
      emit(row);
    });

    const { summary, summaryText } = summarizeCheck(rows);
    const run: CheckRunRecord = {
      id,
      actor: input.actor,
      mode: values.mode,
      startedAt,
      finishedAt: ctx.clock.now().toISOString(),
      summary,
      summaryText,
      rows,
      fingerprint,
      newlyFailing: listNewlyFailing(previous, rows),
    };
    await ctx.stores.checkRuns.insert(AMAZON, run, KEPT_RUNS);
    await resumeRefreshesAfterCheck(ctx, rows, resolved);
    ctx.logger.info({ runId: id, actor: input.actor, mode: values.mode, summary }, 'amazon connection check finished');
    done.resolve({ run, reused: false });
  } catch (error) {
    known.reject(error);
    start.reject(error);
    done.reject(error);
  }
}

/** Countries that were ok in the previous run and are errors now (the dashboard's warning). */
function listNewlyFailing(previous: CheckRunRecord | undefined, rows: readonly CheckRowResult[]): string[] {
  if (!previous) return [];
  const okBefore = new Set(previous.rows.filter((row) => row.status === 'ok').map((row) => row.country));
  return rows.filter((row) => row.status === 'error' && okBefore.has(row.country)).map((row) => row.country);
}

/**
 * Runs `task(0..count-1)` with at most `limit` at a time. Unlimited starts every task in the same
 * synchronous loop; rows on one credential then queue in that credential's pacer in row order.
 */
async function forEachLimited(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(count, limit) }, worker));
}
