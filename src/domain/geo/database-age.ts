/** Older than this, addresses have moved between countries often enough to warn. */
export const OUTDATED_AFTER_DAYS = 30;

export const databaseAgeDays = (buildDate: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(buildDate)) / 86_400_000));
