import type { EngineContext } from '../context.js';
import type { FieldDefinition, SectionDefinition, SectionValues } from './define-section.js';
import { findSecretBindings, type SecretBinding } from './find-secret-bindings.js';
import { plainValue, resolveFields } from './resolve-fields.js';

/**
 * The values plus, for each bound secret that is set, the address it belongs to. A secret whose
 * field now holds another address (changed in the database, or saved before bindings existed) reads
 * as absent: no caller can send it where it was not saved for.
 */
export async function readSectionState<F extends Record<string, FieldDefinition>>(
  ctx: EngineContext,
  section: SectionDefinition<F>,
): Promise<{ values: SectionValues<F>; bindings: Map<string, SecretBinding> }> {
  const resolved = await resolveFields(ctx, section as SectionDefinition);
  const values: Record<string, unknown> = {};
  for (const [key, r] of resolved) values[key] = plainValue(ctx, r);
  const bindings = findSecretBindings(ctx, resolved);
  for (const [key, binding] of bindings) if (!binding.current) values[key] = resolved.get(key)?.field.default;
  return { values: values as SectionValues<F>, bindings };
}
