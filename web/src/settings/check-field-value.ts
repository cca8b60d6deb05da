import type { FieldDefinition } from './form-section.js';

/** The field's own schema, as the engine applies it; the engine still has the last word. */
export function checkFieldValue(field: FieldDefinition, value: string): string | undefined {
  const parsed = field.schema.safeParse(value);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'This value is not valid.');
}
