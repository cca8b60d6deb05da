import type { Marketplace } from '../../../../src/domain/marketplaces/catalogue.js';
import { browseNode, childrenOf } from '../data/browse-tree.js';
import { describeItem } from '../data/describe-item.js';
import { lookup, productsIn } from '../data/fake-catalogue.js';
import { money } from '../data/money.js';
import { ancestorChain, renderItem, type LinkCode } from './render-item.js';
import { searchCatalogue } from './search.js';
import type { GetBrowseNodesRequest, GetItemsRequest, GetVariationsRequest, RequestByOperation, SearchItemsRequest } from './validate-request.js';
import type { Operation } from './resources.js';

export interface ItemError {
  code: string;
  message: string;
}

/**
 * What an operation found, in Creators API camelCase and independent of the wire: the Creators
 * handler sends `payload` (+ `errors`) as is, the PA-API handler PascalCases it.
 */
export type OperationResult =
  | { found: true; payload: Record<string, unknown>; errors: ItemError[] }
  | { found: false; message: string; resourceId: string; resourceType: string; errors: ItemError[] };

export interface CatalogContext {
  marketplace: Marketplace;
  /** Items the scenario declares not accessible, on top of the catalogue's own. */
  inaccessible: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

const NO_RESULTS = 'No results found for your request.';

export function runOperation<O extends Operation>(operation: O, request: RequestByOperation[O], context: CatalogContext): OperationResult {
  switch (operation) {
    case 'getItems':
      return getItems(request as GetItemsRequest, context);
    case 'searchItems':
      return searchItems(request as SearchItemsRequest, context);
    case 'getVariations':
      return getVariations(request as GetVariationsRequest, context);
    default:
      return getBrowseNodes(request as GetBrowseNodesRequest);
  }
}

function renderContext(request: { partnerTag: string; resources: ReadonlySet<string> }, context: CatalogContext, linkCode: LinkCode, withVariationAttributes = false) {
  return { marketplace: context.marketplace, partnerTag: request.partnerTag, resources: request.resources, linkCode, withVariationAttributes };
}

function getItems(request: GetItemsRequest, context: CatalogContext): OperationResult {
  const items: Json[] = [];
  const errors: ItemError[] = [];
  const render = renderContext(request, context, 'ogi');
  for (const asin of request.itemIds) {
    const item = lookup(context.marketplace.code, asin);
    if (!item) errors.push({ code: 'InvalidParameterValue', message: `The ItemId ${asin} provided in the request is invalid.` });
    else if (!item.product.accessible || context.inaccessible.has(asin)) {
      errors.push({ code: 'ItemNotAccessible', message: `The ItemId ${asin} is not accessible through the Product Advertising API.` });
    } else items.push(renderItem(item, render));
  }
  if (items.length === 0) return { found: false, message: 'None of the requested items could be found.', resourceId: request.itemIds.join(','), resourceType: 'Item', errors };
  return { found: true, payload: { itemsResult: { items } }, errors };
}

function searchItems(request: SearchItemsRequest, context: CatalogContext): OperationResult {
  const { marketplace } = context;
  const hits = searchCatalogue(request, marketplace).filter((hit) => !context.inaccessible.has(hit.product.asin));
  const start = (request.itemPage - 1) * request.itemCount;
  const page = hits.slice(start, start + request.itemCount);
  const query = request.keywords ?? request.title ?? request.brand ?? request.author ?? request.actor ?? request.artist ?? '';
  if (page.length === 0) return { found: false, message: NO_RESULTS, resourceId: query || (request.browseNodeId ?? ''), resourceType: 'SearchResult', errors: [] };
  const render = renderContext(request, context, 'osi');
  const result: Json = {
    totalResultCount: hits.length,
    searchURL: searchUrl(marketplace, query, request.browseNodeId, request.partnerTag),
    items: page.map((hit) => renderItem(describeItem(hit.product, hit.offer, marketplace), render)),
  };
  if (request.resources.has('searchRefinements')) result.searchRefinements = refinements(hits.map((h) => h.product.browseNodeId));
  return { found: true, payload: { searchResult: result }, errors: [] };
}

function searchUrl(marketplace: Marketplace, query: string, browseNodeId: string | undefined, partnerTag: string): string {
  const params = new URLSearchParams();
  if (query) params.set('k', query);
  if (browseNodeId) params.set('rh', `n:${browseNodeId}`);
  params.set('tag', partnerTag);
  params.set('linkCode', 'osi');
  return `https://${marketplace.domain}/s?${params.toString()}`;
}

function refinements(nodeIds: readonly string[]): Json {
  const bins = [...new Set(nodeIds)].flatMap((id) => {
    const node = browseNode(id);
    return node ? [{ displayName: node.displayName, id: node.id }] : [];
  });
  return { browseNode: { bins, displayName: 'Department', id: 'BrowseNode' }, otherRefinements: [] };
}

function getVariations(request: GetVariationsRequest, context: CatalogContext): OperationResult {
  const { marketplace } = context;
  const item = lookup(marketplace.code, request.asin);
  if (!item) {
    const message = `The ASIN ${request.asin} provided in the request is invalid.`;
    return { found: false, message, resourceId: request.asin, resourceType: 'Item', errors: [{ code: 'InvalidParameterValue', message }] };
  }
  const parentAsin = item.product.isParent ? item.product.asin : item.product.parentAsin;
  const family = parentAsin
    ? productsIn(marketplace.code).filter(({ product }) => product.parentAsin === parentAsin && product.accessible && !context.inaccessible.has(product.asin))
    : [];
  const start = (request.variationPage - 1) * request.variationCount;
  const page = family.slice(start, start + request.variationCount);
  if (page.length === 0) {
    return { found: false, message: NO_RESULTS, resourceId: request.asin, resourceType: 'Variation', errors: [{ code: 'NoResults', message: NO_RESULTS }] };
  }
  const render = renderContext(request, context, 'ogv', true);
  const summary: Json = { pageCount: Math.ceil(family.length / request.variationCount), variationCount: family.length };
  const prices = family.flatMap(({ offer }) => (offer.price === null ? [] : [offer.price]));
  const price: Json = {};
  if (request.resources.has('variationSummary.price.highestPrice') && prices.length > 0) price.highestPrice = money(Math.max(...prices), marketplace.currency, marketplace.language);
  if (request.resources.has('variationSummary.price.lowestPrice') && prices.length > 0) price.lowestPrice = money(Math.min(...prices), marketplace.currency, marketplace.language);
  if (Object.keys(price).length > 0) summary.price = price;
  const dimension = family[0]?.product.variation?.dimension;
  if (request.resources.has('variationSummary.variationDimension') && dimension) {
    summary.variationDimensions = [
      { displayName: dimension === 'color_name' ? 'Color' : 'Size', locale: marketplace.language, name: dimension, values: family.map(({ product }) => product.variation?.value ?? '') },
    ];
  }
  return {
    found: true,
    payload: { variationsResult: { items: page.map(({ product, offer }) => renderItem(describeItem(product, offer, marketplace), render)), variationSummary: summary } },
    errors: [],
  };
}

function getBrowseNodes(request: GetBrowseNodesRequest): OperationResult {
  const nodes: Json[] = [];
  const errors: ItemError[] = [];
  for (const id of request.browseNodeIds) {
    const node = browseNode(id);
    if (!node) {
      errors.push({ code: 'InvalidParameterValue', message: `The BrowseNodeId ${id} provided in the request is invalid.` });
      continue;
    }
    const ancestor = request.resources.has('browseNodes.ancestor') ? ancestorChain(node) : undefined;
    const children = request.resources.has('browseNodes.children')
      ? childrenOf(id).map((child) => ({ contextFreeName: child.contextFreeName, displayName: child.displayName, id: child.id }))
      : undefined;
    nodes.push({
      ...(ancestor ? { ancestor } : {}),
      ...(children && children.length > 0 ? { children } : {}),
      contextFreeName: node.contextFreeName,
      displayName: node.displayName,
      id: node.id,
      isRoot: node.parentId === undefined,
    });
  }
  if (nodes.length === 0) return { found: false, message: 'None of the requested browse nodes exist.', resourceId: request.browseNodeIds.join(','), resourceType: 'BrowseNode', errors };
  return { found: true, payload: { browseNodesResult: { browseNodes: nodes } }, errors };
}
