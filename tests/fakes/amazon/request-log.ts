import { header, isRecord, parseJsonObject, type FakeRequest } from './http.js';

/** One request as the fake received it, secrets removed, for tests to assert on what a client sent. */
export interface LoggedRequest {
  /** The fake's clock, in ms since the epoch. */
  at: number;
  method: string;
  /** The real Amazon host (first path segment). */
  host: string;
  /** The path below the host. */
  path: string;
  /** Lower-case names; `authorization` keeps its form but not its secret. */
  headers: Record<string, string>;
  /** Parsed JSON or form fields (client_secret removed), the raw text otherwise, undefined when empty. */
  body: unknown;
  /** The answer's status, filled in once sent. */
  status?: number;
}

const REDACTED = '<redacted>';

export function toLogEntry(request: FakeRequest, at: number): LoggedRequest {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) {
    const value = header(request, name);
    if (value !== undefined) headers[name] = name === 'authorization' ? redactAuthorization(value) : value;
  }
  return { at, method: request.method, host: request.host, path: request.path, headers, body: readableBody(request) };
}

/** Keeps what tests care about (scheme, `Version 2.x`, SigV4 scope) and drops tokens, passwords, signatures. */
export function redactAuthorization(value: string): string {
  const trimmed = value.trim();
  if (/^bearer\s/i.test(trimmed)) return trimmed.replace(/^(bearer)\s+[^\s,]+/i, `$1 ${REDACTED}`);
  if (/^basic\s/i.test(trimmed)) return trimmed.replace(/^(basic)\s+\S+/i, `$1 ${REDACTED}`);
  return trimmed.replace(/Signature=[0-9a-fA-F]+/, `Signature=${REDACTED}`);
}

function readableBody(request: FakeRequest): unknown {
  if (request.rawBody.length === 0) return undefined;
  const contentType = header(request, 'content-type') ?? '';
  const parsed: unknown = contentType.includes('application/x-www-form-urlencoded')
    ? Object.fromEntries(new URLSearchParams(request.rawBody.toString('utf8')))
    : (parseJsonObject(request.rawBody) ?? request.rawBody.toString('utf8'));
  if (!isRecord(parsed)) return parsed;
  return 'client_secret' in parsed ? { ...parsed, client_secret: REDACTED } : parsed;
}
