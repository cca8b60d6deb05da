import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** What the fake sends back: status, headers and the exact body text. */
export interface FakeAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** An answer from the API itself: JSON with the headers every OpenAI answer carries. */
export function apiAnswer(status: number, body: unknown, headers: Record<string, string> = {}): FakeAnswer {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'openai-version': '2020-10-01',
      'openai-processing-ms': String(20 + Math.floor(Math.random() * 400)),
      'x-request-id': `req_${randomBytes(16).toString('hex')}`,
      ...headers,
    },
    body: JSON.stringify(body, null, 2),
  };
}

/** An answer from something in front of the API (Cloudflare) or from another website. */
export function htmlAnswer(status: number, html: string): FakeAnswer {
  return { status, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: html };
}

export function withHeaders(answer: FakeAnswer, headers: Record<string, string>): FakeAnswer {
  return { ...answer, headers: { ...answer.headers, ...headers } };
}

export function writeAnswer(response: ServerResponse, answer: FakeAnswer): void {
  // The client may have given up (timeout tests); there is nobody left to answer.
  if (response.destroyed) return;
  response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  response.end(answer.body);
}
