import type { IncomingMessage, ServerResponse } from 'node:http';
import { sleep } from '../amazon/http.js';
import { apiAnswer, withHeaders, writeAnswer, type FakeAnswer } from './answer.js';
import { authenticate } from './authenticate.js';
import { createChatCompletion } from './chat-completions-endpoint.js';
import { readFakeRequest, type FakeRequest } from './fake-request.js';
import { listModels, retrieveModel } from './models-endpoint.js';
import { openAiErrors } from './openai-errors.js';
import type { FakeOpenAiState, FakeOutage, LoggedRequest, ResolvedKeyProfile } from './state.js';

type Endpoint = (request: FakeRequest, profile: ResolvedKeyProfile) => FakeAnswer;

const MODEL_PATH = /^\/v1\/models\/(.+)$/;

function findEndpoint(method: string, path: string): Endpoint | undefined {
  if (method === 'GET' && path === '/v1/models') return (_request, profile) => listModels(profile);
  const modelId = MODEL_PATH.exec(path)?.[1];
  if (method === 'GET' && modelId) return (_request, profile) => retrieveModel(profile, decodeURIComponent(modelId));
  if (method === 'POST' && path === '/v1/chat/completions') return createChatCompletion;
  return undefined;
}

/**
 * The service's order: queued one-off answers and outages first (they stand for failures in front
 * of everything), then the URL (an unknown path is "Invalid URL" even without a key), then the key,
 * then the region, then the endpoint.
 */
function answer(request: FakeRequest, state: FakeOpenAiState): FakeAnswer {
  const queued = state.takeQueuedAnswer();
  if (queued) return queued;
  if (state.outage) return outageAnswer(state.outage);
  const endpoint = findEndpoint(request.method, request.path);
  if (!endpoint) return openAiErrors.invalidUrl(request.method, request.path);
  const authenticated = authenticate(request, state);
  if (!authenticated.ok) return authenticated.error;
  const profile = authenticated.value;
  if (profile.regionBlocked) return openAiErrors.unsupportedRegion();
  return withHeaders(endpoint(request, profile), { 'openai-organization': profile.organization, 'openai-project': profile.project });
}

function outageAnswer(outage: FakeOutage): FakeAnswer {
  switch (outage.status) {
    case 500:
      return openAiErrors.serverError();
    case 502:
      return openAiErrors.badGateway();
    case 503:
      return outage.reason === 'unavailable' ? openAiErrors.serviceUnavailable() : openAiErrors.overloaded();
  }
}

export async function serveFakeOpenAi(message: IncomingMessage, response: ServerResponse, state: FakeOpenAiState): Promise<void> {
  let reply: FakeAnswer;
  try {
    const request = await readFakeRequest(message);
    const entry = toLogEntry(request);
    state.record(entry);
    reply = answer(request, state);
    entry.status = reply.status;
  } catch (error) {
    reply = apiAnswer(500, { error: { message: `The fake OpenAI failed: ${error instanceof Error ? error.message : String(error)}`, type: 'fake_error', param: null, code: null } });
  }
  if (state.delayMs > 0) await sleep(state.delayMs);
  writeAnswer(response, reply);
}

function toLogEntry(request: FakeRequest): LoggedRequest {
  const { authorization: _secret, ...headers } = request.headers;
  const text = request.rawBody.toString('utf8');
  return { method: request.method, path: request.path, headers, body: request.json ?? (text === '' ? undefined : text) };
}
