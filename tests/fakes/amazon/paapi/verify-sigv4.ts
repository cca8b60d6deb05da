import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FakeRequest } from '../http.js';

/** The parts of `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export interface SigV4Authorization {
  accessKey: string;
  /** yyyymmdd from the credential scope. */
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

export type ParsedAuthorization = { ok: true; value: SigV4Authorization } | { ok: false; message: string };

export function parseAuthorization(value: string | undefined): ParsedAuthorization {
  if (!value) return { ok: false, message: 'The request has no Authorization header.' };
  const match = /^AWS4-HMAC-SHA256\s+(.+)$/.exec(value.trim());
  if (!match?.[1]) return { ok: false, message: 'The Authorization header is not AWS4-HMAC-SHA256.' };
  const parts = new Map<string, string>();
  for (const piece of match[1].split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !parts.get(name));
    return { ok: false, message: `The Authorization header lacks ${missing.join(', ')}.` };
  }
  const [accessKey, date, region, service, terminator, ...rest] = credential.split('/');
  if (!accessKey || !date || !region || !service || !terminator || rest.length > 0) {
    return { ok: false, message: 'The Credential must be <access key>/<yyyymmdd>/<region>/<service>/aws4_request.' };
  }
  return { ok: true, value: { accessKey, date, region, service, terminator, signedHeaders: signedHeaders.split(';'), signature } };
}

/** The request as received (its `host` is the one the client signed for, from the path segment), plus its parsed signature. */
export interface SignedRequestParts extends FakeRequest {
  amzDate: string;
  authorization: SigV4Authorization;
}

/**
 * Recomputes the SigV4 signature from the request exactly as received (AWS "Create a signed
 * request" steps): canonical request over the listed signed headers, string to sign, HMAC key
 * chain. Returns the hex signature the client should have sent.
 */
export function expectedSignature(parts: SignedRequestParts, secretKey: string): string {
  const { authorization: auth } = parts;
  const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
  const stringToSign = ['AWS4-HMAC-SHA256', parts.amzDate, scope, sha256Hex(canonicalRequest(parts))].join('\n');
  let key: Buffer = hmac(`AWS4${secretKey}`, auth.date);
  for (const step of [auth.region, auth.service, auth.terminator]) key = hmac(key, step);
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

export function canonicalRequest(parts: SignedRequestParts): string {
  const names = parts.authorization.signedHeaders;
  const headerLines = names.map((name) => `${name}:${name === 'host' ? parts.host : canonicalHeaderValue(parts.headers[name])}\n`).join('');
  const payloadHash = parts.headers['x-amz-content-sha256']?.[0] ?? sha256Hex(parts.rawBody);
  return [parts.method.toUpperCase(), canonicalPath(parts.path), canonicalQuery(parts.query), headerLines, names.join(';'), payloadHash].join('\n');
}

/** Signatures compared in constant time, as any signature check should be. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function canonicalHeaderValue(values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
}

/** Clients sign the decoded path, escaping each segment once; the wire already carries that escaping. */
function canonicalPath(path: string): string {
  return path
    .split('/')
    .map((segment) => uriEscape(safeDecode(segment)))
    .join('/');
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
      return [uriEscape(safeDecode(k)), uriEscape(safeDecode(v))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function uriEscape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `20260101T120000Z` → epoch ms, or undefined when malformed. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
