/**
 * Whether a request URL lies under a base URL: same scheme, host and port, no user info, and a
 * path that is the base's path or continues it after a `/` (`/v1` covers `/v1/models`, not
 * `/v1evil` or `/`). Anything that does not parse is not under anything.
 */
export function isUnderBase(url: string | URL, base: string): boolean {
  let target: URL;
  let parsed: URL;
  try {
    target = new URL(url);
    parsed = new URL(base);
  } catch {
    return false;
  }
  if (target.origin !== parsed.origin || target.username || target.password) return false;
  const prefix = parsed.pathname.replace(/\/+$/, '');
  return target.pathname === prefix || target.pathname.startsWith(`${prefix}/`);
}
