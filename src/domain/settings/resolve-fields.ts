import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import type { FieldDefinition, SectionDefinition } from './define-section.js';
import { openRowSecrets } from './row-secrets.js';

export type SettingSource = 'default' | 'stored' | 'config';

export interface ResolvedField {
  field: FieldDefinition;
  source: SettingSource;
  /** For secrets this is the sealed ciphertext when stored, the plain value when from config. */
  value: unknown;
  configVariable?: string;
  configOrigin?: 'env' | 'file';
  updatedAt?: string;
}

/** Applies the precedence config > stored > default to every field of a section. */
export async function resolveFields(ctx: EngineContext, section: SectionDefinition): Promise<Map<string, ResolvedField>> {
  const stored = new Map((await ctx.stores.settings.read(section.id)).map((s) => [s.key, s]));
  const resolved = new Map<string, ResolvedField>();
  for (const [key, field] of Object.entries(section.fields)) {
    const override = field.configVariable ? ctx.settingOverrides.get(field.configVariable) : undefined;
    const row = stored.get(key);
    if (override) {
      resolved.set(key, { field, source: 'config', value: override.value, configVariable: field.configVariable, configOrigin: override.origin });
    } else if (row) {
      resolved.set(key, { field, source: 'stored', value: row.value, updatedAt: row.updatedAt });
    } else {
      resolved.set(key, { field, source: 'default', value: field.default });
    }
  }
  return resolved;
}

export function findSection(ctx: EngineContext, sectionId: string): SectionDefinition {
  const section = ctx.settingsRegistry.get(sectionId);
  if (!section) throw new AppError('not_found', `There is no settings section "${sectionId}".`);
  return section;
}

/** The plain value of a field, opening stored secrets with the keyring. */
export function plainValue(ctx: EngineContext, resolved: ResolvedField): unknown {
  if (resolved.source !== 'stored') return resolved.value;
  if (resolved.field.secret) return ctx.keyring.decrypt(resolved.value as string);
  if (resolved.field.rowSecrets) return openRowSecrets(ctx, resolved.field.rowSecrets, resolved.value);
  return resolved.value;
}

/** Like plainValue, but a secret the keyring cannot open reads as absent instead of failing. */
export function plainValueOrAbsent(ctx: EngineContext, resolved: ResolvedField): unknown {
  try {
    return plainValue(ctx, resolved);
  } catch {
    return undefined;
  }
}
