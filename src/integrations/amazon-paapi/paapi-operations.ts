/** The four PA-API 5.0 operations, by their name in `x-amz-target`. */
export type PaapiOperation = 'GetItems' | 'SearchItems' | 'GetVariations' | 'GetBrowseNodes';

/** The SigV4 service name: the docs say `ProductAdvertisingAPIv1`, but Amazon's SDKs (and the servers) use this. */
export const PAAPI_SERVICE = 'ProductAdvertisingAPI';

const TARGET_PREFIX = 'com.amazon.paapi5.v1.ProductAdvertisingAPIv1.';

/** The real endpoint of one operation on one marketplace's host (`/paapi5/getitems`, lower case). */
export function operationUrl(host: string, operation: PaapiOperation): string {
  return `https://${host}/paapi5/${operation.toLowerCase()}`;
}

export function operationTarget(operation: PaapiOperation): string {
  return TARGET_PREFIX + operation;
}
