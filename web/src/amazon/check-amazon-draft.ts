import type { SectionView } from '../api/types.js';
import type { CredentialVersion } from '../../../src/domain/marketplaces/catalogue.js';
import { checkAmazonSettings, warnAboutAmazonSettings } from '../../../src/domain/settings/sections/amazon-rules.js';
import { amazonSection } from '../../../src/domain/settings/sections/amazon.js';
import { checkFieldValue } from '../settings/check-field-value.js';
import { liveStoredSecret, SCALAR_KEYS, SECRET_KEYS, type AmazonDraft, type MarketplaceRowDraft, type RowSecretKey } from './amazon-draft.js';
import { rowPath } from './amazon-field-paths.js';

/** Field path → message. */
export type FieldMessages = Record<string, string>;

type RuleValues = Parameters<typeof checkAmazonSettings>[0];

/**
 * Stands in for a secret the page cannot read: the rules only ask whether one is there, and the
 * engine, which has the real value, checks again on save.
 */
const SECRET_IS_SET = 'set';

const fields = amazonSection.fields;

function rowSecretForRules(row: MarketplaceRowDraft, key: RowSecretKey): string | undefined {
  return row.secretDrafts[key] || (liveStoredSecret(row, key) ? SECRET_IS_SET : undefined);
}

/** The draft as the engine's cross-field rules read values (src/domain/settings/sections/amazon-rules.ts). */
function valuesForRules(view: SectionView, draft: AmazonDraft): RuleValues {
  const secret = view.fields.creatorsCredentialSecret;
  return {
    creatorsCredentialId: draft.scalars.creatorsCredentialId.trim(),
    creatorsCredentialSecret: draft.secrets.creatorsCredentialSecret || (secret?.secret && secret.isSet ? SECRET_IS_SET : ''),
    creatorsCredentialVersion: draft.scalars.creatorsCredentialVersion as '' | CredentialVersion,
    defaultCountry: draft.scalars.defaultCountry,
    defaultPartnerTag: draft.scalars.defaultPartnerTag.trim(),
    marketplaces: draft.rows.map((row) => ({
      country: row.country,
      partnerTag: row.partnerTag.trim(),
      enabled: row.enabled,
      credentials: {
        creatorsCredentialId: row.creatorsCredentialId.trim(),
        creatorsCredentialSecret: rowSecretForRules(row, 'creatorsCredentialSecret'),
        creatorsCredentialVersion: row.creatorsCredentialVersion as '' | CredentialVersion,
        paapiAccessKey: row.paapiAccessKey.trim(),
        paapiSecretKey: rowSecretForRules(row, 'paapiSecretKey'),
      },
    })),
  };
}

/**
 * The engine's own rules, applied while typing so that mistakes show next to their field before a
 * save: each field's schema, then the section's cross-field rules and warnings, imported from the
 * shared declaration. The engine checks again and has the last word; warnings never block.
 */
export function checkAmazonDraft(view: SectionView, draft: AmazonDraft): { errors: FieldMessages; warnings: FieldMessages } {
  const errors: FieldMessages = {};
  const editable = (key: string) => view.fields[key]?.locked === false;
  const note = (path: string, message: string | undefined) => {
    if (message && !errors[path]) errors[path] = message;
  };

  for (const key of SCALAR_KEYS) if (editable(key)) note(key, checkFieldValue(fields[key], draft.scalars[key]));
  for (const key of SECRET_KEYS) {
    const typed = draft.secrets[key];
    if (editable(key) && typed) note(key, checkFieldValue(fields[key], typed));
  }
  draft.rows.forEach((row, index) => {
    note(rowPath(index, 'partnerTag'), checkFieldValue(fields.defaultPartnerTag, row.partnerTag));
    for (const key of ['creatorsCredentialSecret', 'paapiSecretKey'] as const) {
      const typed = row.secretDrafts[key];
      if (typed) note(rowPath(index, `credentials.${key}`), checkFieldValue(fields[key], typed));
    }
  });

  const values = valuesForRules(view, draft);
  for (const issue of checkAmazonSettings(values)) note(issue.field, issue.message);
  const warnings: FieldMessages = {};
  for (const warning of warnAboutAmazonSettings(values)) if (!errors[warning.field]) warnings[warning.field] ??= warning.message;
  return { errors, warnings };
}
