import type { FieldIssue } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import { checkDatabaseName } from '../geo/check-database-name.js';

export interface SaveUnderCheck {
  /** Every field as it would be after the save, secrets in clear. */
  values: Record<string, unknown>;
  /** The fields the save sends. */
  submitted: readonly string[];
}

type ServerRule = (ctx: EngineContext, save: SaveUnderCheck) => Promise<FieldIssue[]>;

/**
 * Rules that need the engine itself (files, through a gateway), so they cannot live in a section
 * declaration the admin app shares. Checked by saveSection after the section's own rules; any
 * issue refuses the save.
 */
const SERVER_RULES: Readonly<Record<string, ServerRule>> = {
  geolocation: checkDatabaseName,
};

export async function checkServerRules(ctx: EngineContext, sectionId: string, save: SaveUnderCheck): Promise<FieldIssue[]> {
  return (await SERVER_RULES[sectionId]?.(ctx, save)) ?? [];
}
