import { AppError } from '../../shared/errors.js';
import type { EngineContext } from '../context.js';
import type { FieldDefinition, SectionDefinition } from './define-section.js';
import { openRowSecrets } from './row-secrets.js';
import { openSecret } from './secret-binding.js';

export type SettingSource = 'default' | 'stored' | 'config';

export interface ResolvedField {
  field: FieldDefinition;
  source: SettingSource;
  /** For secrets this is the sealed ciphertext when stored, the plain value when from config. */
  value: unknown;
  configVariable?: string;
  configOrigin?: 'env' | 'file';
  updatedAt?: string;
  /** The variable of a configured secret bound to this field: the field is locked together with it. */
  lockedBy?: string;
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
  lockBoundFields(resolved);
  return resolved;
}

/**
 * A secret from the configuration is bound to the address configured with it, or to the field's
 * default when none is: a value stored in that field no longer applies and the field is locked,
 * so an admin screen cannot send a configured secret to another host.
 */
function lockBoundFields(resolved: Map<string, ResolvedField>): void {
  for (const secret of resolved.values()) {
    const target = secret.field.boundTo ? resolved.get(secret.field.boundTo) : undefined;
    if (!target || secret.source !== 'config' || !secret.configVariable) continue;
    const { field } = target;
    const own = target.source === 'config' ? target : { field, source: 'default' as const, value: field.default };
    resolved.set(secret.field.boundTo as string, { ...own, lockedBy: secret.configVariable });
  }
}

export function findSection(ctx: EngineContext, sectionId: string): SectionDefinition {
  const section = ctx.settingsRegistry.get(sectionId);
  if (!section) throw new AppError('not_found', `There is no settings section "${sectionId}".`);
  return section;
}

/** The plain value of a field, opening stored secrets with the keyring. */
export function plainValue(ctx: EngineContext, resolved: ResolvedField): unknown {
  if (resolved.source !== 'stored') return resolved.value;
  if (resolved.field.secret) return openSecret(ctx, resolved.value as string).secret;
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
