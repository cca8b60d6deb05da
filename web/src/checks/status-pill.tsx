import type { CheckStatus } from '../api/check-types.js';
import { STATUS_TEXT } from './check-labels.js';

/** "✓ OK", "! Warning", "✕ Error": icon, word and colour say the same thing. */
export function StatusPill({ status }: { status: CheckStatus }) {
  const { label, icon } = STATUS_TEXT[status];
  return (
    <span className={`status-pill is-${status}`}>
      <span className="status-pill-icon" aria-hidden="true">
        {icon}
      </span>
      {label}
    </span>
  );
}
