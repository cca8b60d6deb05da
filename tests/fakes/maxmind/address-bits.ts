import { isIPv4 } from 'node:net';

export interface AddressBits {
  value: bigint;
  bits: 32 | 128;
}

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6 (an embedded IPv4 tail such as ::ffff:81.2.69.142 included). */
export function addressToBits(ip: string): AddressBits {
  if (isIPv4(ip)) return { value: ip.split('.').reduce((n, octet) => (n << 8n) + BigInt(octet), 0n), bits: 32 };
  const withoutV4 = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`);
  const [head = '', tail] = withoutV4.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return { value: [...headGroups, ...zeros, ...tailGroups].reduce((n, group) => (n << 16n) + BigInt(parseInt(group, 16)), 0n), bits: 128 };
}

/** The address of a number, IPv6 in its canonical short form (2001:218::). */
export function bitsToAddress({ value, bits }: AddressBits): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => (value >> shift) & 0xffn).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // The URL parser writes IPv6 hosts in their canonical short form.
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}
