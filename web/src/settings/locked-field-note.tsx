import { LockIcon } from '../components/lock-icon.js';

interface LockedFieldNoteProps {
  id: string;
  /** The variable that sets this field, when one does. */
  configVariable: string | undefined;
  /** The variable of a configured secret this field (its address) is locked together with. */
  lockedBy?: string | undefined;
  /** The variable that would set this field: named as the way to change a field locked together with a secret. */
  fieldVariable?: string | undefined;
}

/** Why a field cannot be edited here: the configuration sets it, like a constant in wp-config.php. */
export function LockedFieldNote({ id, configVariable, lockedBy, fieldVariable }: LockedFieldNoteProps) {
  const badge = (
    <span className="lock-badge">
      <LockIcon />
      Locked
    </span>
  );
  if (lockedBy && !configVariable) {
    return (
      <p className="locked-note" id={id}>
        {badge} Locked together with <code>{lockedBy}</code>: a secret set in the configuration is sent only to the address configured with it
        {fieldVariable ? (
          <>
            {' '}
            — set <code>{fieldVariable}</code> there to change it.
          </>
        ) : (
          '.'
        )}
      </p>
    );
  }
  return (
    <p className="locked-note" id={id}>
      {badge} Set by <code>{configVariable ?? 'a configuration variable'}</code> in the configuration — change it there, not here.
    </p>
  );
}
