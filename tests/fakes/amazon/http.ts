import type { IncomingMessage } from 'node:http';

/** What a handler answers; the router adds the delay and writes it out. */
export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  latencyMs?: number;
}

/** A request as the handlers see it: the real Amazon host recovered from the first path segment. */
export interface FakeRequest {
  method: string;
  /** e.g. `webservices.amazon.de` */
  host: string;
  /** The path below the host segment, e.g. `/paapi5/getitems`. */
  path: string;
  /** Raw query string without `?` (empty when none). */
  query: string;
  /** Lower-case names; repeated headers keep every value. */
  headers: Readonly<Record<string, readonly string[]>>;
  /** Exact bytes received: SigV4 hashes them. */
  rawBody: Buffer;
}

export function header(request: FakeRequest, name: string): string | undefined {
  const values = request.headers[name.toLowerCase()];
  return values && values.length > 0 ? values.join(', ') : undefined;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): FakeResponse {
  return headers ? { status, body, headers } : { status, body };
}

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; anything else (array, scalar, broken text) is undefined. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  if (raw.length === 0) return undefined;
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
