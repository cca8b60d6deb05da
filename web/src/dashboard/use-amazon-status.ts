import type { CheckStatusSummary } from '../api/check-types.js';
import { useApiResource } from '../session/use-api-resource.js';

export type AmazonStatusLoad = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; summary: CheckStatusSummary };

/** The latest Amazon connection check in a few fields, for the dashboard; asked for again when `version` changes. */
export function useAmazonStatus(version: number): AmazonStatusLoad {
  const { load } = useApiResource<CheckStatusSummary>('checks/amazon/status', version);
  return load.status === 'ready' ? { status: 'ready', summary: load.data } : load;
}
