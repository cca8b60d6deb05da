import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error.js';
import { announceApiWrite } from './api-writes.js';
import { readBasePath } from './base-path.js';
import type { ApiErrorBody } from './types.js';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  csrfToken?: string;
}

/** Calls `<base>/api/<path>`; resolves with the JSON body or rejects with an ApiError. */
export async function requestApi<T>(path: string, { method = 'GET', body, csrfToken }: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${readBasePath()}/api/${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: NETWORK_ERROR_MESSAGE });
  }
  if (method !== 'GET') announceApiWrite(path);
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, toErrorBody(payload, response.status));
  return payload as T;
}

/** The engine's `{ code, message }` error body, or a stand-in when the answer was something else. */
export function toErrorBody(payload: unknown, status: number): ApiErrorBody {
  if (payload && typeof payload === 'object' && 'code' in payload && 'message' in payload) return payload as ApiErrorBody;
  return { code: 'unexpected_response', message: `The engine answered with an unexpected response (HTTP ${status}).` };
}
