import type { StoredRowSecret } from './amazon-draft.js';

/** A marketplace row as `GET /api/settings/amazon` shows it. */
export interface MarketplaceRowView {
  country: string;
  partnerTag: string;
  enabled: boolean;
  credentials: {
    creatorsCredentialId: string;
    creatorsCredentialVersion: string;
    paapiAccessKey: string;
    creatorsCredentialSecret: StoredRowSecret | null;
    paapiSecretKey: StoredRowSecret | null;
  };
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function storedSecret(value: unknown): StoredRowSecret | null {
  if (!isObject(value) || value.isSet !== true) return null;
  return { isSet: true, last4: typeof value.last4 === 'string' ? value.last4 : null, readable: value.readable !== false };
}

/** The `marketplaces` field's value, read defensively: the view types it as `unknown`. */
export function readMarketplaceRows(value: unknown): MarketplaceRowView[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((row) => {
    const credentials = isObject(row.credentials) ? row.credentials : {};
    return {
      country: text(row.country),
      partnerTag: text(row.partnerTag),
      enabled: row.enabled !== false,
      credentials: {
        creatorsCredentialId: text(credentials.creatorsCredentialId),
        creatorsCredentialVersion: text(credentials.creatorsCredentialVersion),
        paapiAccessKey: text(credentials.paapiAccessKey),
        creatorsCredentialSecret: storedSecret(credentials.creatorsCredentialSecret),
        paapiSecretKey: storedSecret(credentials.paapiSecretKey),
      },
    };
  });
}
