import { withRow } from './amazon-draft-edits.js';
import { amazonInputId, rowPath } from './amazon-field-paths.js';
import { FieldNotes, noteIds } from '../settings/field-notes.js';
import { VERSION_OPTIONS } from './marketplace-options.js';
import type { RowCredentialFieldProps } from './row-credential-field-props.js';

/** The Credential Version of a row's own Creators credential, pre-selected from its ID and the row's region. */
export function RowCredentialVersionField({ form, row, index, locked }: RowCredentialFieldProps) {
  const path = rowPath(index, 'credentials.creatorsCredentialVersion');
  const id = amazonInputId(path);
  const error = form.errors[path];
  const warning = form.warnings[path];
  return (
    <div className="stacked-field compact">
      <label htmlFor={id}>Credential Version</label>
      <select
        id={id}
        value={row.creatorsCredentialVersion}
        disabled={locked}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteIds(id, error, warning, row.versionGuessed && `${id}-guessed`)}
        onChange={(event) => form.edit((draft) => withRow(draft, index, { creatorsCredentialVersion: event.target.value }), path)}
      >
        {VERSION_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {row.versionGuessed && (
        <span className="description" id={`${id}-guessed`}>
          Pre-selected from the form of the Credential ID.
        </span>
      )}
      <FieldNotes id={id} error={error} warning={warning} />
    </div>
  );
}
