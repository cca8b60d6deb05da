import { isIPv6 } from 'node:net';

/**
 * The address a login limit counts: an IPv4 address as it is (also when the socket reports it as
 * ::ffff:a.b.c.d), an IPv6 address by its /64 network. One IPv6 subscriber usually holds a whole
 * /64, so counting single IPv6 addresses would give an attacker 2^64 fresh limits.
 */
export function toLimitAddress(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  const address = ip.split('%')[0] as string;
  if (!isIPv6(address)) return ip;
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
