import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onApiWrite } from '../api/api-writes.js';
import type { RefreshPause, RefreshPauseList } from '../api/pause-types.js';
import { useEngineApi } from '../session/use-engine-api.js';

/** How often the pauses are asked for while a screen stays open. */
export const PAUSE_POLL_MS = 60_000;

/**
 * Requests after which a pause may have started or ended: a connection check (it lifts the pause
 * of a credential that works again), a saved Amazon setting, a product refresh.
 */
const MAY_CHANGE_PAUSES = /^(checks\/(amazon|all)|settings\/amazon|products\/[^/?]+\/refresh)(\?|$)/;

interface RefreshPausesControls {
  pauses: readonly RefreshPause[];
  /** Asks the engine again now. */
  reload(): void;
}

const RefreshPausesContext = createContext<RefreshPausesControls>({ pauses: [], reload: () => undefined });

/** The credentials whose refreshes are paused, for the banner on every screen and the dashboard's alert. */
export function RefreshPausesProvider({ routePath, children }: { routePath: string; children: ReactNode }) {
  const api = useEngineApi();
  const [pauses, setPauses] = useState<readonly RefreshPause[]>([]);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    // A failed request keeps what was shown: a blocking condition does not vanish with a network hiccup.
    api<RefreshPauseList>('refresh-pauses').then(
      (answer) => current && setPauses(answer.pauses),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, routePath, attempt]);

  useEffect(() => {
    const timer = window.setInterval(() => document.visibilityState === 'visible' && reload(), PAUSE_POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  // The screens that run checks and save settings know nothing of pauses: their finished requests are the signal.
  useEffect(() => onApiWrite((path) => MAY_CHANGE_PAUSES.test(path) && reload()), [reload]);

  const controls = useMemo(() => ({ pauses, reload }), [pauses, reload]);
  return <RefreshPausesContext.Provider value={controls}>{children}</RefreshPausesContext.Provider>;
}

export function useRefreshPauses(): RefreshPausesControls {
  return useContext(RefreshPausesContext);
}
