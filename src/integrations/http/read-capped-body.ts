import { AnswerTooLargeError } from './outbound-errors.js';

/**
 * Reads a whole answer body, but never more than `limitBytes`: past the limit the reading stops,
 * `drop` ends the connection and AnswerTooLargeError is thrown.
 */
export async function readCappedBody(response: Response, limitBytes: number, host: string, drop: () => void): Promise<Buffer> {
  refuseDeclaredOversize(response, limitBytes, host, drop);
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      drop();
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLargeError(host, limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received);
}

/** An answer that announces more than the limit (Content-Length) is refused before a byte of it is read. */
export function refuseDeclaredOversize(response: Response, limitBytes: number, host: string, drop: () => void): void {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limitBytes) {
    drop();
    throw new AnswerTooLargeError(host, limitBytes);
  }
}

/** The same limit for a body handed on as a stream (an SDK reads it): it errors, and the connection drops, past the limit. */
export function capBodyStream(body: ReadableStream<Uint8Array>, limitBytes: number, host: string, drop: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limitBytes) {
          controller.error(new AnswerTooLargeError(host, limitBytes));
          drop();
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}
