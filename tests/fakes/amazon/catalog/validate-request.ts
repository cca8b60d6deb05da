import { resourcesFor, toPascalResource, type Operation } from './resources.js';

/** One refused field, phrased so both APIs can report it (Creators fieldList, PA-API Errors). */
export interface FieldProblem {
  name: string;
  message: string;
  missing: boolean;
}

interface CommonRequest {
  partnerTag: string;
  resources: ReadonlySet<string>;
}

export interface GetItemsRequest extends CommonRequest {
  itemIds: string[];
}

export interface SearchItemsRequest extends CommonRequest {
  keywords?: string;
  actor?: string;
  artist?: string;
  author?: string;
  brand?: string;
  title?: string;
  searchIndex?: string;
  browseNodeId?: string;
  itemCount: number;
  itemPage: number;
  sortBy?: string;
  availability: 'Available' | 'IncludeOutOfStock';
  minPrice?: number;
  maxPrice?: number;
  minReviewsRating?: number;
  minSavingPercent?: number;
}

export interface GetVariationsRequest extends CommonRequest {
  asin: string;
  variationCount: number;
  variationPage: number;
}

export interface GetBrowseNodesRequest extends CommonRequest {
  browseNodeIds: string[];
}

export interface RequestByOperation {
  getItems: GetItemsRequest;
  searchItems: SearchItemsRequest;
  getVariations: GetVariationsRequest;
  getBrowseNodes: GetBrowseNodesRequest;
}

export type Validated<T> = { ok: true; request: T } | { ok: false; problems: FieldProblem[] };

export const ASIN_PATTERN = /^(?:[0-9]{9}[0-9X]|[A-Z][A-Z0-9]{9})$/;
const BROWSE_NODE_PATTERN = /^[1-9][0-9]{0,18}$/;
const SEARCH_TERMS = ['keywords', 'actor', 'artist', 'author', 'brand', 'title'] as const;
const SORT_BY = ['AvgCustomerReviews', 'Featured', 'NewestArrivals', 'Price:HighToLow', 'Price:LowToHigh', 'Relevance'];
const DELIVERY_FLAGS = ['AmazonGlobal', 'FreeShipping', 'FulfilledByAmazon', 'Prime'];

/**
 * Checks a catalog request body (camelCase field names, unknown fields ignored) against the limits
 * of reference §1.6 and returns a typed request or every problem found.
 */
export function validateRequest<O extends Operation>(operation: O, body: Readonly<Record<string, unknown>>): Validated<RequestByOperation[O]> {
  const v = new FieldChecker(body);
  const partnerTag = v.string('partnerTag', { required: true, max: 64 });
  const resources = v.resources(operation);
  v.stringList('languagesOfPreference', { max: 1, pattern: /^[a-z]{2}_[A-Z]{2}$/ });
  v.string('currencyOfPreference', { pattern: /^[A-Z]{3}$/ });
  v.oneOf('condition', ['Any', 'New']);
  const common = { partnerTag: partnerTag ?? '', resources };

  let request: RequestByOperation[Operation];
  switch (operation) {
    case 'getItems':
      request = { ...common, itemIds: [...new Set(v.stringList('itemIds', { required: true, min: 1, max: 10, pattern: ASIN_PATTERN, what: 'an ASIN' }) ?? [])] };
      break;
    case 'searchItems':
      request = searchRequest(v, common);
      break;
    case 'getVariations':
      request = {
        ...common,
        asin: v.string('asin', { required: true, pattern: ASIN_PATTERN }) ?? '',
        variationCount: v.integer('variationCount', 1, 10) ?? 10,
        variationPage: v.integer('variationPage', 1, Number.MAX_SAFE_INTEGER) ?? 1,
      };
      break;
    default:
      request = { ...common, browseNodeIds: v.stringList('browseNodeIds', { required: true, min: 1, max: 10, pattern: BROWSE_NODE_PATTERN, what: 'a browse node id' }) ?? [] };
  }
  return v.problems.length > 0 ? { ok: false, problems: v.problems } : { ok: true, request: request as RequestByOperation[O] };
}

