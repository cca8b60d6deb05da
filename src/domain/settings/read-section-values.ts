import type { EngineContext } from '../context.js';
import type { FieldDefinition, SectionDefinition, SectionValues } from './define-section.js';
import { plainValue, resolveFields } from './resolve-fields.js';

/** The effective values of a section for the engine's own use, secrets opened. Never send this to a client. */
export async function readSectionValues<F extends Record<string, FieldDefinition>>(
  ctx: EngineContext,
  section: SectionDefinition<F>,
): Promise<SectionValues<F>> {
  const resolved = await resolveFields(ctx, section as SectionDefinition);
  const values: Record<string, unknown> = {};
  for (const [key, r] of resolved) values[key] = plainValue(ctx, r);
  return values as SectionValues<F>;
}
