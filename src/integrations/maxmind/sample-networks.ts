import { seededRandom } from './seeded-random.js';

export interface SearchTree {
  db: Buffer;
  nodeCount: number;
  /** 24, 28 or 32 bits per record, two records per node. */
  recordSize: number;
  ipVersion: number;
  /** Bytes of the search tree: data pointers count from its end plus the 16-byte separator. */
  searchTreeSize: number;
}

export interface SampledNetwork {
  /** The first address of the network, as a lookup would be written. */
  address: string;
  /** Where its record starts in the file. */
  dataOffset: number;
}

/**
 * Networks spread over the whole search tree, found by `count` seeded random walks from the root
 * that turn away from empty branches, so each walk ends at a record when the subtree has any.
 * Costs at most `count` × 128 node reads, however large the file. One network per record.
 */
export function sampleNetworks(tree: SearchTree, count: number): SampledNetwork[] {
  // The same sample on every open, so a file is either always accepted or always refused.
  const random = seededRandom(0x6d6d6462);
  const bitLength = tree.ipVersion === 6 ? 128 : 32;
  const byOffset = new Map<number, SampledNetwork>();
  for (let walk = 0; walk < count; walk++) {
    const bits: number[] = [];
    let node = 0;
    while (bits.length < bitLength) {
      const preferred = random() < 0.5 ? 0 : 1;
      let bit = preferred;
      let next = readRecord(tree, node, bit);
      if (next === tree.nodeCount) {
        bit = 1 - preferred;
        next = readRecord(tree, node, bit);
      }
      bits.push(bit);
      if (next === tree.nodeCount) break;
      if (next > tree.nodeCount) {
        const dataOffset = next - tree.nodeCount + tree.searchTreeSize;
        if (!byOffset.has(dataOffset)) byOffset.set(dataOffset, { address: formatAddress(bits, bitLength), dataOffset });
        break;
      }
      node = next;
    }
  }
  return [...byOffset.values()];
}

function readRecord({ db, recordSize }: SearchTree, node: number, bit: number): number {
  const nodeBytes = recordSize / 4;
  const at = node * nodeBytes;
  if (recordSize === 24) return db.readUIntBE(at + 3 * bit, 3);
  if (recordSize === 32) return db.readUInt32BE(at + 4 * bit);
  // 28 bits: the middle byte holds the top 4 bits of the left record (high nibble) and of the right one (low nibble).
  const middle = db[at + 3] as number;
  return bit === 0 ? ((middle & 0xf0) << 20) | db.readUIntBE(at, 3) : ((middle & 0x0f) << 24) | db.readUIntBE(at + 4, 3);
}

function formatAddress(bits: number[], bitLength: number): string {
  const bytes = new Uint8Array(bitLength / 8);
  bits.forEach((bit, index) => {
    if (bit) bytes[index >> 3]! |= 0x80 >> (index & 7);
  });
  if (bitLength === 32) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  // The URL parser writes IPv6 hosts in their canonical short form (2a02:df00::).
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}
