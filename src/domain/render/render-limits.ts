/**
 * What one render may cost. Any author's post reaches the renderer (the site's server sends every
 * post body with its render key), so a post must not be able to make a page view slow for every
 * other visitor, or fill the products table and the Amazon quota.
 */

/**
 * Shortcodes one render reads (blocks and broken ones). A long buying guide has a few dozen; each
 * costs database reads (a table up to ten). Past this, the shortcodes are left out of the page and
 * reported once.
 */
export const MAX_SHORTCODES_PER_RENDER = 200;

/**
 * Products one render may add (a list's new saved search counts as the products it will show).
 * Each is a row, a queued refresh and later Amazon quota. The rest render as tagged links, as a
 * product never seen does, and a later view adds them.
 */
export const MAX_NEW_PRODUCTS_PER_RENDER = 20;

/** What is left of one render's new products; what it refused is kept for the render's report. */
export interface NewProductAllowance {
  /** Takes `count` products for `what` (a product or a search) from what is left; false, and `what` noted as refused, when that is not enough. */
  take(what: string, count: number): boolean;
  /** The products and searches that were not added. */
  readonly refused: ReadonlySet<string>;
}

export function createNewProductAllowance(limit = MAX_NEW_PRODUCTS_PER_RENDER): NewProductAllowance {
  let left = limit;
  const refused = new Set<string>();
  return {
    take(what, count) {
      if (count > left) {
        refused.add(what);
        return false;
      }
      left -= count;
      return true;
    },
    refused,
  };
}