function searchRequest(v: FieldChecker, common: CommonRequest): SearchItemsRequest {
  const terms = Object.fromEntries(SEARCH_TERMS.map((name) => [name, v.string(name, { max: 1000 })]));
  const browseNodeId = v.string('browseNodeId', { pattern: BROWSE_NODE_PATTERN });
  if (!SEARCH_TERMS.some((name) => terms[name]) && !browseNodeId) {
    v.problems.push({ name: 'keywords', missing: true, message: 'Give at least one of keywords, actor, artist, author, brand, title or browseNodeId.' });
  }
  v.stringList('deliveryFlags', { allowed: DELIVERY_FLAGS });
  const minPrice = v.integer('minPrice', 1, Number.MAX_SAFE_INTEGER);
  const maxPrice = v.integer('maxPrice', 1, Number.MAX_SAFE_INTEGER);
  const minReviewsRating = v.integer('minReviewsRating', 1, 4);
  const minSavingPercent = v.integer('minSavingPercent', 1, 99);
  const searchIndex = v.string('searchIndex', { pattern: /^[A-Za-z]+$/ });
  const sortBy = v.oneOf('sortBy', SORT_BY);
  const out: SearchItemsRequest = {
    ...common,
    itemCount: v.integer('itemCount', 1, 10) ?? 10,
    itemPage: v.integer('itemPage', 1, 10) ?? 1,
    availability: v.oneOf('availability', ['Available', 'IncludeOutOfStock']) === 'IncludeOutOfStock' ? 'IncludeOutOfStock' : 'Available',
  };
  for (const name of SEARCH_TERMS) if (terms[name]) out[name] = terms[name];
  return Object.assign(out, defined({ browseNodeId, minPrice, maxPrice, minReviewsRating, minSavingPercent, searchIndex, sortBy }));
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface StringRules {
  required?: boolean;
  max?: number;
  pattern?: RegExp;
}

interface ListRules {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  allowed?: readonly string[];
  what?: string;
}

/** Collects problems while reading fields, so one answer can list them all. */
class FieldChecker {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly body: Readonly<Record<string, unknown>>) {}

  private fail(name: string, message: string, missing = false): undefined {
    this.problems.push({ name, message, missing });
    return undefined;
  }

  string(name: string, rules: StringRules = {}): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return rules.required ? this.fail(name, `${name} is required.`, true) : undefined;
    if (typeof value !== 'string') return this.fail(name, `${name} must be a string.`);
    if (rules.required && value.trim() === '') return this.fail(name, `${name} must not be blank.`, true);
    if (rules.max !== undefined && value.length > rules.max) return this.fail(name, `${name} has ${value.length} characters; at most ${rules.max} are allowed.`);
    if (rules.pattern && !rules.pattern.test(value)) return this.fail(name, `'${value}' is not a valid ${name}.`);
    return value;
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(name, `${name} must be a whole number.`);
    if (value < min || value > max) return this.fail(name, `${name} must be between ${min} and ${max}; got ${value}.`);
    return value;
  }

  oneOf(name: string, allowed: readonly string[]): string | undefined {
    const value = this.string(name);
    if (value !== undefined && !allowed.includes(value)) return this.fail(name, `'${value}' is not one of ${allowed.join(', ')}.`);
    return value;
  }

  stringList(name: string, rules: ListRules): string[] | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return rules.required ? this.fail(name, `${name} is required.`, true) : undefined;
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) return this.fail(name, `${name} must be a list of strings.`);
    const list = value as string[];
    if (rules.min !== undefined && list.length < rules.min) return this.fail(name, `${name} needs at least ${rules.min} entr${rules.min === 1 ? 'y' : 'ies'}.`, list.length === 0);
    if (rules.max !== undefined && list.length > rules.max) return this.fail(name, `${name} has ${list.length} entries; at most ${rules.max} are allowed.`);
    const bad = list.filter((entry) => (rules.pattern && !rules.pattern.test(entry)) || (rules.allowed && !rules.allowed.includes(entry)));
    if (bad.length > 0) return this.fail(name, `${bad.map((b) => `'${b}'`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not ${rules.what ?? 'allowed'} in ${name}.`);
    return list;
  }

  resources(operation: Operation): ReadonlySet<string> {
    const list = this.stringList('resources', { max: 100 }) ?? [];
    const allowed = resourcesFor(operation);
    const pascal = list.filter((r) => /^[A-Z]/.test(r));
    const unknown = list.filter((r) => !/^[A-Z]/.test(r) && !allowed.has(r));
    if (pascal.length > 0) {
      this.fail('resources', `Resources are lowerCamelCase (e.g. itemInfo.title); PA-API spelling is not accepted: ${pascal.join(', ')}.`);
    }
    if (unknown.length > 0) {
      const hint = operation === 'getBrowseNodes' ? ' getBrowseNodes only takes browseNodes.ancestor and browseNodes.children.' : '';
      this.fail('resources', `Not valid resources for ${operation}: ${unknown.join(', ')}.${hint}`);
    }
    return new Set(list.filter((r) => allowed.has(r)));
  }
}

/** The PascalCase resource names PA-API accepts, mapped to ours. */
export function paapiResourceMap(operation: Operation): ReadonlyMap<string, string> {
  return new Map([...resourcesFor(operation)].map((r) => [toPascalResource(r), r]));
}
