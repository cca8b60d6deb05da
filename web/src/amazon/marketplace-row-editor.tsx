import { findMarketplace, marketplaceLabel } from './marketplace-options.js';
import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import type { MarketplaceRowDraft } from './amazon-draft.js';
import { withRow } from './amazon-draft-edits.js';
import { amazonInputId, rowPath } from './amazon-field-paths.js';
import { FieldNotes, noteIds } from '../settings/field-notes.js';
import { RowCredentials } from './row-credentials.js';
import type { AmazonForm } from './use-amazon-form.js';

interface MarketplaceRowEditorProps {
  form: AmazonForm;
  row: MarketplaceRowDraft;
  index: number;
  locked: boolean;
}

/** One marketplace row of the table; on a phone it becomes a card (see `.marketplace-table` in admin.css). */
export function MarketplaceRowEditor({ form, row, index, locked }: MarketplaceRowEditorProps) {
  const paths = { country: rowPath(index, 'country'), tag: rowPath(index, 'partnerTag'), enabled: rowPath(index, 'enabled') };
  const ids = { country: amazonInputId(paths.country), tag: amazonInputId(paths.tag), enabled: amazonInputId(paths.enabled) };
  const name = findMarketplace(row.country)?.name ?? row.country;
  const defaultTag = form.draft.scalars.defaultPartnerTag.trim();
  const usedBy = new Map(form.draft.rows.map((other, i) => [other.country, i] as const).filter(([, i]) => i !== index).reverse());
  const edit = (patch: Partial<MarketplaceRowDraft>, path: string) => form.edit((draft) => withRow(draft, index, patch), path);
  const error = (path: string) => form.errors[path];
  const warning = (path: string) => form.warnings[path];
  const tagHint = !row.partnerTag.trim() && defaultTag ? `${ids.tag}-hint` : undefined;

  return (
    <tbody className={row.enabled ? 'marketplace-row' : 'marketplace-row is-disabled'}>
      <tr>
        <td className="column-country">
          <label className="row-field-label" htmlFor={ids.country}>
            Country
          </label>
          <select
            id={ids.country}
            value={row.country}
            disabled={locked}
            aria-invalid={error(paths.country) ? true : undefined}
            aria-describedby={noteIds(ids.country, error(paths.country), warning(paths.country))}
            onChange={(event) => {
              edit({ country: event.target.value }, paths.country);
              form.touch(paths.country);
            }}
          >
            {MARKETPLACES.map((m) => {
              const other = usedBy.get(m.code);
              return (
                <option key={m.code} value={m.code}>
                  {marketplaceLabel(m)}
                  {other !== undefined ? ` — already in row ${other + 1}` : ''}
                </option>
              );
            })}
          </select>
          <FieldNotes id={ids.country} error={error(paths.country)} warning={warning(paths.country)} />
        </td>
        <td className="column-tag">
          <label className="row-field-label" htmlFor={ids.tag}>
            Partner tag
          </label>
          <input
            type="text"
            id={ids.tag}
            className="code"
            value={row.partnerTag}
            readOnly={locked}
            placeholder={defaultTag ? `${defaultTag} (default)` : `e.g. mysite${findMarketplace(row.country)?.tagSuffix ?? '-20'}`}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error(paths.tag) ? true : undefined}
            aria-describedby={noteIds(ids.tag, error(paths.tag), warning(paths.tag), tagHint)}
            onChange={(event) => edit({ partnerTag: event.target.value }, paths.tag)}
            onBlur={() => form.touch(paths.tag)}
          />
          {tagHint && (
            <span className="screen-reader-text" id={tagHint}>
              Empty: the Default Partner Tag {defaultTag} applies.
            </span>
          )}
          <FieldNotes id={ids.tag} error={error(paths.tag)} warning={warning(paths.tag)} />
        </td>
        <td className="column-enabled">
          <span className="row-checkbox">
            <input
              type="checkbox"
              id={ids.enabled}
              checked={row.enabled}
              disabled={locked}
              onChange={(event) => {
                edit({ enabled: event.target.checked }, paths.enabled);
                form.touch(paths.tag);
              }}
            />
            <label htmlFor={ids.enabled}>
              Enabled<span className="screen-reader-text"> for {name}</span>
            </label>
          </span>
        </td>
        <td className="column-actions">
          <button type="button" className="button-link button-link-delete" disabled={locked} onClick={() => form.removeRow(index)}>
            Remove<span className="screen-reader-text"> the {name} row</span>
          </button>
        </td>
      </tr>
      <tr className="row-credentials-line">
        <td colSpan={4}>
          <RowCredentials form={form} row={row} index={index} locked={locked} />
        </td>
      </tr>
    </tbody>
  );
}
