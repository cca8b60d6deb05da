/**
 * The 22 Amazon marketplaces the Creators API serves. Static data, tested as data
 * (tests/unit/marketplaces.test.ts). Sources and confidence: ../shared/reference/amazon-apis.md §3.
 */
export type RegionGroup = 'NA' | 'EU' | 'FE';

/** Creators API credential versions: x.1 serve NA, x.2 EU, x.3 FE; 2.x via Cognito, 3.x via Login with Amazon. */
export const CREDENTIAL_VERSIONS = ['2.1', '2.2', '2.3', '3.1', '3.2', '3.3'] as const;
export type CredentialVersion = (typeof CREDENTIAL_VERSIONS)[number];

export const VERSIONS_BY_REGION: Record<RegionGroup, readonly CredentialVersion[]> = {
  NA: ['2.1', '3.1'],
  EU: ['2.2', '3.2'],
  FE: ['2.3', '3.3'],
};

export interface Marketplace {
  /** Our lower-case code, used in settings, shortcodes and URLs: `us`, `uk`, `de` … */
  code: string;
  /** ISO 3166-1 alpha-2 country (GB for the UK store). */
  country: string;
  name: string;
  /** The store's host, also the Creators API `x-marketplace` value. */
  domain: string;
  region: RegionGroup;
  creatorsVersions: readonly CredentialVersion[];
  paapiHost: string;
  paapiRegion: string;
  currency: string;
  language: string;
  /** The suffix Amazon usually gives this store's tracking IDs; only ever a warning, never a rule. */
  tagSuffix: string;
}

const na = (code: string, country: string, name: string, tld: string, currency: string, language: string): Marketplace => ({
  code, country, name, domain: `www.amazon.${tld}`, region: 'NA', creatorsVersions: VERSIONS_BY_REGION.NA,
  paapiHost: `webservices.amazon.${tld}`, paapiRegion: 'us-east-1', currency, language, tagSuffix: '-20',
});
const eu = (code: string, country: string, name: string, tld: string, currency: string, language: string): Marketplace => ({
  code, country, name, domain: `www.amazon.${tld}`, region: 'EU', creatorsVersions: VERSIONS_BY_REGION.EU,
  paapiHost: `webservices.amazon.${tld}`, paapiRegion: 'eu-west-1', currency, language, tagSuffix: '-21',
});
const fe = (code: string, country: string, name: string, tld: string, currency: string, language: string): Marketplace => ({
  code, country, name, domain: `www.amazon.${tld}`, region: 'FE', creatorsVersions: VERSIONS_BY_REGION.FE,
  paapiHost: `webservices.amazon.${tld}`, paapiRegion: 'us-west-2', currency, language, tagSuffix: '-22',
});

export const MARKETPLACES: readonly Marketplace[] = Object.freeze([
  na('us', 'US', 'United States', 'com', 'USD', 'en_US'),
  na('ca', 'CA', 'Canada', 'ca', 'CAD', 'en_CA'),
  na('mx', 'MX', 'Mexico', 'com.mx', 'MXN', 'es_MX'),
  na('br', 'BR', 'Brazil', 'com.br', 'BRL', 'pt_BR'),
  eu('uk', 'GB', 'United Kingdom', 'co.uk', 'GBP', 'en_GB'),
  eu('de', 'DE', 'Germany', 'de', 'EUR', 'de_DE'),
  eu('fr', 'FR', 'France', 'fr', 'EUR', 'fr_FR'),
  eu('it', 'IT', 'Italy', 'it', 'EUR', 'it_IT'),
  eu('es', 'ES', 'Spain', 'es', 'EUR', 'es_ES'),
  eu('nl', 'NL', 'Netherlands', 'nl', 'EUR', 'nl_NL'),
  eu('be', 'BE', 'Belgium', 'com.be', 'EUR', 'fr_BE'),
  eu('ie', 'IE', 'Ireland', 'ie', 'EUR', 'en_IE'),
  eu('se', 'SE', 'Sweden', 'se', 'SEK', 'sv_SE'),
  eu('pl', 'PL', 'Poland', 'pl', 'PLN', 'pl_PL'),
  eu('tr', 'TR', 'Turkey', 'com.tr', 'TRY', 'tr_TR'),
  eu('ae', 'AE', 'United Arab Emirates', 'ae', 'AED', 'en_AE'),
  eu('sa', 'SA', 'Saudi Arabia', 'sa', 'SAR', 'en_AE'),
  eu('eg', 'EG', 'Egypt', 'eg', 'EGP', 'en_AE'),
  eu('in', 'IN', 'India', 'in', 'INR', 'en_IN'),
  fe('jp', 'JP', 'Japan', 'co.jp', 'JPY', 'ja_JP'),
  fe('sg', 'SG', 'Singapore', 'sg', 'SGD', 'en_SG'),
  fe('au', 'AU', 'Australia', 'com.au', 'AUD', 'en_AU'),
]);
