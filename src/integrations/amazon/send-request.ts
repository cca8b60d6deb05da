import { err, ok, type Result } from '../../shared/result.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface SendRequestInput {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;

/** One HTTP exchange. Any answer is a success here; only failing to get one is an error (network, timeout, TLS). */
export async function sendRequest(input: SendRequestInput): Promise<Result<HttpAnswer, SourceError>> {
  try {
    const response = await fetch(input.url, {
      method: input.method ?? 'POST',
      ...(input.headers ? { headers: input.headers } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      signal: AbortSignal.timeout(input.timeoutMs),
      redirect: 'manual',
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return ok({ status: response.status, headers: response.headers, text, json });
  } catch (error) {
    return err(classifyTransportError(error, new URL(input.url).host));
  }
}

function classifyTransportError(error: unknown, host: string): SourceError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return sourceError('timeout', { message: `${host} did not answer in time.` });
  }
  const code = e.cause?.code ?? '';
  const detail = e.cause?.message ?? e.message ?? 'unknown error';
  if (TLS_CODES.test(code) || TLS_CODES.test(detail)) {
    return sourceError('tls_error', { message: `The secure connection to ${host} failed: ${detail}.`, vendorCode: code || undefined });
  }
  return sourceError('network_error', { message: `Could not reach ${host}: ${code || detail}.`, vendorCode: code || undefined });
}
