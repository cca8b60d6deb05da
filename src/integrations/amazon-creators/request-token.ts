import { err, ok, type Result } from '../../shared/result.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { parseRetryAfter } from '../amazon/parse-retry-after.js';
import { resolveAmazonUrl } from '../amazon/resolve-amazon-url.js';
import { sendRequest } from '../amazon/send-request.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';
import type { CreatorsCredential } from './creators-credential.js';
import { TOKEN_ENDPOINTS } from './token-endpoints.js';

export interface AccessToken {
  value: string;
  expiresAt: number;
}

export interface TokenRequestOptions {
  http: OutboundHttp;
  endpointOverride: string | undefined;
  timeoutMs: number;
  now: () => number;
}

/** One OAuth2 client-credentials exchange; failures classified into our cause codes. */
export async function requestToken(credential: CreatorsCredential, options: TokenRequestOptions): Promise<Result<AccessToken, SourceError>> {
  const endpoint = TOKEN_ENDPOINTS[credential.version];
  const fields = { grant_type: 'client_credentials', client_id: credential.id, client_secret: credential.secret, scope: endpoint.scope };
  // The official SDKs send JSON to Login with Amazon and a form to Cognito; both servers are standard OAuth2.
  const lwa = endpoint.flavour === 'lwa';
  const sent = await sendRequest({
    http: options.http,
    url: resolveAmazonUrl(endpoint.url, options.endpointOverride),
    headers: { 'content-type': lwa ? 'application/json' : 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: lwa ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
    timeoutMs: options.timeoutMs,
  });
  if (!sent.ok) return sent;
  const { status, json, headers } = sent.value;
  const body = (json ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
  if (status === 200 && typeof body.access_token === 'string') {
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
    return ok({ value: body.access_token, expiresAt: options.now() + lifetime * 1000 });
  }
  const code = typeof body.error === 'string' ? summarizeForeignText(body.error, [credential.secret], 60) : undefined;
  const vendor = { httpStatus: status, vendorCode: code, vendorMessage: summarizeForeignText(body.error_description, [credential.secret]) || undefined };
  if (code === 'invalid_client' || code === 'unauthorized_client' || status === 401) {
    return err(sourceError('credentials_invalid', {
      ...vendor,
      message: `Amazon's token service (version ${credential.version}) rejected the Credential ID or Secret. A credential only works with the version shown next to it in Associates Central.`,
    }));
  }
  if (code === 'invalid_scope') {
    return err(sourceError('credentials_invalid', { ...vendor, message: `Amazon refused the scope for version ${credential.version}: the credential version is probably wrong (2.x and 3.x credentials are not interchangeable).` }));
  }
  if (status === 403) return err(sourceError('not_eligible', { ...vendor, message: 'Amazon refused to issue a token: these credentials are not authorised for the Creators API.' }));
  if (status === 429) return err(sourceError('throttled', { ...vendor, retryAfterMs: parseRetryAfter(headers.get('retry-after')) }));
  if (status >= 500) return err(sourceError('amazon_unavailable', vendor));
  return err(sourceError('unexpected_response', { ...vendor, message: `Amazon's token service answered ${status}${code ? ` (${code})` : ''}.` }));
}
