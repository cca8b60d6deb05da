import { readFileSync, writeFileSync } from 'node:fs';

const METADATA_MARKER = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex');

/**
 * A copy of a test database that declares another `database_type` (no such fixture exists):
 * the name is overwritten in place in the metadata, so it must be as long as the original,
 * e.g. GeoLite2-Country → GeoLite2-ASN-xyz.
 */
export function writeRetypedDatabase(source: string, databaseType: string, target: string): void {
  const db = readFileSync(source);
  const metadataStart = db.lastIndexOf(METADATA_MARKER);
  const key = db.indexOf('database_type', metadataStart);
  // The key is followed by the value's one-byte string header, then the value.
  const valueStart = key + 'database_type'.length + 1;
  const current = db.toString('utf8', valueStart, valueStart + databaseType.length);
  if (metadataStart < 0 || key < 0 || (db[valueStart - 1]! & 0x1f) !== databaseType.length) {
    throw new Error(`cannot retype ${source}: its database_type "${current}…" is not ${databaseType.length} bytes long`);
  }
  db.write(databaseType, valueStart, 'utf8');
  writeFileSync(target, db);
}
