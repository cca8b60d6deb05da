import { CAUSES, type CauseCode } from '../connection-checks/cause-codes.js';

/**
 * A failed call to a product source, as a value. Vendor details (status, Amazon's own code) are kept
 * for the log and the admin; `cause` is what the rest of the engine decides on.
 */
export interface SourceError {
  cause: CauseCode;
  retryable: boolean;
  /** Our explanation, specific to this failure where we know more than the cause's general text. */
  message: string;
  fix: string;
  httpStatus?: number;
  /** Amazon's own code or reason (`InvalidPartnerTag`, `invalid_client`, `ThrottleException` …). */
  vendorCode?: string;
  vendorMessage?: string;
  /** From `Retry-After`, when Amazon said how long to wait. */
  retryAfterMs?: number;
}

export function sourceError(cause: CauseCode, details: Partial<Omit<SourceError, 'cause'>> = {}): SourceError {
  const definition = CAUSES[cause];
  return { cause, retryable: definition.retryable, message: definition.message, fix: definition.fix, ...details };
}
