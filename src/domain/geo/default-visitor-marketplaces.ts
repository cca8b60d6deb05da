/**
 * Where visitors from a country without its own Amazon store are sent by default: the store that
 * ships there best and speaks the language. Visitors from a country with a store go to that store
 * unless a row says otherwise; countries in neither list go to the Default Country. Ireland has
 * its own store since 2025 but many Irish shoppers still use amazon.co.uk — its row is listed so
 * the choice is visible and one click away.
 */
export interface VisitorMarketplaceRow {
  /** ISO 3166-1 alpha-2 of the visitor. */
  country: string;
  /** Our marketplace code: `de`, `uk` … */
  marketplace: string;
}

const groups: ReadonlyArray<[marketplace: string, countries: string]> = [
  ['de', 'AT CH LI LU DK NO FI IS CZ SK HU SI HR EE LV LT RO BG GR'],
  ['uk', 'IM JE GG GI MT CY'],
  ['ie', 'IE'],
  ['fr', 'MC'],
  ['es', 'PT AD'],
  ['it', 'SM VA'],
  ['au', 'NZ FJ PG'],
  ['sg', 'MY BN'],
  ['ae', 'KW QA BH OM JO'],
  ['in', 'LK NP BD'],
  ['us', 'PR VI GU AS MP UM AR CL CO PE UY EC VE BO PY CR PA GT HN SV NI DO JM BS BB TT'],
];

export const DEFAULT_VISITOR_MARKETPLACES: readonly VisitorMarketplaceRow[] = Object.freeze(
  groups.flatMap(([marketplace, countries]) => countries.split(' ').map((country) => Object.freeze({ country, marketplace }))),
);
