import type { EngineContext } from '../context.js';

/** Stored secrets the loaded keyring cannot open: the sign of a lost or replaced key. */
export async function findUnreadableSecrets(ctx: EngineContext): Promise<Array<{ section: string; key: string; keyId: string | undefined }>> {
  const secrets = await ctx.stores.settings.listSecrets();
  return secrets
    .filter((s) => !ctx.keyring.canOpen(s.value))
    .map((s) => ({ section: s.section, key: s.key, keyId: ctx.keyring.keyIdOf(s.value) }));
}
