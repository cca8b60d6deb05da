import { memo, useState } from 'react';
import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import { compareWithDefault, storeDomain } from './country-map-defaults.js';
import { COUNTRY_NAME_OPTIONS, countryName } from './country-names.js';
import type { CountryMapRowDraft } from './field-draft.js';
import { FieldNotes, noteIds } from './field-notes.js';

export type CountryMapColumn = 'country' | 'marketplace';

interface CountryMapRowProps {
  /** The input id of this row's field path without its column: `geolocation-visitorMarketplaces-3`. */
  idPrefix: string;
  index: number;
  row: CountryMapRowDraft;
  /** The 1-based number of an earlier row with the same country: the engine will refuse the save. */
  duplicateOf: number | undefined;
  countryError: string | undefined;
  marketplaceError: string | undefined;
  locked: boolean;
  onChange: (index: number, column: CountryMapColumn, value: string) => void;
  onRemove: (index: number) => void;
}

/**
 * One visitor country and the Amazon store its visitors go to; on a phone it becomes a card (see
 * `.country-map-table`). Memoised: only the row that changed renders again.
 */
export const CountryMapRow = memo(function CountryMapRow(props: CountryMapRowProps) {
  const { idPrefix, index, row, duplicateOf, countryError, marketplaceError, locked, onChange, onRemove } = props;
  const ids = { country: `${idPrefix}-country`, marketplace: `${idPrefix}-marketplace`, badge: `${idPrefix}-default` };
  const comparison = compareWithDefault(row);
  // A country select gets its ~250 choices once it is used (pointer, keyboard or a focus link): ~70
  // rows of them made the page slow to open. Until then it holds only its own country.
  const [choosing, setChoosing] = useState(false);
  const countries = choosing ? COUNTRY_NAME_OPTIONS : [{ code: row.country, name: countryName(row.country) }];
  // The engine's refusal says the same, so the page's own warning steps aside for it.
  const duplicate = duplicateOf === undefined || countryError ? undefined : `Also listed in row ${duplicateOf}: keep one row per country.`;
  return (
    <tr className={comparison.changed ? 'country-map-row is-changed' : 'country-map-row'}>
      <td className="column-country">
        <label className="row-field-label" htmlFor={ids.country}>
          Visitor country
        </label>
        <select
          id={ids.country}
          value={row.country}
          disabled={locked}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={noteIds(ids.country, countryError, duplicate)}
          onPointerDown={() => setChoosing(true)}
          onFocus={() => setChoosing(true)}
          onChange={(event) => onChange(index, 'country', event.target.value)}
        >
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name} ({code})
            </option>
          ))}
        </select>
        <FieldNotes id={ids.country} error={countryError} warning={duplicate} />
      </td>
      <td className="column-store">
        <label className="row-field-label" htmlFor={ids.marketplace}>
          Amazon store
        </label>
        <select
          id={ids.marketplace}
          value={row.marketplace}
          disabled={locked}
          aria-invalid={marketplaceError ? true : undefined}
          aria-describedby={noteIds(ids.marketplace, marketplaceError, undefined, ids.badge)}
          onChange={(event) => onChange(index, 'marketplace', event.target.value)}
        >
          {MARKETPLACES.map((m) => (
            <option key={m.code} value={m.code}>
              {storeDomain(m.code)} — {m.name}
            </option>
          ))}
        </select>
        <FieldNotes id={ids.marketplace} error={marketplaceError} warning={undefined} />
      </td>
      <td className="column-badge">
        <span className={comparison.changed ? 'badge badge-changed' : 'badge'} id={ids.badge} title={comparison.detail}>
          {comparison.changed ? 'changed' : 'default'}
          <span className="screen-reader-text">: {comparison.detail}</span>
        </span>
      </td>
      <td className="column-actions">
        <button type="button" className="button-link button-link-delete" disabled={locked} onClick={() => onRemove(index)}>
          Remove<span className="screen-reader-text"> the row for {countryName(row.country)}</span>
        </button>
      </td>
    </tr>
  );
});
