import type { GeoFailure } from '../../domain/geo/geo-gateway.js';
import type { GeolocationCause } from '../../domain/connection-checks/geolocation-causes.js';
import { quoteVendorMessage } from './quote-vendor-message.js';

export interface WebServiceError {
  status: number;
  /** MaxMind's error code (`AUTHORIZATION_INVALID` …), when the body had one. */
  code: string | null;
  message: string;
}

/**
 * MaxMind's documented web-service errors as cause codes: any 401 (AUTHORIZATION_INVALID,
 * ACCOUNT_ID_REQUIRED, ACCOUNT_ID_UNKNOWN, LICENSE_KEY_REQUIRED), 402 (INSUFFICIENT_FUNDS,
 * OUT_OF_QUERIES), 403 (PERMISSION_REQUIRED), then overload and server errors.
 */
export function webServiceFailure({ status, code, message }: WebServiceError, licenseKey: string): GeoFailure {
  const cause: GeolocationCause =
    status === 401 ? 'credentials_invalid'
    : status === 402 ? 'insufficient_funds'
    : status === 403 ? 'permission_required'
    : status === 429 || status >= 500 ? 'service_unavailable'
    : 'unexpected_response';
  const quoted = quoteVendorMessage(message, licenseKey);
  const said = quoted ? `: ${quoted}` : '';
  return { cause, detail: `the MaxMind web service answered ${status}${code ? ` ${code}` : ''}${said}` };
}
