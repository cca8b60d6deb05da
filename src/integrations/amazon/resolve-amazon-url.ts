/**
 * Sends an Amazon URL to the endpoint override when one is configured: the real host becomes the
 * first path segment (`https://api.amazon.co.uk/auth/o2/token` →
 * `http://127.0.0.1:8790/api.amazon.co.uk/auth/o2/token`), so one local server can stand in for
 * every Amazon host while signatures are still computed for the real one.
 */
export function resolveAmazonUrl(realUrl: string, override: string | undefined): string {
  if (!override) return realUrl;
  const url = new URL(realUrl);
  return `${override.replace(/\/+$/, '')}/${url.host}${url.pathname}${url.search}`;
}
