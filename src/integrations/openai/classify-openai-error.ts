import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { OpenAiConnection, OpenAiFailure } from '../../domain/ai/openai-gateway.js';
import type { OpenAiCause } from '../../domain/connection-checks/openai-causes.js';
import { summarizeForeignText } from '../../shared/summarize-foreign-text.js';
import { AddressRefusedError, AnswerTooLargeError, findOutboundStop } from '../http/outbound-errors.js';
import { describeConnectionError } from './describe-connection-error.js';
import { describeForeignAnswer } from './describe-foreign-answer.js';
import { maskSecrets } from './mask-secrets.js';
import { readRetryAfterSeconds } from './read-retry-after.js';

/** The `error` object of an OpenAI error body: `{"error":{"message","type","param","code"}}`. */
interface OpenAiErrorObject {
  message: string;
  type?: unknown;
  param?: unknown;
  code?: unknown;
}

const ORGANIZATION_CODES = new Set(['mismatched_organization', 'invalid_organization', 'mismatched_project', 'no_organization']);
const ORGANIZATION_HEADER_PATTERN = /OpenAI-(Organization|Project)\b/i;

/**
 * Turns whatever the SDK threw into our cause code, with the service's own message as detail.
 * Only the one request made counts: the gateway never retries, so what this returns is the
 * first answer the service gave. The key is masked in every detail, whoever wrote it.
 */
export function classifyOpenAiError(error: unknown, connection: OpenAiConnection, timeoutMs: number): OpenAiFailure {
  const host = hostOf(connection.baseUrl);
  const failure = classifyStop(error) ?? classify(error, host, timeoutMs, connection.apiKey);
  return { ...failure, detail: maskSecrets(failure.detail, connection.apiKey) };
}

/** Our own refusals (a private address, an oversized answer, a key bound elsewhere), wherever the SDK wrapped them. */
function classifyStop(error: unknown): OpenAiFailure | undefined {
  const stop = findOutboundStop(error);
  if (!stop) return undefined;
  const detail = `${stop.message}.`;
  if (stop instanceof AddressRefusedError) return local('network_error', detail);
  if (stop instanceof AnswerTooLargeError) return local('unexpected_response', detail);
  return local('key_not_bound', detail);
}

function classify(error: unknown, host: string, timeoutMs: number, apiKey: string): OpenAiFailure {
  if (error instanceof APIConnectionTimeoutError) return local('timeout', `${host} did not answer within ${timeoutMs / 1000} s.`);
  if (error instanceof APIConnectionError) return local('network_error', describeConnectionError(error, host));
  if (error instanceof APIError && typeof error.status === 'number') return classifyAnswer(error, error.status, apiKey);
  return local('unexpected_response', `The call failed unexpectedly: ${summarizeForeignText(maskSecrets(error instanceof Error ? error.message : String(error), apiKey))}`);
}

function classifyAnswer(error: APIError, status: number, apiKey: string): OpenAiFailure {
  const body = readErrorObject(error.error);
  if (!body) {
    const cause = foreignAnswerCause(status);
    return answered(cause, describeForeignAnswer(status, error.headers), status, cause === 'rate_limited' ? readRetryAfterSeconds(error.headers, '') : null);
  }
  const code = typeof body.code === 'string' ? body.code : null;
  const type = typeof body.type === 'string' ? body.type : null;
  const aboutModel = code === 'model_not_found' || body.param === 'model';
  // The service's own words, masked before they are shortened so no piece of a key survives the cut.
  const said = summarizeForeignText(maskSecrets(body.message, apiKey));
  const failure = (cause: OpenAiCause, retryAfterSeconds: number | null = null) => answered(cause, said, status, retryAfterSeconds);

  switch (status) {
    case 400:
      if (code === 'billing_hard_limit_reached') return failure('quota_exhausted');
      return failure(aboutModel ? 'model_unavailable' : 'unexpected_response');
    case 401:
      return failure((code !== null && ORGANIZATION_CODES.has(code)) || ORGANIZATION_HEADER_PATTERN.test(body.message) ? 'organization_mismatch' : 'key_invalid');
    case 403:
      return failure(code === 'unsupported_country_region_territory' ? 'region_unsupported' : 'model_unavailable');
    case 404:
      if (body.message.startsWith('Invalid URL')) return failure('base_url_wrong');
      // Ollama and others say "model "x" not found" without OpenAI's code or param.
      return failure(aboutModel || /\bmodel\b/i.test(body.message) ? 'model_unavailable' : 'unexpected_response');
    case 405:
      return failure('base_url_wrong');
    case 429:
      if (type === 'insufficient_quota' || code === 'insufficient_quota') return failure('quota_exhausted');
      return failure('rate_limited', readRetryAfterSeconds(error.headers, body.message));
    default:
      return failure(status >= 500 ? 'service_unavailable' : 'unexpected_response');
  }
}

/**
 * An answer without an OpenAI error object comes from something else at that address (a web page,
 * a proxy, another kind of API) — unless the status itself says what happened.
 */
function foreignAnswerCause(status: number): OpenAiCause {
  if (status >= 500) return 'service_unavailable';
  if (status === 401) return 'key_invalid';
  if (status === 429) return 'rate_limited';
  return 'base_url_wrong';
}

function readErrorObject(value: unknown): OpenAiErrorObject | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = (value as { message?: unknown }).message;
  return typeof message === 'string' ? (value as OpenAiErrorObject) : undefined;
}

function answered(cause: OpenAiCause, detail: string, status: number, retryAfterSeconds: number | null): OpenAiFailure {
  return { cause, detail, status, retryAfterSeconds };
}

function local(cause: OpenAiCause, detail: string): OpenAiFailure {
  return { cause, detail, status: null, retryAfterSeconds: null };
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
