import { FieldWarning } from './field-warning.js';

/** The ids a field's aria-describedby should list for the notes shown under it. */
export function noteIds(id: string, error: string | undefined, warning: string | undefined, ...more: Array<string | false | undefined>): string | undefined {
  return [error ? `${id}-error` : '', warning ? `${id}-warning` : '', ...more].filter(Boolean).join(' ') || undefined;
}

/** The error (red, blocks the save) and warning (amber, never blocks) under one field of a row. */
export function FieldNotes({ id, error, warning }: { id: string; error: string | undefined; warning: string | undefined }) {
  return (
    <>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
      {warning && <FieldWarning id={`${id}-warning`} message={warning} />}
    </>
  );
}
