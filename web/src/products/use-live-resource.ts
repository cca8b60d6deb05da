import { useCallback, useEffect, useState } from 'react';
import { useEngineApi } from '../session/use-engine-api.js';

export interface LiveResource<T> {
  /** The last answer; kept while a reload or a new filter is on its way, and after a failed poll. */
  data: T | null;
  /** Why the last request failed; cleared by the next answer. */
  error: string | null;
  pending: boolean;
  reload(): void;
  /** Shows a change that arrived another way (a row returned by an action). */
  update(change: (data: T) => T): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * GET `<base>/api/<path>` on mount, whenever the path changes and on `reload()`; asks again after
 * `pollAfter(data)` milliseconds (null: no polling) while the page is visible, and at once when it
 * becomes visible again.
 */
export function useLiveResource<T>(path: string, pollAfter: (data: T) => number | null): LiveResource<T> {
  const api = useEngineApi();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setPending(true);
    api<T>(path)
      .then(
        (answer) => {
          if (!current) return;
          setData(answer);
          setError(null);
        },
        (failure: unknown) => current && setError(messageOf(failure)),
      )
      .finally(() => current && setPending(false));
    return () => {
      current = false;
    };
  }, [api, path, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const delay = data && !pending ? pollAfter(data) : null;

  useEffect(() => {
    if (delay === null) return;
    const timer = window.setTimeout(() => {
      if (document.visibilityState === 'visible') reload();
    }, delay);
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [delay, attempt, reload]);

  const update = useCallback((change: (data: T) => T) => setData((old) => (old ? change(old) : old)), []);
  return { data, error, pending, reload, update };
}
