import type { SettingsFingerprint } from './check-run.js';
import { hashSecret, sha256 } from './fingerprint-settings.js';
import type { AmazonValues } from './list-check-targets.js';

/**
 * What a check result depends on, hashed per part: a run is stale (and is not reused) once the
 * credentials, the mode or the tags and rows differ from the settings it was made with.
 */
export function fingerprintAmazonSettings(values: AmazonValues): SettingsFingerprint {
  const rows = values.marketplaces.map(({ credentials, ...row }) => ({ row, credentials }));
  const credentials = {
    creators: [values.creatorsCredentialId, hashSecret(values.creatorsCredentialSecret), values.creatorsCredentialVersion],
    paapi: [values.paapiAccessKey, hashSecret(values.paapiSecretKey)],
    relay: [values.relayUrl, hashSecret(values.relayToken)],
    rows: rows.map(({ row, credentials: own }) => [
      row.country,
      own?.creatorsCredentialId ?? '',
      hashSecret(own?.creatorsCredentialSecret),
      own?.creatorsCredentialVersion ?? '',
      own?.paapiAccessKey ?? '',
      hashSecret(own?.paapiSecretKey),
    ]),
  };
  const tags = { defaultCountry: values.defaultCountry, defaultPartnerTag: values.defaultPartnerTag, rows: rows.map(({ row }) => [row.country, row.partnerTag, row.enabled]) };
  const parts = { credentials: sha256(JSON.stringify(credentials)), mode: sha256(values.mode), tags: sha256(JSON.stringify(tags)) };
  return { value: sha256(JSON.stringify(parts)), parts };
}
