import type { ProductSourceName } from './product.js';

/** A name for a credential that is safe to show: the last characters of its id, never the secret. */
export function describeCredential(source: ProductSourceName, credentialKey: string): string {
  const [, id = '', version] = credentialKey.split(':');
  switch (source) {
    case 'creators':
      return `Creators API credential …${id.slice(-4)}${version ? ` (version ${version})` : ''}`;
    case 'paapi':
      return `PA-API 5.0 access key …${id.slice(-4)}`;
    case 'relay':
      return `PassiveWP relay ${credentialKey.slice('relay:'.length)}`;
  }
}
