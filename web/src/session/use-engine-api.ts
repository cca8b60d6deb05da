import { useCallback } from 'react';
import { ApiError } from '../api/api-error.js';
import { requestApi, type ApiRequest } from '../api/request-api.js';
import { useSession } from './session-context.js';

/** `requestApi` for logged-in screens: adds the session's CSRF token and notices an ended session. */
export function useEngineApi() {
  const { state, expire } = useSession();
  const csrfToken = state.status === 'signed-in' ? state.session.csrfToken : undefined;
  return useCallback(
    async <T,>(path: string, request: Omit<ApiRequest, 'csrfToken'> = {}): Promise<T> => {
      try {
        return await requestApi<T>(path, { ...request, ...(csrfToken ? { csrfToken } : {}) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) expire();
        throw error;
      }
    },
    [csrfToken, expire],
  );
}
