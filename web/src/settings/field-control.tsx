import { useMemo } from 'react';
import type { FieldDefinition } from './form-section.js';
import { ModelFieldControl } from './model-field-control.js';
import { timeZoneGroups } from './time-zone-names.js';

export interface FieldControlProps {
  id: string;
  field: FieldDefinition;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  /** Goes up after every save: a model list reflects the saved key, so it is asked for again. */
  savedCount: number;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** The editable input for one non-secret field, chosen by the field's input kind. */
export function FieldControl({ id, field, value, invalid, describedBy, savedCount, onChange, onBlur }: FieldControlProps) {
  const common = {
    id,
    name: id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    onBlur,
  };
  switch (field.input) {
    case 'textarea':
      return <textarea {...common} className="large-text" rows={3} value={value} onChange={(event) => onChange(event.target.value)} />;
    case 'timezone':
      return <TimeZoneSelect {...common} value={value} onChange={onChange} />;
    case 'select':
      return (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'url':
      return (
        <input
          {...common}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          className="regular-text code"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'number':
      // Text, not type="number": blank means "no limit", and 12,50 or 1e6 stay as typed for the engine to judge.
      return (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="small-text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'model':
      return <ModelFieldControl {...common} value={value} savedCount={savedCount} onChange={onChange} />;
    default:
      return <input {...common} type="text" className="regular-text" value={value} onChange={(event) => onChange(event.target.value)} />;
  }
}

interface TimeZoneSelectProps {
  id: string;
  name: string;
  value: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

function TimeZoneSelect({ value, onChange, ...select }: TimeZoneSelectProps) {
  const groups = useMemo(() => timeZoneGroups(value), [value]);
  return (
    <select {...select} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="UTC">UTC</option>
      {groups.map((group) => (
        <optgroup key={group.region} label={group.region}>
          {group.zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
