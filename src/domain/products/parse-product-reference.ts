import { err, ok, type Result } from '../../shared/result.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import { ASIN_PATTERN } from './source-requests.js';

export interface ProductReference {
  asin: string;
  /** Our marketplace code, from the URL's store; null for a bare ASIN (the caller's default applies). */
  marketplace: string | null;
}

/**
 * The path shapes Amazon uses for a product page, with or without a slug in front:
 * /dp/ASIN, /gp/product/ASIN, /gp/aw/d/ASIN (mobile), and old links: /exec/obidos/ASIN/ASIN,
 * /exec/obidos/tg/detail/-/ASIN, /o/ASIN.
 */
const PRODUCT_PATH = /\/(?:dp|gp\/product|gp\/aw\/d|exec\/obidos(?:\/ASIN|\/tg\/detail\/-)?|o)\/([A-Za-z0-9]{10})(?=[/?#]|$)/;

/**
 * What a person pastes to add a product: an ASIN, or the address of a product page on any of the
 * 22 stores (the store names the marketplace). Short links (amzn.to) need a browser to follow
 * them, so they are refused with that advice rather than guessed.
 */
export function parseProductReference(input: string): Result<ProductReference, string> {
  const text = input.trim();
  if (ASIN_PATTERN.test(text.toUpperCase())) return ok({ asin: text.toUpperCase(), marketplace: null });
  if (!/[./]/.test(text)) return err('Not an ASIN: an ASIN has 10 letters and digits (e.g. B08N5WRWNW); or paste the address of the product page.');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return err('Enter an ASIN (10 characters, e.g. B08N5WRWNW) or the address of an Amazon product page.');
  }
  const host = url.hostname.toLowerCase();
  if (host === 'amzn.to' || host === 'a.co' || host.endsWith('.amzn.to')) {
    return err('Short links (amzn.to, a.co) cannot be read without opening them: open the link and paste the address of the product page.');
  }
  const marketplace = host.includes('amazon.') ? findMarketplace(host) : undefined;
  if (!marketplace) return err(`${host} is not one of the Amazon stores PassiveWP supports; paste a product address from a store such as amazon.com or amazon.de.`);
  const asin = PRODUCT_PATH.exec(decodeURIComponent(url.pathname))?.[1]?.toUpperCase();
  if (!asin || !ASIN_PATTERN.test(asin)) return err('This Amazon address is not a product page: it names no ASIN (look for /dp/ followed by 10 characters).');
  return ok({ asin, marketplace: marketplace.code });
}
