import { randomBytes } from 'node:crypto';
import type { TokenHost } from './token-hosts.js';

/**
 * Token strings shaped like the real ones: Cognito hands out JWTs, Login with Amazon `Atc|…`
 * strings. Clients must treat both as opaque; the shape only makes logs look familiar.
 */
export function newAccessToken(host: TokenHost, clientId: string, issuedAt: number, expiresIn: number): string {
  if (host.flavour === 'lwa') return `Atc|${randomBytes(96).toString('base64url')}`;
  const seconds = Math.floor(issuedAt / 1000);
  const header = { kid: 'fake-amazon-key', alg: 'RS256' };
  const payload = {
    sub: clientId,
    token_use: 'access',
    scope: host.scope,
    iss: `https://cognito-idp.${host.awsRegion ?? 'us-east-1'}.amazonaws.com/${host.awsRegion ?? 'us-east-1'}_FakeAmzn`,
    exp: seconds + expiresIn,
    iat: seconds,
    version: 2,
    jti: randomBytes(16).toString('hex'),
    client_id: clientId,
  };
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${randomBytes(64).toString('base64url')}`;
}
