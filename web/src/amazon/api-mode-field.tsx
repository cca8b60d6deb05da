import { LockedFieldNote } from '../settings/locked-field-note.js';
import { withScalar } from './amazon-draft-edits.js';
import { amazonInputId } from './amazon-field-paths.js';
import { MODE_CHOICES } from './amazon-help.js';
import type { AmazonForm } from './use-amazon-form.js';

/** "Amazon API Mode" as radio buttons, so each mode's one-line help sits right next to it. */
export function ApiModeField({ form }: { form: AmazonForm }) {
  const view = form.view.fields.mode;
  if (!view) return null;
  const id = amazonInputId('mode');
  const locked = view.locked;
  const error = form.errors.mode;
  return (
    <tr className={locked ? 'is-locked' : undefined}>
      <th scope="row" id={`${id}-label`}>
        Amazon API Mode
      </th>
      <td>
        <fieldset id={id} className="mode-choices" aria-labelledby={`${id}-label`} aria-describedby={locked ? `${id}-locked` : undefined}>
          {MODE_CHOICES.map((choice) => {
            const optionId = `${id}-${choice.value}`;
            return (
              <div key={choice.value} className="mode-choice">
                <input
                  type="radio"
                  id={optionId}
                  name={id}
                  value={choice.value}
                  checked={form.draft.scalars.mode === choice.value}
                  disabled={locked}
                  aria-describedby={`${optionId}-description`}
                  onChange={() => {
                    form.edit((draft) => withScalar(draft, 'mode', choice.value), 'mode');
                    form.touch('mode');
                  }}
                />
                <label htmlFor={optionId}>
                  {choice.label}
                  {choice.badge && <span className="badge badge-retired">{choice.badge}</span>}
                </label>
                <p className="description" id={`${optionId}-description`}>
                  {choice.help}
                </p>
              </div>
            );
          })}
        </fieldset>
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
        {locked && <LockedFieldNote id={`${id}-locked`} configVariable={view.configVariable} />}
      </td>
    </tr>
  );
}
