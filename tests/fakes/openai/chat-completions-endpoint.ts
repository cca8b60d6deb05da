import { randomBytes } from 'node:crypto';
import { apiAnswer, type FakeAnswer } from './answer.js';
import type { FakeRequest } from './fake-request.js';
import { findModel, type CatalogueModel } from './model-catalogue.js';
import { openAiErrors } from './openai-errors.js';
import type { ResolvedKeyProfile } from './state.js';

/** What a reasoning model thinks before it writes "OK"; a smaller token limit ends the answer empty with finish_reason 'length'. */
const REASONING_TOKENS = 64;
const REQUESTS_PER_MINUTE = 5000;
const TOKENS_PER_MINUTE = 4_000_000;

/** POST /v1/chat/completions, checked in the service's order: body, model, access, billing, rate. */
export function createChatCompletion(request: FakeRequest, profile: ResolvedKeyProfile): FakeAnswer {
  if (request.rawBody.length > 0 && !request.json) return openAiErrors.invalidJson();
  const body = request.json ?? {};
  const modelId = body.model;
  if (typeof modelId !== 'string' || modelId === '') return openAiErrors.missingModel();
  if (body.messages === undefined) return openAiErrors.missingMessages();
  if (!Array.isArray(body.messages)) return openAiErrors.messagesNotAnArray();
  if (!profile.models.includes(modelId)) return openAiErrors.modelNotFound(modelId);
  const model = findModel(modelId);
  if (model.kind === 'not-chat') return openAiErrors.notAChatModel();
  if (profile.deniedModels.includes(modelId)) return openAiErrors.notAllowedToSample();
  if (model.kind === 'reasoning' && body.max_tokens !== undefined) return openAiErrors.maxTokensUnsupported();
  if (profile.quota === 'exhausted') return openAiErrors.insufficientQuota();
  if (profile.rateLimited) return openAiErrors.rateLimitExceeded(modelId, profile.organization);
  return complete(model, body.messages, tokenLimit(body));
}

function complete(model: CatalogueModel, messages: unknown[], limit: number): FakeAnswer {
  const promptTokens = estimatePromptTokens(messages);
  const reply = answerOf(model, limit);
  const completionTokens = reply.reasoningTokens + (reply.content ? 1 : 0);
  return apiAnswer(
    200,
    {
      id: `chatcmpl-${randomBytes(22).toString('base64url').slice(0, 29)}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: model.snapshot,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null, annotations: [] }, logprobs: null, finish_reason: reply.finishReason }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: reply.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: null,
    },
    {
      'x-ratelimit-limit-requests': String(REQUESTS_PER_MINUTE),
      'x-ratelimit-limit-tokens': String(TOKENS_PER_MINUTE),
      'x-ratelimit-remaining-requests': String(REQUESTS_PER_MINUTE - 1),
      'x-ratelimit-remaining-tokens': String(TOKENS_PER_MINUTE - promptTokens - completionTokens),
      'x-ratelimit-reset-requests': '12ms',
      'x-ratelimit-reset-tokens': '0s',
    },
  );
}

interface Reply {
  content: string;
  reasoningTokens: number;
  finishReason: 'stop' | 'length';
}

/** Every model answers "OK" (one token); a reasoning model thinks first and may run out of tokens doing so. */
function answerOf(model: CatalogueModel, limit: number): Reply {
  if (model.kind !== 'reasoning') return { content: 'OK', reasoningTokens: 0, finishReason: 'stop' };
  if (limit <= REASONING_TOKENS) return { content: '', reasoningTokens: limit, finishReason: 'length' };
  return { content: 'OK', reasoningTokens: REASONING_TOKENS, finishReason: 'stop' };
}

function tokenLimit(body: Record<string, unknown>): number {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  return typeof limit === 'number' && limit > 0 ? limit : Number.POSITIVE_INFINITY;
}

/** Close to OpenAI's count for short English: about four characters a token, four tokens per message, three to prime the reply. */
function estimatePromptTokens(messages: unknown[]): number {
  let tokens = 3;
  for (const message of messages) {
    const content = (message as { content?: unknown } | null)?.content;
    tokens += 4 + Math.ceil((typeof content === 'string' ? content.length : JSON.stringify(content ?? '').length) / 4);
  }
  return tokens;
}
