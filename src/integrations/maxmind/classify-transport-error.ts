import type { GeoFailure } from '../../domain/geo/geo-gateway.js';
import type { OutboundFailure } from '../http/classify-outbound-error.js';

/** A request to MaxMind that got no (complete) answer: aborted by our timeout, refused by the outbound policy, too large, or the network failed. */
export function classifyTransportError(failure: OutboundFailure): GeoFailure {
  if (failure.kind === 'timeout') return { cause: 'timeout', detail: `${failure.host} did not answer in time` };
  if (failure.kind === 'too_large') return { cause: 'unexpected_response', detail: failure.message };
  return { cause: 'network_error', detail: failure.kind === 'network' ? `could not reach ${failure.host}: ${failure.code ?? failure.reason}` : failure.message };
}
