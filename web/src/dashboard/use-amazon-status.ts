import { useEffect, useState } from 'react';
import type { CheckStatusSummary } from '../api/check-types.js';
import { useEngineApi } from '../session/use-engine-api.js';

export type AmazonStatusLoad = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; summary: CheckStatusSummary };

/** The latest Amazon connection check in a few fields, for the dashboard. */
export function useAmazonStatus(): AmazonStatusLoad {
  const api = useEngineApi();
  const [load, setLoad] = useState<AmazonStatusLoad>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    api<CheckStatusSummary>('checks/amazon/status').then(
      (summary) => current && setLoad({ status: 'ready', summary }),
      (error: unknown) => current && setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return load;
}
