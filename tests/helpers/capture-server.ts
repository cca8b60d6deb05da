import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface CapturedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export interface CaptureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request that arrived, in order: a secret that must not leave shows up here if it did. */
  requests: CapturedRequest[];
  /** TCP connections accepted, a request or not. */
  connections(): number;
  /** How the next requests are answered; `{}` with 200 until told otherwise. */
  answer(handler: (request: IncomingMessage, response: ServerResponse) => void): void;
}

/** A loopback server that records what reaches it: the attacker's host in the tests of where secrets go. Closed when the test ends. */
export async function startCaptureServer(): Promise<CaptureServer> {
  let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  const requests: CapturedRequest[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization });
    request.resume();
    handler(request, response);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    answer: (next) => void (handler = next),
  };
}

export interface EndlessAnswer {
  /** Bytes written before the client dropped the connection (or the total, if it never did). */
  written(): number;
  /** Whether the client closed the connection before the whole answer was sent. */
  dropped(): boolean;
}

/**
 * Answers with `totalBytes` of `contentType`, in chunks, as fast as the client reads, and without a
 * Content-Length: the client learns the size only by reading. Stops when the client hangs up.
 */
export function streamHugeAnswer(response: ServerResponse, totalBytes: number, contentType = 'application/json'): EndlessAnswer {
  let written = 0;
  let dropped = false;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  response.writeHead(200, { 'content-type': contentType });
  response.write('{"padding":"');
  response.on('close', () => (dropped = written < totalBytes));
  const pump = () => {
    while (written < totalBytes && !response.destroyed) {
      written += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end('"}');
  };
  pump();
  return { written: () => written, dropped: () => dropped };
}
