import type { EngineContext } from '../context.js';
import { listRowSecrets } from './row-secrets.js';

/** Stored secrets the loaded keyring cannot open: the sign of a lost or replaced key. */
export async function findUnreadableSecrets(ctx: EngineContext): Promise<Array<{ section: string; key: string; keyId: string | undefined }>> {
  const secrets = await ctx.stores.settings.listSecrets();
  for (const section of ctx.settingsRegistry.values()) {
    for (const [key, field] of Object.entries(section.fields)) {
      if (!field.rowSecrets) continue;
      const row = (await ctx.stores.settings.read(section.id)).find((s) => s.key === key);
      for (const sealed of listRowSecrets(field.rowSecrets, row?.value)) secrets.push({ section: section.id, key, value: sealed });
    }
  }
  return secrets
    .filter((s) => !ctx.keyring.canOpen(s.value))
    .map((s) => ({ section: s.section, key: s.key, keyId: ctx.keyring.keyIdOf(s.value) }));
}
