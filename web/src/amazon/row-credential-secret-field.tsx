import type { FieldView } from '../api/types.js';
import { SecretFieldControl } from '../settings/secret-field-control.js';
import { liveStoredSecret, type RowSecretKey } from './amazon-draft.js';
import { withRowSecret } from './amazon-draft-edits.js';
import { amazonInputId, rowPath } from './amazon-field-paths.js';
import { FieldNotes, noteIds } from '../settings/field-notes.js';
import { findMarketplace } from './marketplace-options.js';
import type { RowCredentialFieldProps } from './row-credential-field-props.js';

type SecretView = Extract<FieldView, { secret: true }>;

/** A row's own secret, write-only like the form's: set or not, its last 4 characters, "Replace". */
export function RowCredentialSecretField({ form, row, index, locked, fieldKey, label }: RowCredentialFieldProps & { fieldKey: RowSecretKey; label: string }) {
  const path = rowPath(index, `credentials.${fieldKey}`);
  const id = amazonInputId(path);
  const error = form.errors[path];
  const warning = form.warnings[path];
  const stored = liveStoredSecret(row, fieldKey);
  const view: SecretView = { secret: true, isSet: Boolean(stored), last4: stored?.last4 ?? null, readable: stored?.readable ?? true, source: 'stored', locked };
  return (
    <div className="stacked-field compact">
      <label htmlFor={id}>{label}</label>
      <SecretFieldControl
        id={id}
        label={`${label} for ${findMarketplace(row.country)?.name ?? row.country}`}
        view={view}
        typed={row.secretDrafts[fieldKey] ?? undefined}
        invalid={Boolean(error)}
        describedBy={noteIds(id, error, warning)}
        onType={(value) => form.edit((draft) => withRowSecret(draft, index, fieldKey, value), path)}
        onBlur={() => form.touch(path)}
      />
      <FieldNotes id={id} error={error} warning={warning} />
    </div>
  );
}
