import { newId } from '../../shared/ids.js';
import type { EngineContext } from '../context.js';
import { findUnreadableSecrets } from './find-unreadable-secrets.js';

/** Removes secrets sealed with a key that is gone, so the engine can start and they can be entered again. */
export async function forgetUnreadableSecrets(ctx: EngineContext, actor: string): Promise<string[]> {
  const unreadable = await findUnreadableSecrets(ctx);
  const at = ctx.clock.now().toISOString();
  for (const section of new Set(unreadable.map((s) => s.section))) {
    const keys = unreadable.filter((s) => s.section === section).map((s) => s.key);
    await ctx.stores.settings.write(
      section,
      keys.map((key) => ({ key, value: undefined, isSecret: true })),
      { at, actor },
      { id: newId('audit'), at, actor, action: 'secrets.forget-unreadable', subject: section, keys, ip: null },
    );
  }
  return unreadable.map((s) => `${s.section}.${s.key}`);
}
