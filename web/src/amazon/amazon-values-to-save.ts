import type { SectionView } from '../api/types.js';
import { readMarketplaceRows } from './read-marketplace-rows.js';
import { ROW_SECRET_KEYS, SCALAR_KEYS, SECRET_KEYS, rowHasCredentials, type AmazonDraft, type MarketplaceRowDraft, type RowSecretKey } from './amazon-draft.js';

type RowSecretValue = string | null | undefined;

/**
 * What a row sends for one of its secrets. The engine keeps an omitted secret of the row that had
 * the same country before, so a row that took over another row's country clears it explicitly
 * rather than silently inheriting someone else's secret.
 */
function rowSecretToSend(row: MarketplaceRowDraft, key: RowSecretKey, storedCountries: ReadonlySet<string>): RowSecretValue {
  const typed = row.secretDrafts[key];
  if (typed) return typed;
  if (typed === null) return null;
  if (row.savedCountry === row.country) return undefined;
  return storedCountries.has(row.country) ? null : undefined;
}

function rowToSave(row: MarketplaceRowDraft, storedCountriesByKey: Record<RowSecretKey, ReadonlySet<string>>): Record<string, unknown> {
  const secrets = Object.fromEntries(
    ROW_SECRET_KEYS.map((key) => [key, rowSecretToSend(row, key, storedCountriesByKey[key])]).filter(([, value]) => value !== undefined),
  );
  const base = { country: row.country, partnerTag: row.partnerTag.trim(), enabled: row.enabled };
  if (!rowHasCredentials(row) && Object.keys(secrets).length === 0) return base;
  return {
    ...base,
    credentials: {
      creatorsCredentialId: row.creatorsCredentialId.trim(),
      creatorsCredentialVersion: row.creatorsCredentialVersion,
      paapiAccessKey: row.paapiAccessKey.trim(),
      ...secrets,
    },
  };
}

/** The body of `PUT /api/settings/amazon`: unlocked fields only, secrets only when a new value was typed. */
export function amazonValuesToSave(view: SectionView, draft: AmazonDraft): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const editable = (key: string) => view.fields[key]?.locked === false;
  for (const key of SCALAR_KEYS) if (editable(key)) values[key] = draft.scalars[key];
  for (const key of SECRET_KEYS) if (editable(key) && draft.secrets[key]) values[key] = draft.secrets[key];
  if (editable('marketplaces')) {
    // From the saved rows, not the edited ones: a removed row's secret is still stored under its country.
    const marketplaces = view.fields.marketplaces;
    const saved = readMarketplaceRows(marketplaces && !marketplaces.secret ? marketplaces.value : []);
    const countriesWith = (key: RowSecretKey) => new Set(saved.flatMap((r) => (r.credentials[key] ? [r.country] : [])));
    const storedCountries = { creatorsCredentialSecret: countriesWith('creatorsCredentialSecret'), paapiSecretKey: countriesWith('paapiSecretKey') };
    values.marketplaces = draft.rows.map((row) => rowToSave(row, storedCountries));
  }
  return values;
}

/**
 * Only the values that differ from what the engine holds: the audit log then names what the user
 * changed, and a field left alone keeps its source (default stays default).
 */
export function changedAmazonValues(view: SectionView, draft: AmazonDraft, saved: AmazonDraft): Record<string, unknown> {
  const next = amazonValuesToSave(view, draft);
  const before = amazonValuesToSave(view, saved);
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
}
