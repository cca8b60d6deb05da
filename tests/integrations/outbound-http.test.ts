import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { createOutboundHttp, type ResolveName } from '../../src/integrations/http/create-outbound-http.js';
import { isPublicAddress } from '../../src/integrations/http/outbound-policy.js';
import { sendOutbound } from '../../src/integrations/http/send-outbound.js';
import { startCaptureServer, streamHugeAnswer, type EndlessAnswer } from '../helpers/capture-server.js';

const MB = 1024 * 1024;

/** A resolver that knows a few names, as an attacker's DNS would answer for them; counts how often it is asked. */
function mappedNames(names: Record<string, string[]>): ResolveName & { asked: () => number } {
  let asked = 0;
  const resolve = ((hostname, _options, callback) => {
    asked++;
    const addresses = names[hostname];
    if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  }) as ResolveName & { asked: () => number };
  resolve.asked = () => asked;
  return resolve;
}

const get = (http: ReturnType<typeof createOutboundHttp>, url: string, maxBytes = MB) => sendOutbound(http, { url, method: 'GET', timeoutMs: 5000, maxBytes, headers: { authorization: 'Bearer the-secret' } });

describe('the addresses outbound requests may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['169.254.169.254', 'link-local: cloud metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.5', 'documentation'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'IPv6 unique local'],
    ['fd12:3456::1', 'IPv6 unique local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:8.8.8.8', 'IPv4-mapped (any)'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '52.94.236.248', '2001:4860:4860::8888', '2a00:1450:4001::200e'])('allows the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('guarded outbound HTTP', () => {
  it('connects to nothing on loopback when the operator allowed no private address, by address or by name', async () => {
    const capture = await startCaptureServer();
    const http = createOutboundHttp({ allowPrivate: [] });
    for (const url of [`${capture.origin}/v1`, `http://localhost:${capture.port}/v1`, `http://[::ffff:127.0.0.1]:${capture.port}/v1`]) {
      const sent = await get(http, url);
      expect(!sent.ok && sent.error.kind, url).toBe('address_refused');
    }
    expect(capture.connections()).toBe(0);
    expect(capture.requests).toEqual([]);
  });

  it('checks what a name resolves to when it connects: internal addresses behind a public-looking name are refused', async () => {
    const capture = await startCaptureServer();
    const resolve = mappedNames({
      'metadata.attacker.test': ['169.254.169.254'],
      'intranet.attacker.test': ['10.20.30.40'],
      // One public answer does not launder a private one next to it.
      'mixed.attacker.test': ['93.184.216.34', '127.0.0.1'],
      'rebind.attacker.test': ['127.0.0.1'],
    });
    const http = createOutboundHttp({ allowPrivate: [], resolve });
    for (const host of ['metadata.attacker.test', 'intranet.attacker.test', 'mixed.attacker.test', 'rebind.attacker.test']) {
      const sent = await get(http, `http://${host}:${capture.port}/latest/meta-data/`);
      expect(sent.ok ? 'answered' : sent.error.message, host).toMatch(/private or special-purpose address/);
    }
    // Each request asked the resolver itself, at connect time: no earlier answer was trusted.
    expect(resolve.asked()).toBe(4);
    expect(capture.connections()).toBe(0);
  });

  it('refuses literal private addresses without connecting at all', async () => {
    const http = createOutboundHttp({ allowPrivate: [] });
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://0.0.0.0:8080/', 'http://[fd00::1]/']) {
      const sent = await get(http, url);
      expect(!sent.ok && sent.error.kind, url).toBe('address_refused');
    }
  });

  it('reaches loopback when PASSIVEWP_ALLOW_PRIVATE_OUTBOUND lists it, and an origin the operator configured without it', async () => {
    const capture = await startCaptureServer();
    const allowed = await get(createOutboundHttp({ allowPrivate: ['loopback'] }), `http://localhost:${capture.port}/a`);
    expect(allowed.ok && allowed.value.status).toBe(200);
    const configured = await get(createOutboundHttp({ allowPrivate: [], trustedOrigins: [capture.origin] }), `${capture.origin}/b`);
    expect(configured.ok && configured.value.status).toBe(200);
    // Trust is for that origin only, not for the address: another port on loopback stays refused.
    const other = await startCaptureServer();
    const elsewhere = await get(createOutboundHttp({ allowPrivate: [], trustedOrigins: [capture.origin] }), `${other.origin}/c`);
    expect(!elsewhere.ok && elsewhere.error.kind).toBe('address_refused');
    expect(capture.requests.map((r) => r.path)).toEqual(['/a', '/b']);
    expect(other.connections()).toBe(0);
  });

  it('does not follow a redirect, so a secret never travels on to where it points', async () => {
    const capture = await startCaptureServer();
    const target = await startCaptureServer();
    capture.answer((_request, response) => void response.writeHead(307, { location: `${target.origin}/stolen` }).end());
    const sent = await get(createOutboundHttp({ allowPrivate: ['loopback'] }), `${capture.origin}/start`);
    expect(sent.ok && sent.value.status).toBe(307);
    expect(target.requests).toEqual([]);
  });
});

describe('answers larger than the limit', () => {
  it('drops the connection of a 50 MB answer once 2 MB have arrived, with a typed failure instead of reading it all', async () => {
    const capture = await startCaptureServer();
    let answer: EndlessAnswer | undefined;
    capture.answer((_request, response) => void (answer = streamHugeAnswer(response, 50 * MB)));
    const sent = await get(createOutboundHttp({ allowPrivate: ['loopback'] }), `${capture.origin}/huge`, 2 * MB);
    expect(!sent.ok && sent.error).toMatchObject({ kind: 'too_large', message: expect.stringContaining('larger than 2 MB') });
    await expect.poll(() => answer?.dropped()).toBe(true);
    // The sender got no further than a few socket buffers past the limit before we hung up.
    expect(answer!.written()).toBeLessThan(10 * MB);
  });

  it('refuses an answer whose declared length is over the limit before reading it', async () => {
    const capture = await startCaptureServer();
    capture.answer((_request, response) => void response.writeHead(200, { 'content-length': String(30 * MB) }).write('x'));
    const sent = await get(createOutboundHttp({ allowPrivate: ['loopback'] }), `${capture.origin}/declared`, MB);
    expect(!sent.ok && sent.error).toMatchObject({ kind: 'too_large', limitBytes: MB });
  });
});
