import { err, ok, type Result } from '../../shared/result.js';
import { sourceError, type SourceError } from '../../domain/products/source-error.js';
import { ANSWER_LIMITS } from '../http/answer-limits.js';
import type { OutboundFailure } from '../http/classify-outbound-error.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { formatBytes } from '../http/outbound-errors.js';
import { sendOutbound } from '../http/send-outbound.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface SendRequestInput {
  http: OutboundHttp;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The largest answer read; Amazon's 2 MB unless the caller (the relay) says otherwise. */
  maxBytes?: number;
}

/** One HTTP exchange. Any answer is a success here; only failing to get one is an error (network, timeout, TLS, size). */
export async function sendRequest(input: SendRequestInput): Promise<Result<HttpAnswer, SourceError>> {
  const { http, maxBytes = ANSWER_LIMITS.amazon, ...request } = input;
  const sent = await sendOutbound(http, { ...request, maxBytes });
  if (!sent.ok) return err(toSourceError(sent.error));
  const { status, headers, body } = sent.value;
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return ok({ status, headers, text, json });
}

function toSourceError(failure: OutboundFailure): SourceError {
  switch (failure.kind) {
    case 'timeout':
      return sourceError('timeout', { message: `${failure.host} did not answer in time.` });
    case 'tls':
      return sourceError('tls_error', { message: `The secure connection to ${failure.host} failed.`, vendorCode: failure.code });
    case 'too_large':
      // Not worth a retry: the same server will send the same answer again.
      return sourceError('unexpected_response', { retryable: false, message: `The answer from ${failure.host} was larger than ${formatBytes(failure.limitBytes)}; the connection was dropped.` });
    case 'network':
      return sourceError('network_error', { message: `Could not reach ${failure.host}: ${failure.reason}.`, vendorCode: failure.code });
    default:
      return sourceError('network_error', { retryable: false, message: `${failure.message}.`, vendorCode: failure.kind });
  }
}
