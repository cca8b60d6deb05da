const day = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Feb 4, 2026": a build date as MaxMind publishes it (a UTC day, no time worth showing). */
export const formatDay = (iso: string): string => day.format(new Date(iso));
