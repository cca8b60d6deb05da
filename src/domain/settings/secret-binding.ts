import type { EngineContext } from '../context.js';

/**
 * A secret bound to an address is sealed together with that address, so the binding has the
 * keyring's integrity: changing the address in the database does not move the secret with it.
 * The marker starts with a NUL character, which no real key or token contains, so secrets sealed
 * before bindings existed still open as they are (bound to nothing).
 */
const BOUND_MARKER = '\u0000bound:';

export interface OpenedSecret {
  secret: string;
  /** The address the secret was saved for; undefined for a secret sealed without one. */
  boundTo: string | undefined;
}

export function sealSecret(ctx: EngineContext, secret: string, boundTo?: string): string {
  return ctx.keyring.encrypt(boundTo === undefined ? secret : `${BOUND_MARKER}${JSON.stringify({ boundTo, secret })}`);
}

export function openSecret(ctx: EngineContext, sealed: string): OpenedSecret {
  const plain = ctx.keyring.decrypt(sealed);
  if (!plain.startsWith(BOUND_MARKER)) return { secret: plain, boundTo: undefined };
  const { boundTo, secret } = JSON.parse(plain.slice(BOUND_MARKER.length)) as { boundTo: string; secret: string };
  return { secret, boundTo };
}
