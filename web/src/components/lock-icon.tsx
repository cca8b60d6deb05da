export function LockIcon() {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M14 9V6.5a4 4 0 0 0-8 0V9H4.5a.5.5 0 0 0-.5.5v8a.5.5 0 0 0 .5.5h11a.5.5 0 0 0 .5-.5v-8a.5.5 0 0 0-.5-.5H14zM8 6.5a2 2 0 1 1 4 0V9H8V6.5z"
      />
    </svg>
  );
}
