import type { GeoEdition, GeoFailure } from '../../domain/geo/geo-gateway.js';
import { quoteVendorMessage } from './quote-vendor-message.js';

/** A refused database download (checksum or archive) as a cause code and a sentence. */
export function downloadFailure(status: number, body: string, edition: GeoEdition, licenseKey: string): GeoFailure {
  const quoted = quoteVendorMessage(body, licenseKey);
  const said = quoted ? ` (${status}: ${quoted})` : ` (${status})`;
  if (status === 401) return { cause: 'credentials_invalid', detail: `MaxMind refused the account ID or license key${said}` };
  if (status === 403) return { cause: 'permission_required', detail: `the MaxMind account may not download ${edition}${said}` };
  if (status === 404) return { cause: 'permission_required', detail: `MaxMind has no database edition called ${edition}${said}` };
  if (status === 429 || status >= 500) return { cause: 'service_unavailable', detail: `MaxMind's download service answered ${status}` };
  return { cause: 'unexpected_response', detail: `MaxMind's download service answered ${status}${said}` };
}
