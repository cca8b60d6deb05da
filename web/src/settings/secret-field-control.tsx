import type { FieldView } from '../api/types.js';

type SecretView = Extract<FieldView, { secret: true }>;

interface SecretFieldControlProps {
  id: string;
  label: string;
  view: SecretView;
  /** `undefined` while the stored value is kept; a string once "Replace" was chosen. */
  typed: string | undefined;
  invalid: boolean;
  describedBy: string | undefined;
  onType: (value: string | undefined) => void;
  onBlur: () => void;
}

/** Write-only: shows whether a secret is set and its last four characters, never the value itself. */
export function SecretFieldControl({ id, label, view, typed, invalid, describedBy, onType, onBlur }: SecretFieldControlProps) {
  const status = !view.isSet ? 'Not set' : view.readable ? `Set — ends in ••••${view.last4 ?? ''}` : 'Set, but unreadable with the current secret key — enter it again';
  if (view.locked) {
    return (
      <span className="secret-status" id={id} tabIndex={-1} aria-describedby={describedBy}>
        {status}
      </span>
    );
  }
  if (view.isSet && typed === undefined) {
    return (
      <span className="secret-field">
        <span className="secret-status" id={`${id}-status`}>
          {status}
        </span>
        <button
          type="button"
          className="button"
          id={id}
          // The field's <label> points here too; the button says what it does to that field.
          aria-label={`Replace ${label}`}
          aria-describedby={[`${id}-status`, describedBy].filter(Boolean).join(' ')}
          onClick={() => onType('')}
        >
          Replace
        </button>
      </span>
    );
  }
  return (
    <span className="secret-field">
      <input
        id={id}
        name={id}
        type="password"
        className="regular-text"
        autoComplete="new-password"
        spellCheck={false}
        // Opened by the "Replace" button, so the cursor goes where the new value is typed.
        autoFocus={view.isSet}
        value={typed ?? ''}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onType(event.target.value)}
        onBlur={onBlur}
      />
      {view.isSet && (
        <button type="button" className="button button-link" onClick={() => onType(undefined)}>
          Keep the current value
        </button>
      )}
    </span>
  );
}
