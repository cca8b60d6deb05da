import type { CityResponse, Reader } from 'maxmind';
import { z } from 'zod';
import type { GeoDatabaseInfo, GeoPrecision } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';

/** The metadata fields we rely on; mmdb-lib passes through whatever the file declares. */
const metadataSchema = z.object({
  databaseType: z.string().min(1),
  buildEpoch: z.date(),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
});

/** What an opened file is, from its metadata; the problem (as a sentence) when the metadata is broken. */
export function describeDatabase(path: string, reader: Reader<CityResponse>, sizeBytes: number): Result<GeoDatabaseInfo, string> {
  const parsed = metadataSchema.safeParse(reader.metadata);
  if (!parsed.success) return err(`its metadata is broken (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  const { databaseType, buildEpoch, ipVersion } = parsed.data;
  return ok({ path, databaseType, precision: precisionOf(databaseType), buildDate: buildEpoch.toISOString(), ipVersion, sizeBytes });
}

/** GeoIP2-Enterprise holds city data; ASN, ISP, Anonymous-IP, Domain … hold no location. */
function precisionOf(databaseType: string): GeoPrecision | 'none' {
  if (databaseType.includes('City') || databaseType.includes('Enterprise')) return 'city';
  if (databaseType.includes('Country')) return 'country';
  return 'none';
}
