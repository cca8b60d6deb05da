import type { CheckRowResult, CheckRun, CheckStart } from '../../../src/domain/connection-checks/check-run.js';

export type { CheckAttempt, CheckRowResult, CheckRun, CheckStart, CheckStatus, CheckSummary, SettingsPart } from '../../../src/domain/connection-checks/check-run.js';
export type { LatestCheck } from '../../../src/domain/connection-checks/read-latest-check.js';
export type { CheckStatusSummary } from '../../../src/domain/connection-checks/read-check-status.js';

/** One line of the NDJSON answer of `POST /api/checks/amazon` (see src/http/api/checks.routes.ts). */
export type CheckEvent =
  | ({ type: 'start' } & CheckStart)
  | { type: 'row'; row: CheckRowResult }
  | { type: 'done'; run: CheckRun }
  /** The run failed after it had started; the engine log has the details. */
  | { type: 'error'; code: string; message: string };
