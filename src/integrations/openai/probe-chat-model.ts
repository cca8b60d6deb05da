import type OpenAI from 'openai';
import { z } from 'zod';
import type { OpenAiFailure, OpenAiProbe } from '../../domain/ai/openai-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { notAnOpenAiAnswer } from './not-an-openai-answer.js';

/** Enough for "OK". Reasoning models may spend all of it thinking and answer nothing: the call still proves key, billing and model. */
const PROBE_MAX_TOKENS = 16;

const completionShape = z.object({ model: z.string(), choices: z.array(z.unknown()) });
const usageShape = z.object({ prompt_tokens: z.number(), completion_tokens: z.number() });

/** The cheapest call that proves the key, the billing and the model: a chat completion of a few tokens. */
export async function probeChatModel(client: OpenAI, model: string): Promise<Result<OpenAiProbe, OpenAiFailure>> {
  const { data, response } = await client.chat.completions
    .create({ model, messages: [{ role: 'user', content: 'Reply with OK.' }], max_completion_tokens: PROBE_MAX_TOKENS })
    .withResponse();
  // The SDK returns any 200 body as is, a web page as a string.
  const completion = completionShape.safeParse(data);
  if (!completion.success) return err(notAnOpenAiAnswer(response));
  const usage = usageShape.safeParse(data.usage);
  if (!usage.success) {
    return err({
      cause: 'unexpected_response',
      detail: 'The service answered without token usage, so the call cannot be counted against the monthly limit.',
      status: response.status,
      retryAfterSeconds: null,
    });
  }
  return ok({ model: completion.data.model, inputTokens: usage.data.prompt_tokens, outputTokens: usage.data.completion_tokens });
}
