import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckEvent, CheckRowResult, CheckRun, CheckStart, LatestCheck } from '../api/check-types.js';
import { useEngineApi } from '../session/use-engine-api.js';
import { useEngineStream } from '../session/use-engine-stream.js';

export interface LiveCheck extends CheckStart {
  rows: CheckRowResult[];
}

export interface ConnectionCheck {
  /** The last finished run: loaded with the page, then replaced by each run that finishes here. */
  latest: LatestCheck | null;
  loading: boolean;
  /** The run started here, its rows as they arrive; kept after a failure to show how far it got. */
  live: LiveCheck | null;
  running: boolean;
  /** The last run was answered from a check of the same settings less than a minute before. */
  reused: boolean;
  error: string | null;
  start(): Promise<void>;
  /** Asks again whether the last run is stale, after the settings were saved. */
  refresh(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Check API Connections": the last run on load, and a new run streamed row by row. */
export function useConnectionCheck(): ConnectionCheck {
  const api = useEngineApi();
  const stream = useEngineStream();
  const [latest, setLatest] = useState<LatestCheck | null>(null);
  const [loading, setLoading] = useState(true);
  const [live, setLive] = useState<LiveCheck | null>(null);
  const [running, setRunning] = useState(false);
  const [reused, setReused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  // State updates arrive a render late; a second click in between must not open a second stream.
  const busy = useRef(false);

  useEffect(() => {
    let current = true;
    api<LatestCheck>('checks/amazon/latest').then(
      (answer) => {
        if (!current) return;
        if (!busy.current) setLatest(answer);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(`The last check could not be loaded: ${messageOf(failure)}`);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, refreshes]);

  const start = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    setError(null);
    setReused(false);
    setLive({ runId: '', mode: '', total: 0, reused: false, startedAt: new Date().toISOString(), rows: [] });
    // Assigned inside the callback, which TypeScript cannot follow; hence the widened type.
    let finished = null as CheckRun | null;
    let wasReused = false;
    try {
      await stream('checks/amazon', (line) => {
        const event = line as CheckEvent;
        if (event.type === 'start') {
          wasReused = event.reused;
          setLive({ ...event, rows: [] });
        }
        else if (event.type === 'row') setLive((current) => (current ? { ...current, rows: [...current.rows, event.row] } : current));
        else if (event.type === 'done') finished = event.run;
        else if (event.type === 'error') setError(`The check stopped: ${event.message}`);
      });
      if (finished) {
        setLatest({ run: finished, stale: false, changed: [] });
        setReused(wasReused);
        setLive(null);
      }
    } catch (failure) {
      setError(`The check could not run: ${messageOf(failure)}`);
      setLive((current) => (current && current.rows.length ? current : null));
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [stream]);

  const refresh = useCallback(() => setRefreshes((n) => n + 1), []);
  return { latest, loading, live, running, reused, error, start, refresh };
}
