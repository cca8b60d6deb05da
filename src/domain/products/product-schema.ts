import { z } from 'zod';
import { MARKETPLACES } from '../marketplaces/catalogue.js';
import { isAmazonMediaUrl } from './is-amazon-media-url.js';
import { AVAILABILITY_TYPES, type Product, type ProductImage } from './product.js';
import { ASIN_PATTERN } from './source-requests.js';

/**
 * The product model as data we did not produce ourselves must look: what another engine's relay
 * sends (checked strictly at the client edge) and what a stored snapshot is read back as (read
 * tolerantly, field by field). Lengths are generous for Amazon's real data and far below what
 * could bloat a page or the database; numbers must be finite and plausible.
 */
const text = (max: number) => z.string().max(max, { error: `More than ${max} characters.` });
const asin = z.string().regex(ASIN_PATTERN, { error: 'Not an ASIN.' });
const pixels = z.number().int().min(1).max(20_000).nullable();
const money = z.object({
  amount: z.number().min(0).max(10_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'Not a currency code.' }),
  display: text(64),
});

/** An image on any other host than Amazon's media hosts is dropped, not refused: the product stays usable without it. */
const image = z
  .object({ url: text(2048), width: pixels, height: pixels })
  .transform((i): ProductImage | null => (isAmazonMediaUrl(i.url) ? i : null));

export const productFields = {
  asin,
  marketplace: z.enum(MARKETPLACES.map((m) => m.code) as [string, ...string[]], { error: 'Unknown marketplace.' }),
  parentAsin: asin.nullable(),
  title: text(1000).nullable(),
  brand: text(200).nullable(),
  features: z.array(text(1000)).max(30),
  images: z.object({
    primary: image.nullable(),
    variants: z
      .array(image)
      .max(30)
      .transform((list) => list.filter((i): i is ProductImage => i !== null)),
  }),
  price: money.nullable(),
  savings: z.object({ money, percentage: z.number().min(0).max(100).nullable() }).nullable(),
  listPrice: money.extend({ basis: text(64).nullable(), label: text(200).nullable() }).nullable(),
  availability: z.object({ type: z.enum(AVAILABILITY_TYPES), message: text(500).nullable() }).nullable(),
  rating: z.object({ stars: z.number().min(0).max(5), count: z.number().int().min(0).max(1_000_000_000).nullable() }).nullable(),
  /** Only a plain string here: whether it may be shown depends on the store it belongs to (isStoreLink). */
  detailPageUrl: text(2048),
  source: z.enum(['creators', 'paapi', 'relay']),
  fetchedAt: z.iso.datetime({ error: 'Not an ISO-8601 UTC time.' }),
};

export const productSchema = z.object(productFields) satisfies z.ZodType<Product>;
