import type { EngineContext } from '../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import type { FieldDefinition, SectionDefinition } from './define-section.js';
import { findSecretBindings } from './find-secret-bindings.js';
import { describeRowSecrets } from './row-secrets.js';
import { findSection, plainValue, plainValueOrAbsent, resolveFields, type SettingSource } from './resolve-fields.js';

/**
 * What the API and the admin form may see of one field. Secrets never carry their value.
 * `lockedBy`: the variable of a configured secret this field (its address) is locked together with.
 */
export type FieldView =
  | { secret: false; value: unknown; source: SettingSource; locked: boolean; configVariable?: string; lockedBy?: string }
  | { secret: true; isSet: boolean; last4: string | null; readable: boolean; source: SettingSource; locked: boolean; configVariable?: string };

export interface SectionView {
  section: string;
  title: string;
  fields: Record<string, FieldView>;
  /** Non-blocking doubts about the current values, by field path. */
  warnings: FieldIssue[];
}

export async function describeSection(ctx: EngineContext, sectionId: string): Promise<SectionView> {
  const section = findSection(ctx, sectionId);
  const resolved = await resolveFields(ctx, section);
  const fields: Record<string, FieldView> = {};
  for (const [key, r] of resolved) {
    const common = {
      source: r.source,
      locked: r.source === 'config' || r.lockedBy !== undefined,
      ...(r.configVariable ? { configVariable: r.configVariable } : {}),
      ...(r.lockedBy ? { lockedBy: r.lockedBy } : {}),
    };
    if (!r.field.secret) {
      const value = r.field.rowSecrets && r.source === 'stored' ? describeRowSecrets(ctx, r.field.rowSecrets, r.value) : r.value;
      fields[key] = { secret: false, value, ...common };
      continue;
    }
    const isSet = r.source !== 'default' && r.value !== '' && r.value !== undefined;
    let last4: string | null = null;
    let readable = true;
    if (isSet) {
      try {
        last4 = String(plainValue(ctx, r)).slice(-4);
      } catch {
        readable = false;
      }
    }
    fields[key] = { secret: true, isSet, last4, readable, ...common };
  }
  const plain = Object.fromEntries([...resolved].map(([key, r]) => [key, plainValueOrAbsent(ctx, r)]));
  const withheld = [...findSecretBindings(ctx, resolved)].filter(([, binding]) => !binding.current).map(([key]) => withheldWarning(section.fields, key));
  return { section: section.id, title: section.title, fields, warnings: [...withheld, ...(section.warn?.(plain as never) ?? [])] };
}

/** A stored secret whose address field holds another address now is not used; say so at the secret. */
function withheldWarning(fields: SectionDefinition['fields'], key: string): FieldIssue {
  const secret = fields[key] as FieldDefinition;
  const address = fields[secret.boundTo as string] as FieldDefinition;
  return {
    field: key,
    message: `This ${secret.label} was saved for another ${address.label}, so PassiveWP does not send it to the current one. Enter it again to use it with this ${address.label}.`,
  };
}
