import type { SectionView } from '../api/types.js';
import { fieldText } from '../site/field-text.js';
import { SCALAR_KEYS, type AmazonDraft, type MarketplaceRowDraft } from './amazon-draft.js';
import { readMarketplaceRows, type MarketplaceRowView } from './read-marketplace-rows.js';

let nextKey = 0;
/** Keys for React only; they never leave the page. */
export const newRowKey = (): string => `row-${++nextKey}`;

export function rowDraftFromView(row: MarketplaceRowView): MarketplaceRowDraft {
  const { credentials } = row;
  return {
    key: newRowKey(),
    savedCountry: row.country,
    country: row.country,
    partnerTag: row.partnerTag,
    enabled: row.enabled,
    credentialsOpen: false,
    creatorsCredentialId: credentials.creatorsCredentialId,
    creatorsCredentialVersion: credentials.creatorsCredentialVersion,
    paapiAccessKey: credentials.paapiAccessKey,
    versionGuessed: false,
    storedSecrets: { creatorsCredentialSecret: credentials.creatorsCredentialSecret, paapiSecretKey: credentials.paapiSecretKey },
    secretDrafts: { creatorsCredentialSecret: undefined, paapiSecretKey: undefined },
  };
}

/** The form as the engine last described the settings; secrets start as "keep". */
export function amazonDraftFromView(view: SectionView): AmazonDraft {
  const marketplaces = view.fields.marketplaces;
  return {
    scalars: Object.fromEntries(SCALAR_KEYS.map((key) => [key, fieldText(view, key)])) as AmazonDraft['scalars'],
    secrets: { creatorsCredentialSecret: undefined, paapiSecretKey: undefined, relayToken: undefined },
    rows: readMarketplaceRows(marketplaces && !marketplaces.secret ? marketplaces.value : []).map(rowDraftFromView),
    versionGuessed: false,
  };
}

/** A new row: the first marketplace not listed yet, enabled, its tag still to be entered. */
export function newRowDraft(usedCountries: readonly string[], allCountries: readonly string[]): MarketplaceRowDraft {
  const country = allCountries.find((code) => !usedCountries.includes(code)) ?? allCountries[0] ?? 'us';
  return {
    key: newRowKey(),
    savedCountry: null,
    country,
    partnerTag: '',
    enabled: true,
    credentialsOpen: false,
    creatorsCredentialId: '',
    creatorsCredentialVersion: '',
    paapiAccessKey: '',
    versionGuessed: false,
    storedSecrets: { creatorsCredentialSecret: null, paapiSecretKey: null },
    secretDrafts: { creatorsCredentialSecret: undefined, paapiSecretKey: undefined },
  };
}
