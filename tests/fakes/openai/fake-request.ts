import type { IncomingMessage } from 'node:http';
import { parseJsonObject, readBody } from '../amazon/http.js';

/** A request as the handlers see it. */
export interface FakeRequest {
  method: string;
  /** Without the query string. */
  path: string;
  /** Lower-case names, repeated headers joined. */
  headers: Readonly<Record<string, string>>;
  rawBody: Buffer;
  /** The body as a JSON object; undefined when empty or not an object. */
  json: Record<string, unknown> | undefined;
}

export async function readFakeRequest(message: IncomingMessage): Promise<FakeRequest> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(message.headersDistinct)) if (values) headers[name] = values.join(', ');
  const rawBody = await readBody(message);
  return {
    method: message.method ?? 'GET',
    path: new URL(message.url ?? '/', 'http://fake.invalid').pathname,
    headers,
    rawBody,
    json: parseJsonObject(rawBody),
  };
}
