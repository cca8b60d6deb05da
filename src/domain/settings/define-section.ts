import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import type { RowSecretsSpec } from './row-secrets.js';

/**
 * A settings section is declared once, as data: the same declaration validates API input, drives
 * the admin form (labels, input kinds) and names the configuration variable that locks a field.
 * It imports nothing but zod, so the admin app can import it too.
 */
/**
 * `number`: blank or a number; `model`: text with the models the saved OpenAI key can use as
 * suggestions; `country-map`: a list of { country, marketplace } rows edited as a table.
 */
export type FieldInput = 'text' | 'url' | 'textarea' | 'select' | 'secret' | 'timezone' | 'number' | 'model' | 'country-map';

export interface FieldDefinition<T = unknown> {
  label: string;
  help?: string;
  input: FieldInput;
  /** Validates a value before it is stored. */
  schema: z.ZodType<T>;
  default: T;
  secret?: boolean;
  /** The configuration variable that sets and locks this field, like a constant in wp-config. */
  configVariable?: string;
  /** How the text of the configuration variable becomes a value; `schema` when absent. */
  configSchema?: z.ZodType<T>;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** For a list of rows: secrets inside each row, sealed one by one and never shown. */
  rowSecrets?: RowSecretsSpec;
  /**
   * For a secret sent to the address in another field of the section (`baseUrl`): the secret is
   * bound to the value that field had when the secret was saved or configured. It is sent nowhere
   * else, must be entered again in a save that changes that field, and when it comes from the
   * configuration, that field is locked together with it.
   */
  boundTo?: string;
}

export interface SectionDefinition<F extends Record<string, FieldDefinition> = Record<string, FieldDefinition>> {
  id: string;
  title: string;
  fields: F;
  /** Rules between fields, checked on the values as they would be after the save; any issue refuses the save. */
  check?: (values: SectionValues<F>) => FieldIssue[];
  /** Doubts worth showing next to a field that never block a save (an unusual tag suffix …). */
  warn?: (values: SectionValues<F>) => FieldIssue[];
}

export type SectionValues<F extends Record<string, FieldDefinition>> = {
  [K in keyof F]: F[K] extends FieldDefinition<infer T> ? T : never;
};

export function defineSection<F extends Record<string, FieldDefinition>>(section: SectionDefinition<F>): SectionDefinition<F> {
  return section;
}

export function defineField<T>(field: FieldDefinition<T>): FieldDefinition<T> {
  return field;
}
