/**
 * What a bearer key issued by this engine opens. `relay`: another engine fetches product data
 * (`/api/relay/v1/*`); `render`: a server, such as the WordPress bridge, renders pages
 * (`/api/render/v1`). A key opens its own scope only.
 */
export const TOKEN_SCOPES = ['relay', 'render'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** How people call each kind of key, and the prefix that makes a pasted one recognisable. */
export const SCOPE_NAMES: Record<TokenScope, { noun: string; prefix: string }> = {
  relay: { noun: 'relay token', prefix: 'pwr_' },
  render: { noun: 'render key', prefix: 'pwk_' },
};
