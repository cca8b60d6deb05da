import { useCallback, useEffect, useState } from 'react';
import { useEngineApi } from './use-engine-api.js';

export type Resource<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: T };

export interface ApiResource<T> {
  load: Resource<T>;
  /** A request is on its way (the first load, or a reload while the last answer is still shown). */
  pending: boolean;
  /** Asks the engine again; what is shown stays until the new answer arrives. */
  reload(): void;
  /** Shows an answer that arrived another way (the overview returned by "Check all"). */
  replace(data: T): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** GET `<base>/api/<path>` on mount, whenever `version` changes and on `reload()`. */
export function useApiResource<T>(path: string, version = 0): ApiResource<T> {
  const api = useEngineApi();
  const [load, setLoad] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(true);

  useEffect(() => {
    let current = true;
    setPending(true);
    api<T>(path)
      .then(
        (data) => current && setLoad({ status: 'ready', data }),
        (error: unknown) => current && setLoad({ status: 'failed', message: messageOf(error) }),
      )
      .finally(() => current && setPending(false));
    return () => {
      current = false;
    };
  }, [api, path, version, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setLoad({ status: 'ready', data }), []);
  return { load, pending, reload, replace };
}
