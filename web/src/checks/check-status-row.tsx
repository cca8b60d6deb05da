import type { CheckRowResult } from '../api/check-types.js';
import { causeSectionRoute } from '../help/help-routes.js';
import { hrefFor } from '../routing/hash-route.js';
import { sourceLabel } from './check-labels.js';
import { StatusPill } from './status-pill.js';

interface CheckStatusRowProps {
  row: CheckRowResult;
  /** The name of the settings field a fix link leads to: "Default Partner Tag", "Marketplace row 2 (Germany): Partner tag". */
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
}

/** One marketplace's result; on a phone the cells stack into a card, each with its column's name. */
export function CheckStatusRow({ row, fieldLabel, onFocusField }: CheckStatusRowProps) {
  const store = row.domain.replace(/^www\./, '');
  return (
    <tr className={`check-row is-${row.status}`}>
      <th scope="row" className="column-marketplace" data-label="Marketplace">
        <strong>{row.marketplaceName}</strong> <span className="country-code">{row.country.toUpperCase()}</span>
        <span className="check-domain">{store}</span>
      </th>
      <td data-label="Partner tag" className="column-tag">
        {row.partnerTag ? <code>{row.partnerTag}</code> : <span className="none">none</span>}
        {row.partnerTagFrom === 'default' && <span className="badge">default</span>}
      </td>
      <td data-label="Source">
        {row.source ? sourceLabel(row.source) : <span className="none">none</span>}
        {row.tried.length > 1 && (
          <span className="check-tried">
            tried: {row.tried.map((attempt) => sourceLabel(attempt.source)).join(' → ')}
          </span>
        )}
      </td>
      <td data-label="Status">
        <StatusPill status={row.status} />
      </td>
      <td data-label="Result" className="column-result">
        <span className="check-message">{row.message}</span> <code className="cause-code">{row.cause}</code>
        {row.status !== 'ok' && (
          <span className="check-fix">
            <strong>Fix:</strong> {row.fix}
            {row.fixField && (
              <>
                {' '}
                <a
                  href={hrefFor(`/settings/amazon?focus=${encodeURIComponent(row.fixField)}`)}
                  onClick={(event) => {
                    event.preventDefault();
                    onFocusField(row.fixField as string);
                  }}
                >
                  Go to {fieldLabel(row.fixField)}
                  <span className="screen-reader-text"> for {row.marketplaceName}</span>
                </a>
              </>
            )}{' '}
            <a className="check-help-link" href={hrefFor(causeSectionRoute(row.cause))}>
              How to fix
              <span className="screen-reader-text">
                {' '}
                {row.cause} for {row.marketplaceName}
              </span>
            </a>
          </span>
        )}
      </td>
      <td data-label="Latency" className="column-latency">
        {Number.isFinite(row.latencyMs) ? `${row.latencyMs} ms` : '—'}
      </td>
    </tr>
  );
}
