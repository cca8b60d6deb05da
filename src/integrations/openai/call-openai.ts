import OpenAI from 'openai';
import type { OpenAiConnection, OpenAiFailure } from '../../domain/ai/openai-gateway.js';
import { err, type Result } from '../../shared/result.js';
import { ANSWER_LIMITS } from '../http/answer-limits.js';
import { createBoundFetch } from '../http/create-bound-fetch.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { classifyOpenAiError } from './classify-openai-error.js';

/**
 * Runs one operation with a client built for this connection, and turns anything the SDK throws
 * into a failure value. A client per call: settings change at any time, and a client holds them.
 */
export async function callOpenAi<T>(
  http: OutboundHttp,
  connection: OpenAiConnection,
  timeoutMs: number,
  operation: (client: OpenAI) => Promise<Result<T, OpenAiFailure>>,
): Promise<Result<T, OpenAiFailure>> {
  // The SDK refuses to start without a key; say so in our own words.
  if (connection.apiKey.trim() === '') return err({ cause: 'key_missing', detail: 'No API key is set.', status: null, retryAfterSeconds: null });
  try {
    return await operation(createClient(http, connection, timeoutMs));
  } catch (error) {
    return err(classifyOpenAiError(error, connection, timeoutMs));
  }
}

function createClient(http: OutboundHttp, connection: OpenAiConnection, timeoutMs: number): OpenAI {
  return new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseUrl,
    // Every request checked against the address the key is bound to (whatever Base URL the caller
    // passed), no redirect followed, the answer capped.
    fetch: createBoundFetch(http, { boundTo: connection.keyBoundTo, maxBytes: ANSWER_LIMITS.openai }),
    // null, not undefined: the SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID from the
    // environment, and the settings must be the only source. Empty means "send no header".
    organization: connection.organization || null,
    project: connection.project || null,
    // A check reports the first answer; callers decide whether and when to try again.
    maxRetries: 0,
    timeout: timeoutMs,
  });
}
