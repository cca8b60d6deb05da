/**
 * The refresh jobs and their payloads. Payloads hold ids and marketplace codes only — never
 * credentials — because the Jobs screen shows them.
 */
export const REFRESH_CYCLE_JOB = 'product-refresh-cycle';
export const REFRESH_BATCH_JOB = 'product-refresh-batch';

/** How often every engine asks for a refresh cycle (a singleton: one runs at a time across engines). */
export const REFRESH_CYCLE_MS = 60_000;

/** How long a claim on products lasts: long enough for a queued batch to wait its turn in the pacer. */
export const CLAIM_MS = 10 * 60_000;

export interface RefreshBatchData {
  marketplace: string;
  productIds: string[];
  /** The claim the planner took on these products; the batch renews it instead of competing with it. */
  claimToken: string;
}
