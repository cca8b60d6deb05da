import { useCallback, useState } from 'react';
import type { IntegrationsOverview } from '../api/integration-check-types.js';
import { useApiResource, type Resource } from '../session/use-api-resource.js';
import { useEngineApi } from '../session/use-engine-api.js';

export interface IntegrationsOverviewState {
  load: Resource<IntegrationsOverview>;
  checking: boolean;
  error: string | null;
  /** Checks every integration that is set up, then shows the overview the engine answers with. */
  checkAll(): Promise<void>;
}

/** The dashboard's status overview: every integration's last check, and "Check all". */
export function useIntegrationsOverview(onChecked: () => void): IntegrationsOverviewState {
  const api = useEngineApi();
  const { load, replace } = useApiResource<IntegrationsOverview>('checks/overview');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const checkAll = useCallback(async () => {
    setChecking(true);
    setError(null);
    try {
      replace(await api<IntegrationsOverview>('checks/all', { method: 'POST' }));
      onChecked();
    } catch (failure) {
      setError(`The checks could not run: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setChecking(false);
    }
  }, [api, replace, onChecked]);

  return { load, checking, error, checkAll };
}
