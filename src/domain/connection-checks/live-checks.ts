import type { EngineContext } from '../context.js';
import type { CheckRowResult, CheckRunRecord, CheckStart } from './check-run.js';

/** A run in progress that later callers join instead of starting their own. */
export interface LiveRun {
  /** The fingerprint of the settings the run checks, known once it has read them. */
  fingerprint: Promise<string>;
  start: Promise<CheckStart>;
  /** Rows finished so far, in the order they finished. */
  rows: CheckRowResult[];
  listeners: Set<(row: CheckRowResult) => void>;
  done: Promise<{ run: CheckRunRecord; reused: boolean }>;
}

/** The daily re-check as the dashboard describes it; registered by the scheduler while it runs. */
export interface CheckSchedule {
  /** When the re-check will run, given when the last run (of anyone) finished. */
  nextRunAt(latestFinishedAt: string | null): Date;
}

interface EngineCheckState {
  live: LiveRun | undefined;
  schedule: CheckSchedule | undefined;
}

/**
 * In-memory state of the connection checks, one per engine (tests run several engines in one
 * process, so it hangs off the context instead of module scope). It is per process: a CLI check
 * and a server check do not join each other, but both see the stored history.
 */
const states = new WeakMap<EngineContext, EngineCheckState>();

export function checkStateOf(ctx: EngineContext): EngineCheckState {
  let state = states.get(ctx);
  if (!state) states.set(ctx, (state = { live: undefined, schedule: undefined }));
  return state;
}
