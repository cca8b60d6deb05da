import type { InputHTMLAttributes } from 'react';

interface StackedFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  description?: string;
  error?: string | undefined;
}

/** A label above its input, with help text and an error message bound to it (login and setup boxes). */
export function StackedField({ id, label, description, error, ...input }: StackedFieldProps) {
  const describedBy = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <p className="stacked-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={error ? 'input has-error' : 'input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {description && (
        <span className="description" id={`${id}-description`}>
          {description}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </p>
  );
}
