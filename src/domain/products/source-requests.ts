import { z } from 'zod';
import { MARKETPLACES } from '../marketplaces/catalogue.js';

/**
 * Source-neutral requests, checked against Amazon's documented limits before anything is sent
 * (../shared/reference/amazon-apis.md §1.6). Field names follow the Creators API; the PA-API client
 * maps them to PascalCase.
 */
export const ASIN_PATTERN = /^(?:[0-9]{9}[0-9X]|[A-Z][A-Z0-9]{9})$/;

const marketplace = z.enum(MARKETPLACES.map((m) => m.code) as [string, ...string[]], { error: 'Unknown marketplace code.' });
const partnerTag = z
  .string()
  .min(1, { error: 'A partner tag is required.' })
  .max(64, { error: 'A partner tag has at most 64 characters.' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'A partner tag has no spaces or special characters.' });
const asin = z.string().regex(ASIN_PATTERN, { error: 'Not an ASIN (10 characters, e.g. B08N5WRWNW).' });
const language = z.array(z.string().regex(/^[a-z]{2}_[A-Z]{2}$/)).max(1).optional();
const currency = z.string().regex(/^[A-Z]{3}$/).optional();
const condition = z.enum(['Any', 'New']).optional();
const resources = z.array(z.string().regex(/^[a-z][A-Za-z]*(\.[a-zA-Z]+)*$/, { error: 'Resources are camelCase paths like itemInfo.title.' })).max(100).optional();

const common = { marketplace, partnerTag, languagesOfPreference: language, currencyOfPreference: currency, resources };

export const getItemsRequest = z.object({
  ...common,
  itemIds: z.array(asin).min(1, { error: 'Ask for at least one ASIN.' }).max(10, { error: 'At most 10 ASINs per request.' }),
  condition,
});

export const searchItemsRequest = z
  .object({
    ...common,
    keywords: z.string().max(1000).optional(),
    actor: z.string().max(1000).optional(),
    artist: z.string().max(1000).optional(),
    author: z.string().max(1000).optional(),
    brand: z.string().max(1000).optional(),
    title: z.string().max(1000).optional(),
    searchIndex: z.string().regex(/^[A-Za-z]+$/).optional(),
    browseNodeId: z.string().regex(/^[1-9][0-9]{0,18}$/, { error: 'A browse node id is a number.' }).optional(),
    itemCount: z.number().int().min(1).max(10).optional(),
    itemPage: z.number().int().min(1).max(10).optional(),
    sortBy: z.enum(['AvgCustomerReviews', 'Featured', 'NewestArrivals', 'Price:HighToLow', 'Price:LowToHigh', 'Relevance']).optional(),
    availability: z.enum(['Available', 'IncludeOutOfStock']).optional(),
    condition,
    deliveryFlags: z.array(z.enum(['AmazonGlobal', 'FreeShipping', 'FulfilledByAmazon', 'Prime'])).optional(),
    minPrice: z.number().int().min(1).optional(),
    maxPrice: z.number().int().min(1).optional(),
    minReviewsRating: z.number().int().min(1).max(4).optional(),
    minSavingPercent: z.number().int().min(1).max(99).optional(),
  })
  .refine((r) => [r.keywords, r.actor, r.artist, r.author, r.brand, r.title, r.browseNodeId].some((v) => v !== undefined && v !== ''), {
    error: 'Give keywords, a browse node or another search term.',
    path: ['keywords'],
  });

export const getVariationsRequest = z.object({
  ...common,
  asin,
  variationCount: z.number().int().min(1).max(10).optional(),
  variationPage: z.number().int().min(1).optional(),
  condition,
});

export const getBrowseNodesRequest = z.object({
  marketplace,
  partnerTag,
  languagesOfPreference: language,
  browseNodeIds: z.array(z.string().regex(/^[1-9][0-9]{0,18}$/)).min(1).max(10),
  resources: z.array(z.enum(['browseNodes.ancestor', 'browseNodes.children'])).optional(),
});

export type GetItemsRequest = z.input<typeof getItemsRequest>;
export type SearchItemsRequest = z.input<typeof searchItemsRequest>;
export type GetVariationsRequest = z.input<typeof getVariationsRequest>;
export type GetBrowseNodesRequest = z.input<typeof getBrowseNodesRequest>;
