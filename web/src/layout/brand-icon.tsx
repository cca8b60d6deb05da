/** A small bar-chart mark in the place of a dashicon. */
export function BrandIcon() {
  return (
    <svg className="brand-icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M2 17h16v1.5H2zM3.5 10h3v6h-3zM8.5 6h3v10h-3zM13.5 2.5h3V16h-3z" />
    </svg>
  );
}
