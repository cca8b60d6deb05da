import { amazonSection } from '../../../src/domain/settings/sections/amazon.js';
import { SettingRow } from '../settings/setting-row.js';
import { SECRET_KEYS, type ScalarKey, type SecretKey } from './amazon-draft.js';
import { withScalar, withSecret } from './amazon-draft-edits.js';
import { amazonInputId } from './amazon-field-paths.js';
import { AMAZON_FIELD_HELP } from './amazon-help.js';
import type { AmazonForm } from './use-amazon-form.js';

const isSecretKey = (key: ScalarKey | SecretKey): key is SecretKey => (SECRET_KEYS as readonly string[]).includes(key);

interface AmazonSettingRowProps {
  form: AmazonForm;
  fieldKey: ScalarKey | SecretKey;
  /** Choices for a select whose declaration has none (countries, versions come from the catalogue). */
  options?: ReadonlyArray<{ value: string; label: string }>;
}

/** One field of the shared Amazon declaration as a row of the WordPress form table. */
export function AmazonSettingRow({ form, fieldKey, options }: AmazonSettingRowProps) {
  const field = amazonSection.fields[fieldKey];
  const view = form.view.fields[fieldKey];
  if (!view) return null;
  const help = field.help ?? AMAZON_FIELD_HELP[fieldKey];
  const definition = { ...field, ...(help ? { help } : {}), ...(options && !field.options?.length ? { options } : {}) };
  return (
    <SettingRow
      id={amazonInputId(fieldKey)}
      field={definition}
      view={view}
      draft={isSecretKey(fieldKey) ? '' : form.draft.scalars[fieldKey]}
      secretDraft={isSecretKey(fieldKey) ? form.draft.secrets[fieldKey] : undefined}
      error={form.errors[fieldKey]}
      warning={form.warnings[fieldKey]}
      onDraft={(value) => {
        if (isSecretKey(fieldKey)) return;
        form.edit((draft) => withScalar(draft, fieldKey, value), fieldKey);
        // A choice from a list is complete at once; typed text is judged when the field is left.
        if (field.input === 'select') form.touch(fieldKey);
      }}
      onSecretDraft={(value) => {
        if (isSecretKey(fieldKey)) form.edit((draft) => withSecret(draft, fieldKey, value), fieldKey);
      }}
      onBlur={() => form.touch(fieldKey)}
    />
  );
}
