import type { EngineContext } from '../context.js';
import type { FieldDefinition, SectionDefinition, SectionValues } from './define-section.js';
import { readSectionState } from './read-section-state.js';

/** The effective values of a section for the engine's own use, secrets opened. Never send this to a client. */
export async function readSectionValues<F extends Record<string, FieldDefinition>>(
  ctx: EngineContext,
  section: SectionDefinition<F>,
): Promise<SectionValues<F>> {
  return (await readSectionState(ctx, section)).values;
}
