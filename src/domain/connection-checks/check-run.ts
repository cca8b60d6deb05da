import type { ProductSourceName } from '../products/product.js';
import type { CauseCode } from './cause-codes.js';

/**
 * The shapes of "Check API Connections" as the API, the CLI, the admin app and the stored history
 * show them. The JSON names are a public contract: add fields, never rename one.
 */
export type CheckStatus = 'ok' | 'warning' | 'error';

/** One source asked during a row's probe, in the order they were asked. */
export interface CheckAttempt {
  source: ProductSourceName;
  cause: CauseCode;
  latencyMs: number;
}

export interface CheckRowResult {
  /** Our marketplace code: `de`, `us` … */
  country: string;
  marketplaceName: string;
  domain: string;
  partnerTag: string | null;
  /** Whether the tag came from the marketplace row or from the Default Partner Tag. */
  partnerTagFrom: 'row' | 'default' | null;
  /** The source that answered (or the last one asked when none did); null when nothing was asked. */
  source: ProductSourceName | null;
  tried: CheckAttempt[];
  status: CheckStatus;
  cause: CauseCode;
  message: string;
  fix: string;
  /** Settings field path the fix link focuses: `creatorsCredentialSecret`, `marketplaces.2.partnerTag` … */
  fixField: string | null;
  /** Time spent asking the sources, waits for the credential's rate limit included. */
  latencyMs: number;
  checkedAt: string;
}

export interface CheckSummary {
  total: number;
  ok: number;
  warning: number;
  error: number;
}

export interface CheckRun {
  id: string;
  actor: string;
  mode: string;
  startedAt: string;
  finishedAt: string;
  summary: CheckSummary;
  /** "22 marketplaces: 20 ok, 1 warning, 1 error" */
  summaryText: string;
  rows: CheckRowResult[];
}

/** What a caller learns before the first row: which run it is watching (a joined or reused one too). */
export interface CheckStart {
  runId: string;
  mode: string;
  total: number;
  reused: boolean;
  startedAt: string;
}

/** Parts of the Amazon settings whose change makes an earlier run stale. */
export type SettingsPart = 'credentials' | 'mode' | 'tags';

export interface SettingsFingerprint {
  /** sha256 over every part; never contains a secret. */
  value: string;
  parts: Record<SettingsPart, string>;
}

/** A run as stored: the public run plus what staleness and the dashboard need. */
export interface CheckRunRecord extends CheckRun {
  fingerprint: SettingsFingerprint;
  /** Countries that were ok in the run before this one and are errors now. */
  newlyFailing: string[];
}

/** The run as the API, the CLI and the reports show it: the stored record minus internals. */
export function toPublicRun(record: CheckRun): CheckRun {
  const { id, actor, mode, startedAt, finishedAt, summary, summaryText, rows } = record;
  return { id, actor, mode, startedAt, finishedAt, summary, summaryText, rows };
}
