/**
 * Focuses a form control and brings it to the middle of the screen, clear of the fixed admin bar.
 * A group (a fieldset of radio buttons) hands the focus to its chosen option.
 */
export function focusField(inputId: string): boolean {
  const element = document.getElementById(inputId);
  if (!element) return false;
  const target = element.matches('input, select, textarea, button, a[href]')
    ? element
    : (element.querySelector<HTMLElement>('input:checked') ?? element.querySelector<HTMLElement>('input, select, textarea, button') ?? element);
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  return true;
}
