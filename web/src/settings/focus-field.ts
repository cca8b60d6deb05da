/** Focuses a form control and brings it to the middle of the screen, clear of the fixed admin bar. */
export function focusField(inputId: string): boolean {
  const element = document.getElementById(inputId);
  if (!element) return false;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'center' });
  return true;
}
