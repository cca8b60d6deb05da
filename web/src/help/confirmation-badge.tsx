import type { ConfirmationId, ConfirmationResult, Confirmations } from '../api/help-types.js';

const BADGE: Record<ConfirmationResult['state'], { icon: string; label: string }> = {
  met: { icon: '✓', label: 'Met' },
  not_met: { icon: '✕', label: 'Not met' },
  unknown: { icon: '?', label: 'Unknown' },
};

/**
 * The engine's own answer to a "Confirm" cue, from stored data: a state pill and the sentence behind it.
 * While the answers load (or when they failed) the badge says so rather than guessing.
 */
export function ConfirmationBadge({ id, confirmations }: { id: ConfirmationId; confirmations: Confirmations | 'loading' | 'failed' }) {
  if (confirmations === 'loading') {
    return (
      <span className="live-check is-loading" data-confirmation={id}>
        <span className="live-badge is-unknown">Checking…</span>
      </span>
    );
  }
  const result: ConfirmationResult =
    confirmations === 'failed' ? { state: 'unknown', detail: 'The engine could not be asked right now.', at: null } : (confirmations[id] ?? { state: 'unknown', detail: 'The engine does not know this cue.', at: null });
  const { icon, label } = BADGE[result.state];
  return (
    <span className={`live-check is-${result.state}`} data-confirmation={id} data-state={result.state}>
      <span className={`live-badge is-${result.state}`}>
        <span className="live-badge-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="screen-reader-text">Live status: </span>
        {label}
      </span>{' '}
      <span className="live-detail">{result.detail}</span>
    </span>
  );
}
