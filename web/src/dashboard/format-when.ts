/** A date and time in the site's time zone (the one reports use), falling back to the browser's. */
export function formatWhen(iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: timeZone || 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}
