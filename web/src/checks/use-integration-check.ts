import { useCallback, useRef, useState } from 'react';
import type { IntegrationCheck, IntegrationId, LatestIntegrationCheck } from '../api/integration-check-types.js';
import { useApiResource, type Resource } from '../session/use-api-resource.js';
import { useEngineApi } from '../session/use-engine-api.js';

export interface IntegrationCheckState {
  /** The last stored check and whether the saved settings changed since; asked for again after each save. */
  latest: Resource<LatestIntegrationCheck>;
  running: boolean;
  error: string | null;
  /** Runs the check with the saved settings; resolves with it, or null when it could not run. */
  run(): Promise<IntegrationCheck | null>;
}

/** An OpenAI or Geolocation check: the latest result on load, and a new one on request. */
export function useIntegrationCheck(integration: IntegrationId, savedCount: number): IntegrationCheckState {
  const api = useEngineApi();
  const { load } = useApiResource<LatestIntegrationCheck>(`checks/${integration}/latest`, savedCount);
  const [ran, setRan] = useState<IntegrationCheck | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // State updates arrive a render late; a second click in between must not start a second check.
  const busy = useRef(false);

  const run = useCallback(async () => {
    if (busy.current) return null;
    busy.current = true;
    setRunning(true);
    setError(null);
    try {
      const check = await api<IntegrationCheck>(`checks/${integration}`, { method: 'POST' });
      setRan(check);
      return check;
    } catch (failure) {
      setError(`The check could not run: ${failure instanceof Error ? failure.message : String(failure)}`);
      return null;
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [api, integration]);

  // A reload of the latest check (after a save) may answer after a check that ran here: the newer one wins.
  const latest: Resource<LatestIntegrationCheck> =
    ran && (load.status !== 'ready' || !load.data.check || load.data.check.finishedAt < ran.finishedAt) ? { status: 'ready', data: { check: ran, stale: false } } : load;
  return { latest, running, error, run };
}
