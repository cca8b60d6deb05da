/** What a handler answers; start-fake-maxmind writes it out. */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export function text(status: number, body: string): FakeAnswer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** The web service's error body and media type. */
export function webServiceError(status: number, code: string, error: string): FakeAnswer {
  return { status, headers: { 'content-type': 'application/vnd.maxmind.com-error+json; charset=UTF-8; version=2.0' }, body: JSON.stringify({ code, error }) };
}
