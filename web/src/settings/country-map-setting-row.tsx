import { CountryMapEditor } from './country-map-editor.js';
import type { CountryMapRowDraft } from './field-draft.js';
import { FieldWarning } from './field-warning.js';
import { fieldInputId } from './form-section.js';
import { LockedFieldNote } from './locked-field-note.js';
import type { SettingsFormState } from './use-settings-form.js';

/** A country-map field as a row of the form table; its help comes first, as the list can be long. */
export function CountryMapSettingRow({ form, fieldKey, rows }: { form: SettingsFormState; fieldKey: string; rows: readonly CountryMapRowDraft[] }) {
  const field = form.section.fields[fieldKey];
  const view = form.view.fields[fieldKey];
  if (!field || !view) return null;
  const id = fieldInputId(form.section.id, fieldKey);
  const error = form.errors[fieldKey];
  const warning = form.warnings[fieldKey];
  const ids = { label: `${id}-label`, help: `${id}-description`, error: `${id}-error`, warning: `${id}-warning`, locked: `${id}-locked` };
  const describedBy = [view.locked ? ids.locked : '', error ? ids.error : '', warning ? ids.warning : '', field.help ? ids.help : ''].filter(Boolean).join(' ') || undefined;
  return (
    <tr className={view.locked ? 'country-map-setting is-locked' : 'country-map-setting'}>
      <th scope="row">
        <span id={ids.label}>{field.label}</span>
      </th>
      <td>
        {field.help && (
          <p className="description" id={ids.help}>
            {field.help}
          </p>
        )}
        {view.locked && <LockedFieldNote id={ids.locked} configVariable={view.configVariable} />}
        {error && (
          <p className="field-error" id={ids.error}>
            {error}
          </p>
        )}
        {warning && <FieldWarning id={ids.warning} message={warning} />}
        <CountryMapEditor
          id={id}
          fieldKey={fieldKey}
          rows={rows}
          errors={form.errors}
          locked={view.locked}
          labelledBy={ids.label}
          describedBy={describedBy}
          onChange={(next, path) => form.changeDraft(fieldKey, next, path)}
          onRemove={(next, index) => form.removeListRow(fieldKey, next, index)}
        />
      </td>
    </tr>
  );
}
