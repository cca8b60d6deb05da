/** Secrets inside a marketplace row, as the engine shows them: whether set, and the last 4 characters. */
export interface StoredRowSecret {
  isSet: boolean;
  last4: string | null;
  readable: boolean;
}

export const ROW_SECRET_KEYS = ['creatorsCredentialSecret', 'paapiSecretKey'] as const;
export type RowSecretKey = (typeof ROW_SECRET_KEYS)[number];

/**
 * One marketplace row while it is edited. Row secrets are write-only: `undefined` keeps the stored
 * value, a string replaces it, `null` removes it.
 */
export interface MarketplaceRowDraft {
  /** A React key that survives reordering and country changes. */
  key: string;
  /** The country the engine stored this row under; it matches stored row secrets by country. */
  savedCountry: string | null;
  country: string;
  partnerTag: string;
  enabled: boolean;
  credentialsOpen: boolean;
  creatorsCredentialId: string;
  creatorsCredentialVersion: string;
  paapiAccessKey: string;
  /** The version was pre-selected from the ID's form, so a new ID may pre-select another one. */
  versionGuessed: boolean;
  storedSecrets: Record<RowSecretKey, StoredRowSecret | null>;
  secretDrafts: Record<RowSecretKey, string | null | undefined>;
}

export const SCALAR_KEYS = ['mode', 'creatorsCredentialId', 'creatorsCredentialVersion', 'paapiAccessKey', 'relayUrl', 'defaultCountry', 'defaultPartnerTag'] as const;
export type ScalarKey = (typeof SCALAR_KEYS)[number];

export const SECRET_KEYS = ['creatorsCredentialSecret', 'paapiSecretKey', 'relayToken'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** The whole Settings → Amazon form while it is edited. */
export interface AmazonDraft {
  scalars: Record<ScalarKey, string>;
  /** `undefined` keeps the stored secret; a string (once "Replace" was chosen) is the new value. */
  secrets: Record<SecretKey, string | undefined>;
  rows: MarketplaceRowDraft[];
  /** Credential Version was pre-selected from the Credential ID's form (see inferCredentialVersion). */
  versionGuessed: boolean;
}

/** Whether the row's own credentials hold anything worth sending or showing. */
export function rowHasCredentials(row: MarketplaceRowDraft): boolean {
  return Boolean(
    row.creatorsCredentialId || row.creatorsCredentialVersion || row.paapiAccessKey || ROW_SECRET_KEYS.some((k) => row.secretDrafts[k] || liveStoredSecret(row, k)),
  );
}

/**
 * The stored secret still attached to this row: the engine matches row secrets by country, so a row
 * moved to another country, or whose secret is being removed, has none.
 */
export function liveStoredSecret(row: MarketplaceRowDraft, key: RowSecretKey): StoredRowSecret | null {
  if (row.secretDrafts[key] === null || row.savedCountry !== row.country) return null;
  return row.storedSecrets[key];
}
