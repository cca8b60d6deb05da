import type { EngineContext } from '../domain/context.js';
import { findMarketplace } from '../domain/marketplaces/find-marketplace.js';
import { displayableSnapshot } from '../domain/products/display-rules.js';
import type { BlockParams, ListParams, TableAttribute } from '../domain/render/block-params.js';
import { buildSearchUrl } from '../domain/render/build-amazon-url.js';
import { chooseLinkMarketplace, type LinkMarketplace } from '../domain/render/choose-link-marketplace.js';
import type { LinkTags } from '../domain/render/read-link-tags.js';
import type { NewProductAllowance } from '../domain/render/render-limits.js';
import { resolveBlockProduct, type BlockProduct, type MissingInVisitorStore } from '../domain/render/resolve-block-product.js';
import { readSavedSearch } from '../domain/searches/read-saved-search.js';
import type { SavedSearchParams } from '../domain/searches/saved-search.js';
import { blockLabels, type BlockLabels } from './block-labels.js';
import { buildProductData, type ProductData } from './build-product-data.js';
import type { TemplateSet } from './load-templates.js';

/** What every block of one page shares. */
export interface PageContext {
  ctx: EngineContext;
  templates: TemplateSet;
  tags: LinkTags;
  /** The visitor's store, when it qualifies and differs from nothing yet; null keeps each block's own. */
  visitorMarketplace: string | null;
  missingInVisitorStore: MissingInVisitorStore;
  timeZone: string;
  /** Products shown on the page (their views are counted once per page). */
  shown: Set<string>;
  /** A visitor's page view: saved searches count it too (previews do not). */
  countViews: boolean;
  /** The products (and saved searches) this render may still add. */
  allowance: NewProductAllowance;
}

const ATTRIBUTE_LABEL: Record<TableAttribute, keyof BlockLabels> = { image: 'image', price: 'price', rating: 'rating', features: 'features', availability: 'availability' };

/** One block's HTML, from stored data only. */
export async function renderBlock(page: PageContext, block: BlockParams): Promise<string> {
  const home = block.marketplace ?? page.tags.defaultCountry;
  switch (block.type) {
    case 'box':
    case 'image': {
      const { p, labels } = await productFor(page, block.asin, home);
      return page.templates.render(block.type, { p, labels });
    }
    case 'link': {
      const { p, labels } = await productFor(page, block.asin, home, block.text);
      return page.templates.render('link', { p, labels });
    }
    case 'table': {
      const link = chooseLinkMarketplace(home, page.visitorMarketplace, page.tags);
      const labels = labelsOf(link.marketplace);
      const rows = [];
      for (const asin of block.asins) rows.push({ product: (await productFor(page, asin, home, null, link)).p, pick: asin === block.pick });
      const attributes = block.attributes.map((key) => ({ key, label: labels[ATTRIBUTE_LABEL[key]] }));
      return page.templates.render('table', { rows, attributes, labels });
    }
    case 'list':
      return renderList(page, block, home);
  }
}

async function productFor(page: PageContext, asin: string, home: string, ownText: string | null = null, chosen?: LinkMarketplace): Promise<{ p: ProductData; labels: BlockLabels }> {
  const link = chosen ?? chooseLinkMarketplace(home, page.visitorMarketplace, page.tags);
  const resolved = await resolveBlockProduct(page.ctx, { asin, home, homeTag: page.tags.tagFor(home), link, missingInVisitorStore: page.missingInVisitorStore, allowance: page.allowance });
  return dataOf(page, resolved, ownText);
}

function dataOf(page: PageContext, resolved: BlockProduct, ownText: string | null = null): { p: ProductData; labels: BlockLabels } {
  if (resolved.recordId && resolved.state !== 'not_found') page.shown.add(resolved.recordId);
  const marketplace = storeOf(resolved.marketplace);
  const labels = blockLabels(marketplace.language);
  return { p: buildProductData(resolved, { marketplace, labels, timeZone: page.timeZone }, ownText), labels };
}

/**
 * A saved search's products. Keyword searches follow the visitor to their store (browse nodes are
 * per store, so those stay); until a search has an answer (or while the render's allowance keeps
 * a new one from being saved), a tagged search link on that store.
 */
async function renderList(page: PageContext, block: ListParams, home: string): Promise<string> {
  const link = block.search && !block.browse ? chooseLinkMarketplace(home, page.visitorMarketplace, page.tags) : { marketplace: home, tag: page.tags.tagFor(home), localized: false };
  const mayCreate = (params: SavedSearchParams) => page.allowance.take(`the list ${JSON.stringify(params.keywords ?? params.browseNode)} in ${params.marketplace}`, params.count);
  const read = async (marketplace: string) => {
    const params = { marketplace, keywords: block.search ?? null, browseNode: block.browse ?? null, sort: block.sort, count: block.count };
    return (await readSavedSearch(page.ctx, params, { countView: page.countViews, mayCreate })) ?? { params, products: [] };
  };
  let search = await read(link.marketplace);
  let target = link;
  if (link.localized && !search.products.length && page.missingInVisitorStore === 'original') {
    search = await read(home);
    target = { marketplace: home, tag: page.tags.tagFor(home), localized: false };
  }
  const now = page.ctx.clock.now();
  const items: ProductData[] = [];
  for (const record of search.products) {
    const product = displayableSnapshot(record.snapshot, now, page.tags.tagFor(record.marketplace));
    if (!product) continue;
    items.push(dataOf(page, { asin: record.asin, marketplace: record.marketplace, url: product.detailPageUrl, state: 'fresh', product, offerShown: true, recordId: record.id }).p);
  }
  const labels = labelsOf(target.marketplace);
  const url = buildSearchUrl(storeOf(target.marketplace), { keywords: search.params.keywords, node: search.params.browseNode }, target.tag);
  return page.templates.render('list', { items, search: { url, text: block.search ? `${labels.search}: ${block.search}` : labels.search }, labels });
}

function labelsOf(code: string): BlockLabels {
  return blockLabels(storeOf(code).language);
}

function storeOf(code: string) {
  const marketplace = findMarketplace(code);
  if (!marketplace) throw new Error(`unknown marketplace ${code}`);
  return marketplace;
}
