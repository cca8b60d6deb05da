import { randomBytes } from 'node:crypto';

const PREFIXES = {
  admin: 'adm',
  session: 'ses',
  audit: 'aud',
  relayToken: 'rly',
  check: 'chk',
  product: 'prd',
  claim: 'clm',
  search: 'srh',
  helpFeedback: 'hfb',
} as const;

export type IdKind = keyof typeof PREFIXES;

/** Ids carry their kind (`adm_…`), so a log line or a URL says what it points at. */
export function newId(kind: IdKind): string {
  return `${PREFIXES[kind]}_${randomBytes(12).toString('base64url')}`;
}

/** An unguessable bearer value (session cookie, setup link, CSRF token). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
