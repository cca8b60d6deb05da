import type { CauseCode } from '../../domain/connection-checks/cause-codes.js';
import type { ItemError } from '../../domain/products/product-source.js';
import type { AmazonItemError } from './amazon-item.js';

const CAUSE_BY_CODE: Record<string, CauseCode> = {
  InvalidParameterValue: 'item_not_found',
  NoResults: 'item_not_found',
  ItemNotAccessible: 'item_not_accessible',
};

/**
 * Amazon reports per-ASIN failures inside a 200 answer, naming the ASIN only in the message text.
 * Every requested ASIN that came back neither as an item nor in an error is reported as not found.
 */
export function collectItemErrors(requested: readonly string[], returned: readonly string[], errors: readonly AmazonItemError[]): ItemError[] {
  const found = new Set(returned);
  const result: ItemError[] = [];
  const reported = new Set<string>();
  for (const error of errors) {
    const asin = requested.find((id) => error.message?.includes(id)) ?? null;
    if (asin) reported.add(asin);
    result.push({ asin, cause: CAUSE_BY_CODE[error.code ?? ''] ?? 'item_not_found', vendorCode: error.code ?? 'Unknown', message: error.message ?? '' });
  }
  for (const asin of requested) {
    if (!found.has(asin) && !reported.has(asin)) {
      result.push({ asin, cause: 'item_not_found', vendorCode: 'Missing', message: `Amazon returned nothing for ${asin}.` });
    }
  }
  return result;
}
