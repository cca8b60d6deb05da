import { addressToBits, bitsToAddress } from './address-bits.js';

/** The network (CIDR) of `prefixLength` bits around `ip`, as MaxMind writes `traits.network`. */
export function networkOf(ip: string, prefixLength: number): string {
  const { value, bits } = addressToBits(ip);
  const hostBits = BigInt(bits - prefixLength);
  return `${bitsToAddress({ value: (value >> hostBits) << hostBits, bits })}/${prefixLength}`;
}
