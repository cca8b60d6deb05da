/**
 * Expected failures of outbound calls are values, not exceptions: callers must look at `ok`
 * before they can reach the value, so a failure cannot be forgotten.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
