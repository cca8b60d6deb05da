import { useCallback, useEffect, useRef, useState } from 'react';
import { compareWithDefault, defaultCountryMapRows } from './country-map-defaults.js';
import { CountryMapRow, type CountryMapColumn } from './country-map-row.js';
import { newCountryMapRow } from './country-map-rows.js';
import { COUNTRY_NAME_OPTIONS } from './country-names.js';
import { isSameDraft, type CountryMapRowDraft } from './field-draft.js';
import { focusField } from './focus-field.js';

interface CountryMapEditorProps {
  /** The field's input id; rows use `${id}-${index}-country`, matching the field paths the engine names. */
  id: string;
  fieldKey: string;
  rows: readonly CountryMapRowDraft[];
  /** By field path (`visitorMarketplaces.3.country`). */
  errors: Readonly<Record<string, string>>;
  locked: boolean;
  labelledBy: string;
  describedBy: string | undefined;
  onChange: (rows: CountryMapRowDraft[], path: string) => void;
  onRemove: (rows: CountryMapRowDraft[], index: number) => void;
}

/** Visitor country → Amazon store, edited as a table: change, remove, add a row, or go back to the shipped map. */
export function CountryMapEditor({ id, fieldKey, rows, errors, locked, labelledBy, describedBy, onChange, onRemove }: CountryMapEditorProps) {
  // The row that was added or moved up exists only after the next render.
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  useEffect(() => {
    if (pendingFocus && focusField(pendingFocus)) setPendingFocus(null);
  }, [pendingFocus, rows]);

  // Rows are memoised: they get callbacks that stay the same while the rows and handlers change.
  const latest = useRef({ rows, onChange, onRemove });
  useEffect(() => {
    latest.current = { rows, onChange, onRemove };
  });
  const changeRow = useCallback(
    (index: number, column: CountryMapColumn, value: string) => {
      const { rows: current, onChange: change } = latest.current;
      change(
        current.map((row, i) => (i === index ? { ...row, [column]: value } : row)),
        `${fieldKey}.${index}.${column}`,
      );
    },
    [fieldKey],
  );
  const removeRow = useCallback(
    (index: number) => {
      const { rows: current, onRemove: remove } = latest.current;
      remove(
        current.filter((_, i) => i !== index),
        index,
      );
      // Focus stays in the list: on the row that moved up, or on "Add country" after the last one.
      setPendingFocus(index < current.length - 1 ? `${id}-${index}-country` : `${id}-add`);
    },
    [id],
  );

  const firstRowOf = new Map<string, number>();
  rows.forEach((row, index) => firstRowOf.has(row.country) || firstRowOf.set(row.country, index + 1));
  const changedCount = rows.filter((row) => compareWithDefault(row).changed).length;
  const defaults = defaultCountryMapRows();

  const add = () => {
    const country = COUNTRY_NAME_OPTIONS.find((option) => !firstRowOf.has(option.code))?.code ?? 'US';
    onChange([...rows, newCountryMapRow(country, 'us')], fieldKey);
    setPendingFocus(`${id}-${rows.length}-country`);
  };

  return (
    <div className="country-map" id={id} role="group" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {rows.length === 0 ? (
        <p className="empty-state">No countries listed: every visitor goes to their own country’s store, or to the Default Country.</p>
      ) : (
        // About ten rows at a time: the shipped map has 70, and the screen's other panels come after it.
        <div className="country-map-scroll">
          <table className="widefat country-map-table">
            <thead>
              <tr>
                <th scope="col" className="column-country">
                  Visitor country
                </th>
                <th scope="col" className="column-store">
                  Amazon store
                </th>
                <th scope="col" className="column-badge">
                  <span className="screen-reader-text">Compared with the defaults</span>
                </th>
                <th scope="col" className="column-actions">
                  <span className="screen-reader-text">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const first = firstRowOf.get(row.country);
                return (
                  <CountryMapRow
                    key={row.key}
                    idPrefix={`${id}-${index}`}
                    index={index}
                    row={row}
                    duplicateOf={first !== undefined && first !== index + 1 ? first : undefined}
                    countryError={errors[`${fieldKey}.${index}.country`]}
                    marketplaceError={errors[`${fieldKey}.${index}.marketplace`]}
                    locked={locked}
                    onChange={changeRow}
                    onRemove={removeRow}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="country-map-actions">
        <button type="button" className="button" id={`${id}-add`} disabled={locked} onClick={add}>
          Add country
        </button>
        <button type="button" className="button" disabled={locked || isSameDraft(rows, defaults)} onClick={() => onChange(defaults, fieldKey)}>
          Restore defaults
        </button>
        <span className="description">
          {rows.length} {rows.length === 1 ? 'country' : 'countries'} listed, {changedCount} changed from the defaults.
        </span>
      </p>
    </div>
  );
}
