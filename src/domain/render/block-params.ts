import { z } from 'zod';
import { MARKETPLACES } from '../marketplaces/catalogue.js';
import { ASIN_PATTERN } from '../products/source-requests.js';
import { SAVED_SEARCH_SORTS } from '../searches/saved-search.js';

/**
 * The parameters of each `[passivewp …]` block type, as zod schemas over the attribute strings a
 * shortcode carries. One schema per type is the contract between the parser and the renderer.
 */
const MARKETPLACE_CODES = new Set(MARKETPLACES.map((m) => m.code));
const ASIN_MESSAGE = 'is not an ASIN (10 letters and digits, e.g. B08N5WRWNW)';

const asinText = z.string().trim().toUpperCase().regex(ASIN_PATTERN, { error: ASIN_MESSAGE });
const marketplace = z
  .string()
  .trim()
  .toLowerCase()
  .refine((code) => MARKETPLACE_CODES.has(code), { error: `is not a marketplace (use one of ${[...MARKETPLACE_CODES].join(', ')})` })
  .optional();

export const TABLE_ATTRIBUTES = ['image', 'price', 'rating', 'features', 'availability'] as const;
export type TableAttribute = (typeof TABLE_ATTRIBUTES)[number];

const commaList = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export const BLOCK_SCHEMAS = {
  box: z.object({ asin: asinText, marketplace }),
  table: z
    .object({
      asins: z
        .string()
        .transform((v) => [...new Set(commaList(v.toUpperCase()))])
        .pipe(z.array(z.string().regex(ASIN_PATTERN, { error: `has an entry that ${ASIN_MESSAGE}` })).min(1, { error: 'names no ASIN' }).max(10, { error: 'names more than 10 ASINs' })),
      attributes: z
        .string()
        .transform((v) => [...new Set(commaList(v.toLowerCase()))])
        .pipe(z.array(z.enum(TABLE_ATTRIBUTES, { error: `takes ${TABLE_ATTRIBUTES.join(', ')}` })).min(1, { error: 'names no attribute' }))
        .default(['image', 'price', 'rating', 'availability']),
      pick: asinText.optional(),
      marketplace,
    })
    .refine((p) => !p.pick || p.asins.includes(p.pick), { error: 'is not one of the table’s asins', path: ['pick'] }),
  list: z
    .object({
      search: z.string().trim().max(1000, { error: 'is longer than 1000 characters' }).optional(),
      browse: z.string().trim().regex(/^[1-9][0-9]{0,18}$/, { error: 'is not a browse node id (a number)' }).optional(),
      sort: z.enum(SAVED_SEARCH_SORTS, { error: `takes ${SAVED_SEARCH_SORTS.join(', ')}` }).default('relevance'),
      count: z
        .string()
        .trim()
        .regex(/^[0-9]+$/, { error: 'is a number from 1 to 10' })
        .transform(Number)
        .pipe(z.number().min(1, { error: 'is at least 1' }).max(10, { error: 'is at most 10' }))
        .default(5),
      marketplace,
    })
    .refine((p) => Boolean(p.search) || Boolean(p.browse), { error: 'needs search="keywords" or browse="node id"', path: ['search'] }),
  link: z.object({ asin: asinText, marketplace }),
  image: z.object({ asin: asinText, marketplace }),
} as const;

export type BlockType = keyof typeof BLOCK_SCHEMAS;
export const BLOCK_TYPES = Object.keys(BLOCK_SCHEMAS) as BlockType[];

export type BoxParams = { type: 'box' } & z.infer<(typeof BLOCK_SCHEMAS)['box']>;
export type TableParams = { type: 'table' } & z.infer<(typeof BLOCK_SCHEMAS)['table']>;
export type ListParams = { type: 'list' } & z.infer<(typeof BLOCK_SCHEMAS)['list']>;
/** `text` is the shortcode's enclosed text, as plain text (tags stripped, entities decoded). */
export type LinkParams = { type: 'link'; text: string } & z.infer<(typeof BLOCK_SCHEMAS)['link']>;
export type ImageParams = { type: 'image' } & z.infer<(typeof BLOCK_SCHEMAS)['image']>;
export type BlockParams = BoxParams | TableParams | ListParams | LinkParams | ImageParams;

/** The attributes each type accepts, for "unknown attribute" messages. */
export function attributesOf(type: BlockType): string[] {
  return Object.keys(BLOCK_SCHEMAS[type].shape);
}
