import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { findUnreadableSecrets } from './find-unreadable-secrets.js';
import { dropRowSecrets } from './row-secrets.js';

/** Removes secrets sealed with a key that is gone, so the engine can start and they can be entered again. */
export async function forgetUnreadableSecrets(ctx: EngineContext, actor: string): Promise<string[]> {
  const unreadable = await findUnreadableSecrets(ctx);
  const at = ctx.clock.now().toISOString();
  for (const sectionId of new Set(unreadable.map((s) => s.section))) {
    const keys = [...new Set(unreadable.filter((s) => s.section === sectionId).map((s) => s.key))];
    const stored = new Map((await ctx.stores.settings.read(sectionId)).map((s) => [s.key, s.value]));
    const writes = keys.map((key) => {
      const spec = ctx.settingsRegistry.get(sectionId)?.fields[key]?.rowSecrets;
      // A list keeps its rows; only the secrets inside them that cannot be opened go.
      if (spec) return { key, value: dropRowSecrets(spec, stored.get(key), (sealed) => !ctx.keyring.canOpen(sealed)), isSecret: false };
      return { key, value: undefined, isSecret: true };
    });
    await ctx.stores.settings.write(sectionId, writes, { at, actor }, { id: newId('audit'), at, actor, action: 'secrets.forget-unreadable', subject: sectionId, keys, ip: null });
  }
  return unreadable.map((s) => `${s.section}.${s.key}`);
}
