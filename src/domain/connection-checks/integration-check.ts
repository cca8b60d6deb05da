import type { Severity } from './cause-codes.js';

/**
 * The result of checking a single-endpoint integration (OpenAI, Geolocation), as the API, the CLI,
 * the dashboard and the stored history show it. Amazon has its own per-marketplace shape
 * (check-run.ts). The JSON names are a public contract: add fields, never rename one.
 */
export type IntegrationId = 'openai' | 'geolocation';

/** One thing the check found: the outcome itself, or a doubt next to a working connection. */
export interface CheckFinding {
  severity: Severity;
  /** A code from the integration's cause table (openai-causes.ts, geolocation-causes.ts). */
  cause: string;
  message: string;
  fix: string;
  /** The settings field the fix link focuses (`apiKey`, `databasePath` …), or null. */
  fixField: string | null;
}

export type CheckDetails = Record<string, string | number | boolean | null>;

export interface IntegrationCheck {
  id: string;
  integration: IntegrationId;
  actor: string;
  startedAt: string;
  finishedAt: string;
  latencyMs: number;
  /** The worst severity among the findings. */
  status: Severity;
  /** The outcome first (`ok` or the failure), then warnings such as an old database. */
  findings: CheckFinding[];
  /** What the check learned: model, database type, build date, age in days … never a secret. */
  details: CheckDetails;
}

/** A check as stored: plus what staleness and the dashboard need. */
export interface IntegrationCheckRecord extends IntegrationCheck {
  /** sha256 over the settings the check used (secrets only hashed); a change makes the result stale. */
  fingerprint: string;
}

export const worstSeverity = (findings: readonly Pick<CheckFinding, 'severity'>[]): Severity =>
  findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'ok';
