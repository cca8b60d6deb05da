import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import { inferCredentialVersion } from '../../../src/domain/products/infer-credential-version.js';
import type { AmazonDraft, MarketplaceRowDraft, RowSecretKey, ScalarKey, SecretKey } from './amazon-draft.js';
import { newRowDraft } from './amazon-draft-from-view.js';
import { findMarketplace } from './marketplace-options.js';

/**
 * The version a credential ID suggests, when the version is still open: empty, or guessed from an
 * earlier ID. A version the user picked is never overwritten.
 */
function guessVersion(id: string, current: string, guessed: boolean, country: string): { version: string; guessed: boolean } {
  if (current && !guessed) return { version: current, guessed: false };
  const marketplace = findMarketplace(country);
  const inferred = marketplace ? inferCredentialVersion(id, marketplace) : undefined;
  return inferred ? { version: inferred, guessed: true } : { version: guessed ? '' : current, guessed: false };
}

export function withScalar(draft: AmazonDraft, key: ScalarKey, value: string): AmazonDraft {
  const scalars = { ...draft.scalars, [key]: value };
  if (key === 'creatorsCredentialVersion') return { ...draft, scalars, versionGuessed: false };
  if (key !== 'creatorsCredentialId') return { ...draft, scalars };
  // The Default Country's marketplace picks the region digit of the guessed version.
  const { version, guessed } = guessVersion(value, draft.scalars.creatorsCredentialVersion, draft.versionGuessed, draft.scalars.defaultCountry);
  return { ...draft, scalars: { ...scalars, creatorsCredentialVersion: version }, versionGuessed: guessed };
}

export function withSecret(draft: AmazonDraft, key: SecretKey, value: string | undefined): AmazonDraft {
  return { ...draft, secrets: { ...draft.secrets, [key]: value } };
}

export function withRow(draft: AmazonDraft, index: number, patch: Partial<MarketplaceRowDraft>): AmazonDraft {
  return {
    ...draft,
    rows: draft.rows.map((row, i) => {
      if (i !== index) return row;
      const next = { ...row, ...patch };
      if ('creatorsCredentialVersion' in patch) return { ...next, versionGuessed: false };
      if (!('creatorsCredentialId' in patch)) return next;
      // A row's own credentials serve the row's marketplace, so its region picks the version.
      const { version, guessed } = guessVersion(next.creatorsCredentialId, row.creatorsCredentialVersion, row.versionGuessed, next.country);
      return { ...next, creatorsCredentialVersion: version, versionGuessed: guessed };
    }),
  };
}

export function withRowSecret(draft: AmazonDraft, index: number, key: RowSecretKey, value: string | null | undefined): AmazonDraft {
  const row = draft.rows[index];
  return row ? withRow(draft, index, { secretDrafts: { ...row.secretDrafts, [key]: value } }) : draft;
}

/** Forgets the row's own credentials: it falls back to the shared ones above. */
export function withoutRowCredentials(draft: AmazonDraft, index: number): AmazonDraft {
  const row = draft.rows[index];
  if (!row) return draft;
  // Only a secret the engine holds needs an explicit removal; the others simply stay unsent.
  const clear = (key: RowSecretKey) => (row.storedSecrets[key] ? null : undefined);
  return withRow(draft, index, {
    creatorsCredentialId: '',
    creatorsCredentialVersion: '',
    paapiAccessKey: '',
    versionGuessed: false,
    secretDrafts: { creatorsCredentialSecret: clear('creatorsCredentialSecret'), paapiSecretKey: clear('paapiSecretKey') },
    credentialsOpen: false,
  });
}

export function withNewRow(draft: AmazonDraft): AmazonDraft {
  const row = newRowDraft(
    draft.rows.map((r) => r.country),
    MARKETPLACES.map((m) => m.code),
  );
  return { ...draft, rows: [...draft.rows, row] };
}

export function withoutRow(draft: AmazonDraft, index: number): AmazonDraft {
  return { ...draft, rows: draft.rows.filter((_, i) => i !== index) };
}
