import type { FakeAmazonState, IssuedToken } from '../state.js';
import type { UnauthorizedReason } from './creators-errors.js';

export type BearerCheck = { ok: true; token: IssuedToken } | { ok: false; reason: UnauthorizedReason; message: string };

const BEARER = /^Bearer\s+([^\s,]+)\s*(?:,\s*Version\s+(\S+?))?\s*$/i;

/**
 * `Bearer <token>` for tokens from Login with Amazon (v3.x), `Bearer <token>, Version 2.x` for
 * tokens from a Cognito pool (v2.x), the version matching the credential (reference §1.5).
 */
export function authorizeBearer(value: string | undefined, state: FakeAmazonState): BearerCheck {
  if (!value || value.trim() === '') return { ok: false, reason: 'MissingCredential', message: 'The request has no Authorization header.' };
  const match = BEARER.exec(value.trim());
  if (!match?.[1]) return { ok: false, reason: 'InvalidToken', message: 'The Authorization header is not a Bearer token.' };
  const token = state.findToken(match[1]);
  if (!token) return { ok: false, reason: 'InvalidToken', message: 'The access token is not valid.' };
  if (!state.scenario.credentials.some((c) => c.id === token.credentialId)) return { ok: false, reason: 'InvalidToken', message: 'The access token belongs to a credential that no longer exists.' };
  if (token.expiresAt <= state.now()) return { ok: false, reason: 'TokenExpired', message: 'The access token has expired.' };
  const version = match[2];
  if (token.version.startsWith('2.') && version !== token.version) {
    return {
      ok: false,
      reason: 'InvalidIssuer',
      message: version === undefined ? `Tokens of version ${token.version} credentials must be sent as "Bearer <token>, Version ${token.version}".` : `The token was issued for version ${token.version}, not ${version}.`,
    };
  }
  if (token.version.startsWith('3.') && version !== undefined) {
    return { ok: false, reason: 'InvalidIssuer', message: `Tokens of version ${token.version} credentials are sent without a Version suffix.` };
  }
  return { ok: true, token };
}
