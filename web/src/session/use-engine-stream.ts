import { useCallback } from 'react';
import { ApiError } from '../api/api-error.js';
import { streamNdjson } from '../api/stream-ndjson.js';
import { useSession } from './session-context.js';

/** `streamNdjson` for logged-in screens: adds the session's CSRF token and notices an ended session. */
export function useEngineStream() {
  const { state, expire } = useSession();
  const csrfToken = state.status === 'signed-in' ? state.session.csrfToken : undefined;
  return useCallback(
    async (path: string, onLine: (value: unknown) => void): Promise<void> => {
      try {
        await streamNdjson(path, { onLine, ...(csrfToken ? { csrfToken } : {}) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) expire();
        throw error;
      }
    },
    [csrfToken, expire],
  );
}
