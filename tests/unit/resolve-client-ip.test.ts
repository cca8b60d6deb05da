import { describe, expect, it } from 'vitest';
import { resolveClientIp } from '../../src/domain/geo/resolve-client-ip.js';

describe('the visitor’s address', () => {
  it('ignores X-Forwarded-For from an address that is not a trusted proxy (a spoofed header)', () => {
    expect(resolveClientIp({ socketAddress: '198.51.100.7', forwardedFor: '81.2.69.142' }, '')).toEqual({
      ip: '198.51.100.7',
      socketAddress: '198.51.100.7',
      forwardedFor: '81.2.69.142',
      usedForwardedFor: false,
    });
    expect(resolveClientIp({ socketAddress: '198.51.100.7', forwardedFor: '81.2.69.142' }, '10.0.0.0/8\nloopback').ip).toBe('198.51.100.7');
  });

  it('honours X-Forwarded-For from a trusted proxy, given as an address, a range or a name', () => {
    for (const trusted of ['10.0.0.5', '10.0.0.0/8', '10.0.0.0/8, 192.168.0.0/16']) {
      expect(resolveClientIp({ socketAddress: '10.0.0.5', forwardedFor: '81.2.69.142' }, trusted)).toMatchObject({ ip: '81.2.69.142', usedForwardedFor: true });
    }
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '2001:db8::1' }, 'loopback').ip).toBe('2001:db8::1');
  });

  it('walks the chain from the right and stops at the first untrusted hop, so a client cannot prepend its own address', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the CDN (trusted) appended the real client, 81.2.69.142.
    expect(resolveClientIp({ socketAddress: '10.0.0.5', forwardedFor: '1.2.3.4, 81.2.69.142' }, '10.0.0.0/8').ip).toBe('81.2.69.142');
    // Two trusted proxies in a row.
    expect(resolveClientIp({ socketAddress: '10.0.0.5', forwardedFor: '1.2.3.4, 81.2.69.142, 10.0.0.9' }, '10.0.0.0/8').ip).toBe('81.2.69.142');
  });

  it('reports IPv4 clients of a dual-stack socket without the ::ffff: prefix', () => {
    expect(resolveClientIp({ socketAddress: '::ffff:127.0.0.1', forwardedFor: undefined }, '')).toMatchObject({ ip: '127.0.0.1', socketAddress: '127.0.0.1', forwardedFor: null });
  });
});
