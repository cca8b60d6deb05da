import path from 'node:path';
import { err, ok, type Result } from '../../shared/result.js';
import type { EngineContext } from '../context.js';
import type { SectionValues } from '../settings/define-section.js';
import { readSectionValues } from '../settings/read-section-values.js';
import { geolocationSection } from '../settings/sections/geolocation.js';
import { defaultDatabaseName, GEO_FOLDER, refusedDatabaseName, shortDatabaseName } from './database-name.js';
import type { GeoFailure } from './geo-gateway.js';

export type GeoValues = SectionValues<(typeof geolocationSection)['fields']>;

export interface GeoSettings {
  values: GeoValues;
  /**
   * The database file's name in the geo folder, or why the saved Database file is refused: a value
   * stored before the folder rule (a full path, `..`) is never used, and no file is looked at for it.
   */
  database: Result<string, GeoFailure>;
  /** The database file for people to read: `<dataDir>/geo/<name>`, or the refused value as it was saved. */
  databasePath: string;
  /** True when no name is set and the file is the one automatic updates manage. */
  managed: boolean;
}

export async function readGeoSettings(ctx: EngineContext): Promise<GeoSettings> {
  const values = await readSectionValues(ctx, geolocationSection);
  const managed = values.databasePath === '';
  const name = managed ? defaultDatabaseName(values.edition) : values.databasePath;
  const refused = refusedDatabaseName(name);
  if (refused) return { values, managed, databasePath: shortDatabaseName(name), database: err({ cause: 'database_path_invalid', detail: refused }) };
  return { values, managed, databasePath: path.join(ctx.dataDir, GEO_FOLDER, name), database: ok(name) };
}
