import type { CheckRowResult } from '../api/check-types.js';
import { CheckStatusRow } from './check-status-row.js';

interface CheckStatusTableProps {
  rows: readonly CheckRowResult[];
  /** Marketplaces still being checked (a run in progress). */
  pending: number;
  fieldLabel: (path: string) => string;
  onFocusField: (path: string) => void;
}

/** The status table: one row per marketplace, filled in as each one finishes. */
export function CheckStatusTable({ rows, pending, fieldLabel, onFocusField }: CheckStatusTableProps) {
  return (
    <table className="widefat check-status-table">
      <caption className="screen-reader-text">Connection status by marketplace</caption>
      <thead>
        <tr>
          <th scope="col">Marketplace</th>
          <th scope="col">Partner tag</th>
          <th scope="col">Source</th>
          <th scope="col">Status</th>
          <th scope="col">Result</th>
          <th scope="col">Latency</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <CheckStatusRow key={row.country} row={row} fieldLabel={fieldLabel} onFocusField={onFocusField} />
        ))}
        {pending > 0 && (
          <tr className="check-pending">
            <td colSpan={6}>
              <span className="spinner" aria-hidden="true" /> Checking {pending} more marketplace{pending === 1 ? '' : 's'}…
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
