import { amazonSection } from '../../../src/domain/settings/sections/amazon.js';
import type { MarketplaceRowDraft } from './amazon-draft.js';
import { findMarketplace } from './marketplace-options.js';

/** `marketplaces.2.partnerTag` → `amazon-marketplaces-2-partnerTag`: the id of the field's input. */
export const amazonInputId = (path: string): string => `amazon-${path.replaceAll('.', '-')}`;

export const rowPath = (index: number, field: string): string => `marketplaces.${index}.${field}`;

const ROW_FIELD_LABELS: Record<string, string> = {
  country: 'Country',
  partnerTag: 'Partner tag',
  enabled: 'Enabled',
  'credentials.creatorsCredentialId': 'Creators Credential ID',
  'credentials.creatorsCredentialSecret': 'Creators Credential Secret',
  'credentials.creatorsCredentialVersion': 'Credential Version',
  'credentials.paapiAccessKey': 'PA-API Access Key',
  'credentials.paapiSecretKey': 'PA-API Secret Key',
};

/** The row index of a path inside the marketplace rows, if it is one. */
export function rowIndexOf(path: string): number | undefined {
  const match = /^marketplaces\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** How a field path is named in the error banner and in fix links: "Row 3 (Germany): Partner tag". */
export function labelForAmazonPath(path: string, rows: readonly MarketplaceRowDraft[]): string {
  const index = rowIndexOf(path);
  if (index === undefined) {
    const field = (amazonSection.fields as Record<string, { label: string } | undefined>)[path];
    return field?.label ?? path;
  }
  const country = rows[index]?.country;
  const name = country ? (findMarketplace(country)?.name ?? country) : undefined;
  const rest = path.split('.').slice(2).join('.');
  const row = `Marketplace row ${index + 1}${name ? ` (${name})` : ''}`;
  return rest ? `${row}: ${ROW_FIELD_LABELS[rest] ?? rest}` : row;
}
