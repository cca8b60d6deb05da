import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';
import type { Marketplace } from '../../domain/marketplaces/catalogue.js';
import { CLOCK_SKEW_MS, DISPLAY_LIMIT_MS } from '../../domain/products/display-rules.js';
import { isStoreLink } from '../../domain/products/is-store-link.js';
import type { BrowseNode, Product } from '../../domain/products/product.js';
import { productFields, productSchema } from '../../domain/products/product-schema.js';
import type { GetBrowseNodesResult, GetItemsResult, GetVariationsResult, SearchItemsResult } from '../../domain/products/product-source.js';
import type { RelayOperation } from '../../domain/products/serve-relay-request.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { buildProductUrl } from '../../domain/render/build-amazon-url.js';
import { withPartnerTag } from './with-partner-tag.js';

export interface RelayResults {
  getItems: GetItemsResult;
  searchItems: SearchItemsResult;
  getVariations: GetVariationsResult;
  getBrowseNodes: GetBrowseNodesResult;
}

/** What we asked the relay: an answer about anything else is refused. */
export interface RelayQuestion {
  marketplace: Marketplace;
  /** Our partner tag: every product link we keep carries it. */
  partnerTag: string;
  /** getItems: the ASINs asked for. */
  itemIds?: readonly string[];
  /** searchItems, getVariations: how many items were asked for (Amazon's 10 when not said). */
  itemCount?: number;
  now: Date;
}

/** Amazon answers at most 10 items per request, whatever the operation. */
const items = z.array(productSchema).max(10);
/** Names and messages of the relay's own words: refused when absurdly long, otherwise cleaned and shortened to `keep`. */
const text = (keep: number) => z.string().max(5000).transform((t) => summarizeForeignText(t, [], keep));
const browseNode: z.ZodType<BrowseNode> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[0-9]{1,19}$/),
    displayName: text(300),
    contextFreeName: text(300).nullable(),
    isRoot: z.boolean(),
    ancestor: browseNode.nullable(),
    children: z.array(browseNode).max(200),
  }),
);

/** The one schema of a relay's successful answers (`{ result }`), per operation. */
const RELAY_ANSWERS = {
  getItems: z.object({
    result: z.object({
      items,
      itemErrors: z
        .array(z.object({ asin: productFields.asin.nullable(), cause: z.enum(['item_not_found', 'item_not_accessible']), vendorCode: text(100), message: text(300) }))
        .max(20),
    }),
  }),
  searchItems: z.object({ result: z.object({ items, totalResultCount: z.number().int().min(0).max(1_000_000_000), searchUrl: z.string().max(2048).nullable() }) }),
  getVariations: z.object({
    result: z.object({ items, variationCount: z.number().int().min(0).max(1_000_000).nullable(), pageCount: z.number().int().min(0).max(1_000_000).nullable() }),
  }),
  getBrowseNodes: z.object({ result: z.object({ browseNodes: z.array(browseNode).max(10) }) }),
} satisfies { [O in RelayOperation]: z.ZodType<{ result: RelayResults[O] }> };

/**
 * Checks a relay's 200 answer before anything of it is used: JSON of the operation's shape, with
 * capped strings and sane numbers; products only of the store asked (and for getItems only the
 * ASINs asked), fetched within Amazon's 24 hours and not in the future. Links become ours: an
 * https link on the store keeps Amazon's parameters with our tag, anything else is rebuilt from
 * the ASIN; images off Amazon's media hosts are dropped. Whatever fails is `relay_invalid_answer`.
 */
export function parseRelayAnswer<O extends RelayOperation>(operation: O, answer: { contentType: string | null; text: string }, question: RelayQuestion): Result<RelayResults[O], SourceError> {
  if (!/^application\/json\s*(;|$)/i.test(answer.contentType ?? '')) {
    return refuse(`it sent ${answer.contentType ? `“${summarizeForeignText(answer.contentType, [], 60)}”` : 'no content type'} instead of JSON`);
  }
  let parsed: z.ZodSafeParseResult<{ result: unknown }>;
  try {
    parsed = RELAY_ANSWERS[operation].safeParse(JSON.parse(answer.text));
  } catch (error) {
    // Invalid JSON, or nesting deep enough to exhaust the stack.
    return refuse(error instanceof SyntaxError ? 'it is not valid JSON' : 'it is nested too deeply');
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`${issue.path.join('.') || 'answer'}: ${issue.message}`);
  }
  const result = parsed.data.result as RelayResults[O];
  if (!('items' in result)) return ok(result);

  const asked = question.itemIds ? new Set(question.itemIds) : null;
  const most = question.itemCount ?? 10;
  if (result.items.length > most) return refuse(`it sent ${result.items.length} items where at most ${most} were asked for`);
  const kept: Product[] = [];
  for (const item of result.items) {
    if (item.marketplace !== question.marketplace.code) return refuse(`it sent ${item.asin} of the ${item.marketplace} store, but ${question.marketplace.code} was asked`);
    if (asked && !asked.has(item.asin)) return refuse(`it sent ${item.asin}, which was not asked for`);
    const fetchedAt = Date.parse(item.fetchedAt);
    const age = question.now.getTime() - fetchedAt;
    if (age < -CLOCK_SKEW_MS) return refuse(`${item.asin} is dated in the future (${item.fetchedAt})`);
    if (age >= DISPLAY_LIMIT_MS) return refuse(`${item.asin} was fetched more than 24 hours ago (${item.fetchedAt})`);
    kept.push({
      ...item,
      source: 'relay',
      // Never later than our own clock: a relay's clock running fast must not keep a price up longer.
      fetchedAt: new Date(Math.min(fetchedAt, question.now.getTime())).toISOString(),
      detailPageUrl: isStoreLink(item.detailPageUrl, question.marketplace)
        ? withPartnerTag(item.detailPageUrl, question.partnerTag)
        : buildProductUrl(question.marketplace, item.asin, question.partnerTag),
    });
  }
  if ('itemErrors' in result) {
    const stranger = result.itemErrors.find((e) => e.asin !== null && asked && !asked.has(e.asin));
    if (stranger) return refuse(`it reports an error for ${stranger.asin}, which was not asked for`);
  }
  const searchUrl = 'searchUrl' in result && result.searchUrl !== null && isStoreLink(result.searchUrl, question.marketplace) ? withPartnerTag(result.searchUrl, question.partnerTag) : null;
  return ok({ ...result, items: kept, ...('searchUrl' in result ? { searchUrl } : {}) });
}

function refuse(detail: string): Result<never, SourceError> {
  return err(sourceError('relay_invalid_answer', { message: `The relay’s answer was refused, nothing of it was stored: ${detail}.` }));
}
