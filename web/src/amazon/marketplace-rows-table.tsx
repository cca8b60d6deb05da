import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import { withNewRow } from './amazon-draft-edits.js';
import { amazonInputId, rowPath } from './amazon-field-paths.js';
import { MarketplaceRowEditor } from './marketplace-row-editor.js';
import type { AmazonForm } from './use-amazon-form.js';

/** One row per marketplace: its country, partner tag, whether it is checked and used, and optional own credentials. */
export function MarketplaceRowsTable({ form }: { form: AmazonForm }) {
  const { rows } = form.draft;
  const locked = form.view.fields.marketplaces?.locked === true;
  const full = rows.length >= MARKETPLACES.length;
  const addRow = () => {
    form.edit(withNewRow, 'marketplaces');
    form.focus(rowPath(rows.length, 'country'));
  };
  return (
    <div className="marketplace-rows">
      {rows.length === 0 ? (
        <p className="empty-state">
          No marketplace rows yet: only the Default Country is used. Add a row for each Amazon store you link to.
        </p>
      ) : (
        <table className="widefat marketplace-table">
          <caption className="screen-reader-text">Marketplaces</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Partner tag</th>
              <th scope="col">Enabled</th>
              <th scope="col">
                <span className="screen-reader-text">Actions</span>
              </th>
            </tr>
          </thead>
          {rows.map((row, index) => (
            <MarketplaceRowEditor key={row.key} form={form} row={row} index={index} locked={locked} />
          ))}
        </table>
      )}
      <p className="marketplace-actions">
        <button type="button" className="button" id={amazonInputId('marketplaces')} onClick={addRow} disabled={locked || full}>
          Add marketplace
        </button>
        {full && <span className="description"> Every Amazon marketplace has a row.</span>}
      </p>
    </div>
  );
}
