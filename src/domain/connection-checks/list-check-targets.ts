import type { Marketplace } from '../marketplaces/catalogue.js';
import { findMarketplace } from '../marketplaces/find-marketplace.js';
import type { SectionValues } from '../settings/define-section.js';
import type { amazonSection } from '../settings/sections/amazon.js';

export type AmazonValues = SectionValues<(typeof amazonSection)['fields']>;

/** One marketplace the check probes, with what the fix links and the tag rule need to know. */
export interface CheckTarget {
  marketplace: Marketplace;
  /** Index in the saved marketplace rows, or null for the Default Country without a row. */
  rowIndex: number | null;
  partnerTag: string | null;
  partnerTagFrom: 'row' | 'default' | null;
  /** Which sources use credentials of the row itself instead of the global ones. */
  ownCredentials: { creators: boolean; paapi: boolean };
}

/**
 * Every enabled marketplace row, plus the Default Country: it is what every page without a row
 * uses, so it is checked even when no row (or only a disabled one) names it. The tag rule is the
 * one product fetching applies (`resolveProductSources`): the row's tag, else the default tag.
 */
export function listCheckTargets(values: AmazonValues): CheckTarget[] {
  const targets: CheckTarget[] = [];
  const rowIndexOf = (country: string) => values.marketplaces.findIndex((r) => r.country === country);
  const defaultIndex = rowIndexOf(values.defaultCountry);
  const defaultMarketplace = findMarketplace(values.defaultCountry);
  if (defaultIndex === -1 && defaultMarketplace) targets.push(targetFor(values, defaultMarketplace, null));
  values.marketplaces.forEach((row, index) => {
    const marketplace = findMarketplace(row.country);
    // A duplicate row never reaches the sources (the first row of a country wins), so it is not checked twice.
    if (!marketplace || rowIndexOf(row.country) !== index) return;
    if (row.enabled || index === defaultIndex) targets.push(targetFor(values, marketplace, index));
  });
  return targets;
}

function targetFor(values: AmazonValues, marketplace: Marketplace, rowIndex: number | null): CheckTarget {
  const row = rowIndex === null ? undefined : values.marketplaces[rowIndex];
  const partnerTagFrom = row?.partnerTag ? 'row' : values.defaultPartnerTag ? 'default' : null;
  return {
    marketplace,
    rowIndex,
    partnerTag: row?.partnerTag || values.defaultPartnerTag || null,
    partnerTagFrom,
    ownCredentials: { creators: Boolean(row?.credentials?.creatorsCredentialId), paapi: Boolean(row?.credentials?.paapiAccessKey) },
  };
}
