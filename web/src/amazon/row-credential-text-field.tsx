import { withRow } from './amazon-draft-edits.js';
import { amazonInputId, rowPath } from './amazon-field-paths.js';
import { FieldNotes, noteIds } from '../settings/field-notes.js';
import type { RowCredentialFieldProps } from './row-credential-field-props.js';

/** A Credential ID or Access Key of one marketplace row. */
export function RowCredentialTextField({ form, row, index, locked, fieldKey, label }: RowCredentialFieldProps & { fieldKey: 'creatorsCredentialId' | 'paapiAccessKey'; label: string }) {
  const path = rowPath(index, `credentials.${fieldKey}`);
  const id = amazonInputId(path);
  const error = form.errors[path];
  const warning = form.warnings[path];
  return (
    <div className="stacked-field compact">
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        id={id}
        className="regular-text code"
        value={row[fieldKey]}
        readOnly={locked}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteIds(id, error, warning)}
        onChange={(event) => form.edit((draft) => withRow(draft, index, { [fieldKey]: event.target.value }), path)}
        onBlur={() => form.touch(path)}
      />
      <FieldNotes id={id} error={error} warning={warning} />
    </div>
  );
}
