import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../src/integrations/amazon/send-request.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';

let slow: Server;
let slowUrl: string;

beforeAll(async () => {
  slow = createServer((_req, res) => setTimeout(() => res.end('{}'), 2000));
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
});
afterAll(() => {
  slow.closeAllConnections();
  slow.close();
});

describe('transport failures become cause codes', () => {
  it('network_error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const result = await sendRequest({ http: LOOPBACK_HTTP, url: `http://127.0.0.1:${port}/x`, timeoutMs: 2000 });
    expect(!result.ok && result.error).toMatchObject({ cause: 'network_error', retryable: true, vendorCode: 'ECONNREFUSED' });
  });

  it('timeout when the answer is too slow', async () => {
    const result = await sendRequest({ http: LOOPBACK_HTTP, url: `${slowUrl}/x`, timeoutMs: 200 });
    expect(!result.ok && result.error).toMatchObject({ cause: 'timeout', retryable: true });
  });

  it('tls_error when the TLS handshake fails', async () => {
    const result = await sendRequest({ http: LOOPBACK_HTTP, url: slowUrl.replace('http:', 'https:'), timeoutMs: 2000 });
    expect(!result.ok && result.error.cause).toBe('tls_error');
  });

  it('any HTTP answer is a success at this level, with the body parsed when it is JSON', async () => {
    const server = createServer((_req, res) => res.writeHead(503, { 'content-type': 'application/json' }).end('{"type":"InternalServerException"}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const result = await sendRequest({ http: LOOPBACK_HTTP, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, timeoutMs: 2000 });
    server.close();
    expect(result.ok && result.value).toMatchObject({ status: 503, json: { type: 'InternalServerException' } });
  });
});
