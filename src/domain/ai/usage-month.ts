/** AI usage is counted per calendar month in UTC, like OpenAI's own billing. */
export function usageMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** The first instant of the next month, when the limits start over. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
