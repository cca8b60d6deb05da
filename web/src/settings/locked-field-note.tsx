import { LockIcon } from '../components/lock-icon.js';

/** Why a field cannot be edited here: the configuration sets it, like a constant in wp-config.php. */
export function LockedFieldNote({ id, configVariable }: { id: string; configVariable: string | undefined }) {
  return (
    <p className="locked-note" id={id}>
      <span className="lock-badge">
        <LockIcon />
        Locked
      </span>{' '}
      Set by <code>{configVariable ?? 'a configuration variable'}</code> in the configuration — change it there, not here.
    </p>
  );
}
