import type { EngineContext } from '../context.js';
import { plainValueOrAbsent, type ResolvedField } from './resolve-fields.js';
import { openSecret } from './secret-binding.js';

export interface SecretBinding {
  /** The address the secret may be sent to. */
  boundTo: string;
  /** Whether the bound field holds that address now; if not, the secret is withheld. */
  current: boolean;
}

/**
 * For each bound secret that is set, the address it belongs to: a configured secret, the address
 * configured with it (its field is locked to it); a stored one, the address sealed with it, or
 * the field's default for one sealed before bindings existed. Secrets that cannot be opened are
 * left out, as if absent.
 */
export function findSecretBindings(ctx: EngineContext, resolved: ReadonlyMap<string, ResolvedField>): Map<string, SecretBinding> {
  const bindings = new Map<string, SecretBinding>();
  for (const [key, secret] of resolved) {
    const target = secret.field.boundTo ? resolved.get(secret.field.boundTo) : undefined;
    if (!target || secret.source === 'default' || secret.value === '') continue;
    const address = String(plainValueOrAbsent(ctx, target) ?? '');
    if (secret.source === 'config') {
      bindings.set(key, { boundTo: address, current: true });
      continue;
    }
    let boundTo: string;
    try {
      boundTo = openSecret(ctx, secret.value as string).boundTo ?? String(target.field.default);
    } catch {
      continue;
    }
    bindings.set(key, { boundTo, current: boundTo === address });
  }
  return bindings;
}
