/** An amber note under a field: worth a look, never a reason to refuse the save. */
export function FieldWarning({ id, message }: { id: string; message: string }) {
  return (
    <p className="field-warning" id={id}>
      <span className="field-warning-icon" aria-hidden="true">
        !
      </span>
      <span className="screen-reader-text">Warning: </span>
      {message}
    </p>
  );
}
