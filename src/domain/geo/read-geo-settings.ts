import path from 'node:path';
import type { EngineContext } from '../context.js';
import type { SectionValues } from '../settings/define-section.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { geolocationSection } from '../settings/sections/geolocation.js';

export type GeoValues = SectionValues<(typeof geolocationSection)['fields']>;

export interface GeoSettings {
  values: GeoValues;
  /** The database file lookups read: the configured path (relative to the data directory), or where automatic updates put it. */
  databasePath: string;
  /** True when no path is set and the file is the one automatic updates manage. */
  managed: boolean;
}

/** The managed download location: one file per edition, so switching editions never mixes them. */
export const managedDatabasePath = (dataDir: string, edition: string): string => path.join(dataDir, 'geoip', `${edition}.mmdb`);

export async function readGeoSettings(ctx: EngineContext): Promise<GeoSettings> {
  const values = await readSectionValues(ctx, geolocationSection);
  const managed = values.databasePath === '';
  return { values, databasePath: managed ? managedDatabasePath(ctx.dataDir, values.edition) : path.resolve(ctx.dataDir, values.databasePath), managed };
}
