import type { CityResponse, Reader } from 'maxmind';
import { findRecordProblem, type DataSection } from './find-record-problem.js';
import { sampleNetworks } from './sample-networks.js';

/** Marks the start of the metadata at the end of every MaxMind DB file. */
const METADATA_MARKER = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex');
const SEPARATOR_BYTES = 16;
/** Random walks through the search tree: about a millisecond, whatever the size of the file. */
const SAMPLED_NETWORKS = 256;
/** A handful of addresses spread over both address spaces, in the data or not. */
const SPREAD_ADDRESSES = ['1.1.1.1', '8.8.8.8', '46.19.37.108', '81.2.69.142', '128.101.101.101', '175.16.199.1', '202.196.224.1', '223.255.255.254'];
const SPREAD_ADDRESSES_V6 = ['::1', '2001:218::1', '2001:4860:4860::8888', '2a02:cf40::1', '2c0f:ff00::1'];

/**
 * Proves an opened database decodes, not only that its metadata parses: the search tree fits in
 * the file, sampled records follow the format, and looking up sampled and spread addresses does
 * not throw. Returns what is wrong, or null.
 */
export function findDatabaseProblem(db: Buffer, reader: Reader<CityResponse>): string | null {
  const { nodeCount, recordSize, ipVersion, searchTreeSize } = reader.metadata;
  const section: DataSection = { db, start: searchTreeSize + SEPARATOR_BYTES, end: db.lastIndexOf(METADATA_MARKER), checked: new Set() };
  if (section.start > section.end) {
    return `the search tree claims ${nodeCount} nodes (${searchTreeSize} bytes), more than the file holds before its metadata (${section.end} bytes)`;
  }
  if (db.subarray(searchTreeSize, section.start).some((byte) => byte !== 0)) return 'the separator between the search tree and the data is not 16 zero bytes';
  const networks = sampleNetworks({ db, nodeCount, recordSize, ipVersion, searchTreeSize }, SAMPLED_NETWORKS);
  for (const { address, dataOffset } of networks) {
    if (dataOffset < section.start || dataOffset >= section.end) return `the search tree points outside the data section for ${address}`;
    const problem = findRecordProblem(section, dataOffset);
    if (problem) return `the record of ${address} breaks the format: ${problem}`;
  }
  const addresses = [...(ipVersion === 6 ? SPREAD_ADDRESSES_V6 : []), ...SPREAD_ADDRESSES, ...networks.map((n) => n.address)];
  for (const address of addresses) {
    try {
      reader.get(address);
    } catch (error) {
      return `looking up ${address} fails: ${(error as Error).message}`;
    }
  }
  return null;
}
