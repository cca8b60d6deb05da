import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error.js';
import { announceApiWrite } from './api-writes.js';
import { readBasePath } from './base-path.js';
import { toErrorBody } from './request-api.js';

/**
 * POSTs to `<base>/api/<path>` and hands over each line of the NDJSON answer as soon as it arrives,
 * so a long operation can show its results one by one. Rejects with an ApiError like requestApi.
 */
export async function streamNdjson(path: string, { csrfToken, onLine }: { csrfToken?: string; onLine: (value: unknown) => void }): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/x-ndjson, application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${readBasePath()}/api/${path}`, { method: 'POST', headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: NETWORK_ERROR_MESSAGE });
  }
  if (!response.ok || !response.body) {
    const payload: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status, toErrorBody(payload, response.status));
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  const emit = (line: string) => {
    if (line.trim()) onLine(JSON.parse(line));
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      // The last piece may be half a line; it waits for the next chunk.
      pending = lines.pop() ?? '';
      lines.forEach(emit);
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new ApiError(0, { code: 'unexpected_response', message: 'The engine sent a line this page could not read.' });
    throw new ApiError(0, { code: 'network_error', message: 'The connection to the engine broke off before the check finished.' });
  }
  emit(pending + decoder.decode());
  announceApiWrite(path);
}

