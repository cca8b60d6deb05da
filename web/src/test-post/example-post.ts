import type { ProductView } from '../api/product-types.js';

/** An ASIN to show the shortcodes with when the store has no product yet. */
const SAMPLE_ASIN = 'B08N5WRWNW';

/** A few words of a title for the list block's search ("Lumen desk lamp, 40 W …" → "Lumen desk lamp"). */
function searchWords(title: string | null): string {
  const words = (title ?? '').split(/[\s,;:()|–—-]+/).filter((word) => /^[\p{L}\p{N}]{2,}$/u.test(word));
  return words.slice(0, 3).join(' ') || 'desk lamp';
}

/**
 * A post that uses every block type: with products from the store (the first fetched ones), or
 * with a sample ASIN when there are none.
 */
export function examplePost(products: readonly ProductView[], defaultMarketplace: string | null): string {
  const fetched = products.filter((p) => p.title);
  const first = fetched[0] ?? products[0];
  const asin = first?.asin ?? SAMPLE_ASIN;
  const marketplace = first?.marketplace ?? defaultMarketplace ?? 'us';
  const others = (fetched.length ? fetched : products).filter((p) => p.marketplace === marketplace && p.asin !== asin).slice(0, 2);
  const tableAsins = [asin, ...others.map((p) => p.asin)].join(',');
  const at = `marketplace="${marketplace}"`;
  return [
    '<h2>Our pick</h2>',
    `[passivewp box asin="${asin}" ${at}]`,
    '',
    '<h2>Compared</h2>',
    `[passivewp table asins="${tableAsins}" attributes="image,price,rating,availability" pick="${asin}" ${at}]`,
    '',
    '<h2>Bestsellers</h2>',
    `[passivewp list search="${searchWords(first?.title ?? null)}" sort="bestsellers" count="3" ${at}]`,
    '',
    `<p>Before you buy, read the reviews of [passivewp link asin="${asin}" ${at}]our pick[/passivewp] on Amazon.</p>`,
    '',
    `[passivewp image asin="${asin}" ${at}]`,
    '',
  ].join('\n');
}
