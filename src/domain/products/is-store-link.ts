import type { Marketplace } from '../marketplaces/catalogue.js';

/**
 * Whether a product link may be put on a page as it is: an https address on the store's own host
 * (`www.amazon.de` or `amazon.de` for Germany), with no user name, password or port. Anything else
 * (another scheme such as `javascript:`, another store, a look-alike host) is rebuilt from the ASIN.
 */
export function isStoreLink(link: string, marketplace: Pick<Marketplace, 'domain'>): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  const bare = marketplace.domain.replace(/^www\./, '');
  return url.protocol === 'https:' && (url.hostname === marketplace.domain || url.hostname === bare) && !url.username && !url.password && !url.port;
}
