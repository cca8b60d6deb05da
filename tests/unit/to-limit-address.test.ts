import { describe, expect, it } from 'vitest';
import { toLimitAddress } from '../../src/domain/auth/to-limit-address.js';

describe('toLimitAddress', () => {
  it('keeps an IPv4 address, also when the socket reports it IPv4-mapped', () => {
    expect(toLimitAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(toLimitAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(toLimitAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it.each([
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:1::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('counts the IPv6 address %s by its network %s', (ip, network) => {
    expect(toLimitAddress(ip)).toBe(network);
  });

  it('gives an unknown address one shared bucket', () => {
    expect(toLimitAddress(null)).toBe('unknown');
  });
});
