import { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import type { SettingWrite } from '../ports.js';
import { checkServerRules } from './check-server-rules.js';
import type { SectionDefinition } from './define-section.js';
import { findSection, plainValueOrAbsent, resolveFields, type ResolvedField } from './resolve-fields.js';
import { sealRowSecrets, withoutClearedSecrets } from './row-secrets.js';
import { checkSecretBindings } from './check-secret-bindings.js';
import { sealSecret } from './secret-binding.js';

export const saveSectionInput = z.object({
  values: z.record(z.string(), z.unknown()),
});

export interface SaveSectionInput {
  sectionId: string;
  /** Field → new value; `null` resets a field to its default (and clears a secret). Absent fields stay as they are. */
  values: Record<string, unknown>;
  actor: string;
  ip: string | null;
}

/**
 * Validates every submitted field and the section's cross-field rules, then stores all changes and
 * one audit entry in a single transaction. Any problem refuses the whole save and stores nothing.
 */
export async function saveSection(ctx: EngineContext, input: SaveSectionInput): Promise<{ changedKeys: string[] }> {
  const section = findSection(ctx, input.sectionId);
  const resolved = await resolveFields(ctx, section);
  const issues: FieldIssue[] = [];
  const locked: FieldIssue[] = [];
  const writes: SettingWrite[] = [];
  const next: Record<string, unknown> = {};
  // The values as they will be after the save, secrets in clear, for the cross-field rules.
  for (const [key, r] of resolved) next[key] = plainValueOrAbsent(ctx, r);

  for (const [key, raw] of Object.entries(input.values)) {
    const r = resolved.get(key);
    if (!r) {
      issues.push({ field: key, message: `"${key}" is not a setting of ${section.title}.` });
      continue;
    }
    if (r.source === 'config' || r.lockedBy) {
      locked.push({ field: key, message: lockedMessage(section, r) });
      continue;
    }
    if (raw === null) {
      writes.push({ key, value: undefined, isSecret: Boolean(r.field.secret) });
      next[key] = r.field.default;
      continue;
    }
    const spec = r.field.rowSecrets;
    const parsed = r.field.schema.safeParse(spec ? withoutClearedSecrets(spec, raw) : raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ field: [key, ...issue.path].join('.'), message: issue.message });
      continue;
    }
    if (spec) {
      const { stored, plain } = sealRowSecrets(ctx, spec, parsed.data, raw, r.source === 'stored' ? r.value : undefined);
      next[key] = plain;
      writes.push({ key, value: stored, isSecret: false });
      continue;
    }
    next[key] = parsed.data;
    // Bound secrets are sealed below, once the address they go with is known.
    writes.push(r.field.secret ? { key, value: r.field.boundTo ? parsed.data : ctx.keyring.encrypt(String(parsed.data)), isSecret: true } : { key, value: parsed.data, isSecret: false });
  }

  if (locked.length > 0) {
    throw new AppError('setting_locked', `${section.title} settings were not saved: ${locked.length === 1 ? 'a setting is' : `${locked.length} settings are`} locked by the configuration.`, { fields: [...locked, ...issues] });
  }
  issues.push(...checkSecretBindings(resolved, input.values, next));
  if (issues.length === 0 && section.check) issues.push(...section.check(next as never));
  if (issues.length === 0) issues.push(...(await checkServerRules(ctx, section.id, { values: next, submitted: Object.keys(input.values) })));
  if (issues.length > 0) {
    throw new AppError('validation_failed', `${section.title} settings were not saved: ${issues.length} problem${issues.length > 1 ? 's' : ''} to fix.`, { fields: issues });
  }
  for (const write of writes) {
    const boundTo = resolved.get(write.key)?.field.boundTo;
    if (write.isSecret && boundTo && write.value !== undefined) write.value = sealSecret(ctx, String(write.value), String(next[boundTo]));
  }

  // Only real changes are written and audited: a value equal to the one that applies now (stored, or
  // the default) stays as it is, so a form that sends every field does not pin untouched defaults.
  const changed = writes.filter((w) => {
    const current = resolved.get(w.key);
    if (w.value === undefined) return current?.source === 'stored';
    return w.isSecret || JSON.stringify(w.value) !== JSON.stringify(current?.value);
  });
  const changedKeys = changed.map((w) => w.key);
  const at = ctx.clock.now().toISOString();
  const audit = changedKeys.length
    ? { id: newId('audit'), at, actor: input.actor, action: 'settings.save', subject: section.id, keys: changedKeys, ip: input.ip }
    : undefined;
  await ctx.stores.settings.write(section.id, changed, { at, actor: input.actor }, audit);
  if (audit) ctx.logger.info({ section: section.id, keys: changedKeys, actor: input.actor }, 'settings saved');
  return { changedKeys };
}

function lockedMessage(section: SectionDefinition, r: ResolvedField): string {
  if (r.source === 'config') return `${r.field.label} is set by ${r.configVariable} in the configuration; change it there, not here.`;
  const secret = Object.values(section.fields).find((field) => field.configVariable === r.lockedBy);
  return (
    `${r.field.label} is locked together with ${secret?.label ?? 'a secret'}, which ${r.lockedBy} sets in the configuration: a configured secret goes only to the address configured with it.` +
    (r.field.configVariable ? ` Set ${r.field.configVariable} there to change it.` : '')
  );
}
