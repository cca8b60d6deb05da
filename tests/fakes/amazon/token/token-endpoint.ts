import { json, type FakeRequest, type FakeResponse } from '../http.js';
import { resolveOverrides } from '../overrides.js';
import type { FakeAmazonState } from '../state.js';
import { newAccessToken } from './issue-token.js';
import { parseTokenRequest } from './parse-token-request.js';
import type { TokenHost } from './token-hosts.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/**
 * OAuth2 client-credentials token endpoint, Cognito or Login with Amazon flavour. Order of checks:
 * method, grant type, client authentication (id, secret, and that the credential's version is the
 * one this host serves), scope. Cognito answers every error with 400; LwA uses 401 for a client it
 * does not accept (reference §1.3).
 */
export function handleTokenRequest(request: FakeRequest, host: TokenHost, state: FakeAmazonState): FakeResponse {
  const fields = parseTokenRequest(request);
  if (fields.clientId) state.countTokenRequest(fields.clientId);
  const overrides = resolveOverrides(state.scenario, { surface: 'token', ...(fields.clientId ? { credential: fields.clientId } : {}) });
  const answer = (response: FakeResponse): FakeResponse => ({ ...response, latencyMs: overrides.latencyMs });
  const oauthError = (status: number, error: string, description?: string) =>
    answer(json(status, description ? { error_description: description, error } : { error }, NO_STORE));
  const refuseClient = () =>
    host.flavour === 'cognito' ? oauthError(400, 'invalid_client') : oauthError(401, 'invalid_client', 'Client authentication failed');

  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST.');
  if (overrides.faults.has('server_error')) return oauthError(500, 'server_error', 'The fake token service failed on purpose.');
  if (overrides.faults.has('throttled')) {
    if (fields.clientId) state.countThrottled(fields.clientId);
    return answer({ ...oauthError(429, 'slow_down', 'Too many token requests.'), headers: { ...NO_STORE, 'retry-after': String(state.scenario.throttleRetryAfterSeconds) } });
  }
  if (fields.grantType === undefined) return oauthError(400, 'invalid_request', 'The grant_type parameter is missing.');
  if (fields.grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `The grant type '${fields.grantType}' is not supported.`);
  if (fields.conflicting) return oauthError(400, 'invalid_request', 'The client was identified twice, differently.');
  if (fields.clientAuth === 'none' || !fields.clientId) {
    return host.flavour === 'cognito' ? oauthError(400, 'invalid_client') : oauthError(400, 'invalid_request', 'The client_id parameter is missing.');
  }

  const credential = state.scenario.credentials.find((c) => c.id === fields.clientId);
  const accepted = credential && credential.secret === fields.clientSecret && credential.version === host.version && !overrides.faults.has('invalid_client');
  if (!credential || !accepted) return refuseClient();

  // Cognito grants the client's allowed scopes when none is named; LwA insists on one.
  if (fields.scope === undefined ? host.flavour === 'lwa' : fields.scope !== host.scope) {
    return oauthError(400, 'invalid_scope', fields.scope === undefined ? 'The scope parameter is missing.' : `The scope '${fields.scope}' is not valid for this client.`);
  }

  const issuedAt = state.now();
  const expiresIn = overrides.tokenExpiresIn;
  const token = newAccessToken(host, credential.id, issuedAt, expiresIn);
  state.storeToken(token, { credentialId: credential.id, version: credential.version, expiresAt: issuedAt + expiresIn * 1000 });
  const body =
    host.flavour === 'cognito'
      ? { access_token: token, expires_in: expiresIn, token_type: 'Bearer' }
      : { access_token: token, scope: host.scope, token_type: 'bearer', expires_in: expiresIn };
  return answer(json(200, body, NO_STORE));
}
