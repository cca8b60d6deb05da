/**
 * The largest answer each integration reads, in bytes. Real answers are far smaller (a GetItems of
 * ten items with every resource is about 150 KB; a relay answer carries at most a page of products;
 * a model list, a few KB); the limits only stop a broken or hostile server from filling memory.
 */
export const ANSWER_LIMITS = {
  amazon: 2 * 1024 * 1024,
  relay: 5 * 1024 * 1024,
  openai: 1024 * 1024,
  maxmindWebService: 64 * 1024,
  /** Checksums and error pages of the download service. */
  maxmindText: 64 * 1024,
  /** The database archive, streamed to disk: GeoIP2-City is about 80 MB today. */
  maxmindArchive: 512 * 1024 * 1024,
} as const;
