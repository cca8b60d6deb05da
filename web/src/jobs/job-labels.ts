import type { JobView } from '../api/job-types.js';
import { marketplaceName } from '../products/product-labels.js';

const JOB_LABELS: Record<string, string> = {
  'product-refresh-cycle': 'Refresh cycle',
  'product-refresh-batch': 'Refresh batch',
  'daily-connection-checks': 'Daily connection checks',
  'geo-database-update': 'MaxMind database update',
  'session-cleanup': 'Session clean-up',
};

/** "Refresh batch" for the names people should recognise; any other name as it is. */
export const jobLabel = (name: string): string => JOB_LABELS[name] ?? name;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a job is about, from its data: "Germany · 3 ASINs" for a refresh batch; a short summary otherwise. */
export function describeJobData(job: Pick<JobView, 'name' | 'data'>): string {
  const { data } = job;
  if (!isRecord(data)) return '';
  const asins = Array.isArray(data.asins) ? data.asins.length : Array.isArray(data.productIds) ? data.productIds.length : null;
  const marketplace = typeof data.marketplace === 'string' ? marketplaceName(data.marketplace) : null;
  if (marketplace || asins !== null) {
    return [marketplace, asins !== null ? `${asins} ASIN${asins === 1 ? '' : 's'}` : null].filter(Boolean).join(' · ');
  }
  const scalars = Object.entries(data).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value));
  return scalars
    .slice(0, 3)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}
