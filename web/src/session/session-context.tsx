import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { requestApi } from '../api/request-api.js';
import type { SessionInfo } from '../api/types.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-in'; session: SessionInfo }
  | { status: 'signed-out'; setupRequired: boolean }
  | { status: 'unreachable'; message: string };

export interface SessionControls {
  state: SessionState;
  /** Asks the engine again who is logged in (after a network error, or after `admin create` in a terminal). */
  recheck(): void;
  signIn(session: SessionInfo): void;
  /** The session ended on the server (expired, logged out elsewhere). */
  expire(): void;
  logOut(): Promise<void>;
}

const SessionContext = createContext<SessionControls | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    let current = true;
    requestApi<SessionInfo>('auth/session').then(
      (session) => current && setState({ status: 'signed-in', session }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) {
          setState({ status: 'signed-out', setupRequired: error.body.setupRequired === true });
        } else {
          setState({ status: 'unreachable', message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [checks]);

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setChecks((n) => n + 1);
  }, []);
  const signIn = useCallback((session: SessionInfo) => setState({ status: 'signed-in', session }), []);
  const expire = useCallback(() => setState({ status: 'signed-out', setupRequired: false }), []);
  const csrfToken = state.status === 'signed-in' ? state.session.csrfToken : undefined;
  const logOut = useCallback(async () => {
    try {
      await requestApi('auth/logout', { method: 'POST', ...(csrfToken ? { csrfToken } : {}) });
    } catch (error) {
      // A session the server no longer knows is logged out already.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'signed-out', setupRequired: false });
  }, [csrfToken]);

  const controls = useMemo(() => ({ state, recheck, signIn, expire, logOut }), [state, recheck, signIn, expire, logOut]);
  return <SessionContext.Provider value={controls}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionControls {
  const controls = useContext(SessionContext);
  if (!controls) throw new Error('useSession needs a SessionProvider');
  return controls;
}
