import type { EngineContext } from '../context.js';
import { findSection, plainValue, resolveFields, type SettingSource } from './resolve-fields.js';

/** What the API and the admin form may see of one field. Secrets never carry their value. */
export type FieldView =
  | { secret: false; value: unknown; source: SettingSource; locked: boolean; configVariable?: string }
  | { secret: true; isSet: boolean; last4: string | null; readable: boolean; source: SettingSource; locked: boolean; configVariable?: string };

export interface SectionView {
  section: string;
  title: string;
  fields: Record<string, FieldView>;
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
      fields[key] = { secret: false, value: r.value, ...common };
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
  return { section: section.id, title: section.title, fields };
}
