import type { EngineContext } from '../context.js';
import type { FieldIssue } from '../../shared/errors.js';
import { describeRowSecrets } from './row-secrets.js';
import { findSection, plainValue, plainValueOrAbsent, resolveFields, type SettingSource } from './resolve-fields.js';

/** What the API and the admin form may see of one field. Secrets never carry their value. */
export type FieldView =
  | { secret: false; value: unknown; source: SettingSource; locked: boolean; configVariable?: string }
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
      locked: r.source === 'config',
      ...(r.configVariable ? { configVariable: r.configVariable } : {}),
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
  return { section: section.id, title: section.title, fields, warnings: section.warn?.(plain as never) ?? [] };
}
