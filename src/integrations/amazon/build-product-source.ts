import type { Result } from '../../shared/result.js';
import type { ProductSourceName } from '../../domain/products/product.js';
import type { ProductSource } from '../../domain/products/product-source.js';
import type { SourceError } from '../../domain/products/source-error.js';
import { getBrowseNodesRequest, getItemsRequest, getVariationsRequest, searchItemsRequest } from '../../domain/products/source-requests.js';
import { PRODUCT_RESOURCES, type AmazonBrowseNode, type AmazonItem, type AmazonItemError } from './amazon-item.js';
import { collectItemErrors } from './collect-item-errors.js';
import { mapAmazonItem, mapBrowseNode } from './map-amazon-item.js';
import { validateRequest } from './validate-request.js';

export type AmazonOperation = 'getItems' | 'searchItems' | 'getVariations' | 'getBrowseNodes';

/**
 * Sends one validated request and reads Amazon's answer (camelCase; `{}` when nothing was found).
 * Each client supplies its own: OAuth2 + JSON for the Creators API, SigV4 + PascalCase for PA-API.
 */
export type CallAmazon = <T>(
  operation: AmazonOperation,
  marketplace: string,
  body: Record<string, unknown>,
  read: (json: Record<string, unknown>, fetchedAt: string) => T,
) => Promise<Result<T, SourceError>>;

/** The four operations every Amazon client offers: check the request, call, map the answer into our model. */
export function buildProductSource(source: Exclude<ProductSourceName, 'relay'>, credentialKey: string, call: CallAmazon): ProductSource {
  const toProduct = (marketplace: string, fetchedAt: string) => (item: AmazonItem) => mapAmazonItem(item, { marketplace, source, fetchedAt });
  return {
    name: source,
    credentialKey,
    async getItems(request) {
      const valid = validateRequest(getItemsRequest, request);
      if (!valid.ok) return valid;
      const { marketplace, ...body } = valid.value;
      return call('getItems', marketplace, { resources: [...PRODUCT_RESOURCES], ...body }, (json, fetchedAt) => {
        const items = ((json.itemsResult as { items?: AmazonItem[] } | undefined)?.items ?? []).map(toProduct(marketplace, fetchedAt));
        const errors = (json.errors as AmazonItemError[] | undefined) ?? [];
        return { items, itemErrors: collectItemErrors(body.itemIds, items.map((i) => i.asin), errors) };
      });
    },
    async searchItems(request) {
      const valid = validateRequest(searchItemsRequest, request);
      if (!valid.ok) return valid;
      const { marketplace, ...body } = valid.value;
      return call('searchItems', marketplace, { resources: [...PRODUCT_RESOURCES], ...body }, (json, fetchedAt) => {
        const result = (json.searchResult ?? {}) as { totalResultCount?: number; searchURL?: string; items?: AmazonItem[] };
        return {
          totalResultCount: result.totalResultCount ?? 0,
          searchUrl: result.searchURL ?? null,
          items: (result.items ?? []).map(toProduct(marketplace, fetchedAt)),
        };
      });
    },
    async getVariations(request) {
      const valid = validateRequest(getVariationsRequest, request);
      if (!valid.ok) return valid;
      const { marketplace, ...body } = valid.value;
      return call('getVariations', marketplace, { resources: [...PRODUCT_RESOURCES], ...body }, (json, fetchedAt) => {
        const result = (json.variationsResult ?? {}) as { items?: AmazonItem[]; variationSummary?: { variationCount?: number; pageCount?: number } };
        return {
          items: (result.items ?? []).map(toProduct(marketplace, fetchedAt)),
          variationCount: result.variationSummary?.variationCount ?? null,
          pageCount: result.variationSummary?.pageCount ?? null,
        };
      });
    },
    async getBrowseNodes(request) {
      const valid = validateRequest(getBrowseNodesRequest, request);
      if (!valid.ok) return valid;
      const { marketplace, ...body } = valid.value;
      return call('getBrowseNodes', marketplace, body, (json) => ({
        browseNodes: ((json.browseNodesResult as { browseNodes?: AmazonBrowseNode[] } | undefined)?.browseNodes ?? []).map(mapBrowseNode),
      }));
    },
  };
}
