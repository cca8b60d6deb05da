import type { Result } from '../../shared/result.js';
import type { CauseCode } from '../connection-checks/cause-codes.js';
import type { BrowseNode, Product, ProductSourceName } from './product.js';
import type { SourceError } from './source-error.js';
import type { GetBrowseNodesRequest, GetItemsRequest, GetVariationsRequest, SearchItemsRequest } from './source-requests.js';

/** One ASIN that a request asked for but did not get, with why. */
export interface ItemError {
  asin: string | null;
  cause: CauseCode;
  /** Amazon's item-level code (`InvalidParameterValue`, `ItemNotAccessible` …). */
  vendorCode: string;
  message: string;
}

export interface GetItemsResult {
  /** Matched by ASIN: Amazon does not keep the requested order. */
  items: Product[];
  itemErrors: ItemError[];
}

export interface SearchItemsResult {
  totalResultCount: number;
  searchUrl: string | null;
  items: Product[];
}

export interface GetVariationsResult {
  items: Product[];
  variationCount: number | null;
  pageCount: number | null;
}

export interface GetBrowseNodesResult {
  browseNodes: BrowseNode[];
}

/**
 * A place product data comes from. Every call checks its request against Amazon's limits before
 * sending, paces itself within the credential's rate limit and daily quota, and returns failures
 * as values with a cause code.
 */
export interface ProductSource {
  readonly name: ProductSourceName;
  /** Who Amazon counts this source's requests against (`creators:<id>:<version>`, `paapi:<access key>`, `relay:<url>`); never a secret. */
  readonly credentialKey: string;
  getItems(request: GetItemsRequest): Promise<Result<GetItemsResult, SourceError>>;
  searchItems(request: SearchItemsRequest): Promise<Result<SearchItemsResult, SourceError>>;
  getVariations(request: GetVariationsRequest): Promise<Result<GetVariationsResult, SourceError>>;
  getBrowseNodes(request: GetBrowseNodesRequest): Promise<Result<GetBrowseNodesResult, SourceError>>;
}
