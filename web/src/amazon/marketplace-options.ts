import { CREDENTIAL_VERSIONS, MARKETPLACES, type Marketplace, type RegionGroup } from '../../../src/domain/marketplaces/catalogue.js';

export const REGION_NAMES: Record<RegionGroup, string> = {
  NA: 'North America',
  EU: 'Europe, Middle East, India',
  FE: 'Japan, Singapore, Australia',
};

export const findMarketplace = (code: string): Marketplace | undefined => MARKETPLACES.find((m) => m.code === code);

/** "Germany (amazon.de)": the name people know and the store they open. */
export const marketplaceLabel = (m: Marketplace): string => `${m.name} (${m.domain.replace(/^www\./, '')})`;

export const COUNTRY_OPTIONS = MARKETPLACES.map((m) => ({ value: m.code, label: marketplaceLabel(m) }));

/** The version's digit after the dot names the region it serves, so the label says which. */
export function versionLabel(version: string): string {
  const region = version.endsWith('.1') ? 'NA' : version.endsWith('.2') ? 'EU' : 'FE';
  return `${version} — ${REGION_NAMES[region]}`;
}

export const VERSION_OPTIONS = [{ value: '', label: 'Not chosen' }, ...CREDENTIAL_VERSIONS.map((v) => ({ value: v, label: versionLabel(v) }))];
