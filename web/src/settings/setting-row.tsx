import type { FieldView } from '../api/types.js';
import { FieldControl } from './field-control.js';
import { FieldWarning } from './field-warning.js';
import type { FieldDefinition } from './form-section.js';
import { LockedFieldNote } from './locked-field-note.js';
import { SecretFieldControl } from './secret-field-control.js';

interface SettingRowProps {
  id: string;
  field: FieldDefinition;
  view: FieldView;
  draft: string;
  secretDraft: string | undefined;
  error: string | undefined;
  /** A doubt that never blocks a save, shown in amber under the field. */
  warning?: string | undefined;
  /** Goes up after every save of the form (see FieldControl). */
  savedCount?: number;
  onDraft: (value: string) => void;
  onSecretDraft: (value: string | undefined) => void;
  onBlur: () => void;
}

/** One row of a WordPress form table: label on the left, the control with its help and error on the right. */
export function SettingRow({ id, field, view, draft, secretDraft, error, warning, savedCount = 0, onDraft, onSecretDraft, onBlur }: SettingRowProps) {
  const ids = { help: `${id}-description`, error: `${id}-error`, warning: `${id}-warning`, locked: `${id}-locked` };
  const describedBy =
    [view.locked ? ids.locked : '', error ? ids.error : '', warning ? ids.warning : '', field.help ? ids.help : ''].filter(Boolean).join(' ') || undefined;

  return (
    <tr className={view.locked ? 'is-locked' : undefined}>
      <th scope="row">
        <label htmlFor={id}>{field.label}</label>
      </th>
      <td>
        {view.secret ? (
          <SecretFieldControl
            id={id}
            label={field.label}
            view={view}
            typed={secretDraft}
            invalid={Boolean(error)}
            describedBy={describedBy}
            onType={onSecretDraft}
            onBlur={onBlur}
          />
        ) : view.locked ? (
          <LockedValue id={id} multiline={field.input === 'textarea'} value={draft} describedBy={describedBy} />
        ) : (
          <FieldControl
            id={id}
            field={field}
            value={draft}
            invalid={Boolean(error)}
            describedBy={describedBy}
            savedCount={savedCount}
            onChange={onDraft}
            onBlur={onBlur}
          />
        )}
        {error && (
          <p className="field-error" id={ids.error}>
            {error}
          </p>
        )}
        {warning && <FieldWarning id={ids.warning} message={warning} />}
        {view.locked && (
          <LockedFieldNote id={ids.locked} configVariable={view.configVariable} lockedBy={view.secret ? undefined : view.lockedBy} fieldVariable={field.configVariable} />
        )}
        {field.help && (
          <p className="description" id={ids.help}>
            {field.help}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Read-only rather than disabled, so the value can still be focused, read aloud and copied. */
function LockedValue({ id, multiline, value, describedBy }: { id: string; multiline: boolean; value: string; describedBy: string | undefined }) {
  return multiline ? (
    <textarea id={id} className="large-text" rows={3} value={value} readOnly aria-describedby={describedBy} />
  ) : (
    <input id={id} type="text" className="regular-text" value={value} readOnly aria-describedby={describedBy} />
  );
}
