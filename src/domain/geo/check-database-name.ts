import type { FieldIssue } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import type { SaveUnderCheck } from '../settings/check-server-rules.js';

/**
 * The part of the Database file rule a schema cannot see: a name that is fine as text but is a
 * link (or goes through one) leading out of the geo folder. Asked of the gateway, which decides
 * from the link itself, never looks outside and opens nothing; a missing file is fine (it may come
 * later), and so is one the engine cannot read (the check explains that). Only a name the save
 * sends is checked, so a link made on disk later never blocks saving other fields.
 */
export async function checkDatabaseName(ctx: EngineContext, { values, submitted }: SaveUnderCheck): Promise<FieldIssue[]> {
  const name = values.databasePath;
  if (!submitted.includes('databasePath') || typeof name !== 'string' || name === '') return [];
  const refused = await ctx.geo.checkDatabaseName(name);
  if (refused?.cause !== 'database_path_invalid') return [];
  return [{ field: 'databasePath', message: `Not saved: ${refused.detail}. The engine opens no file outside the geo folder of its data directory.` }];
}
