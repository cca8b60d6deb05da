import type { GeoFailure } from '../../domain/geo/geo-gateway.js';

/** A request to MaxMind that got no (complete) answer: aborted by our timeout, or the network failed. */
export function classifyTransportError(error: unknown, host: string): GeoFailure {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { cause: 'timeout', detail: `${host} did not answer in time` };
  const reason = e.cause?.code ?? e.cause?.message ?? e.message ?? 'unknown error';
  return { cause: 'network_error', detail: `could not reach ${host}: ${reason}` };
}
