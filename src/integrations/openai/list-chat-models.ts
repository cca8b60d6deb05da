import type OpenAI from 'openai';
import type { OpenAiFailure } from '../../domain/ai/openai-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { isChatModel } from './is-chat-model.js';
import { notAnOpenAiAnswer } from './not-an-openai-answer.js';

/**
 * The chat models the key can use, sorted. The SDK hands over any 200 body, a web page included,
 * as an empty list; only a JSON answer whose entries carry ids is a model list. A JSON answer
 * without entries is an empty list: a compatible server with no model loaded answers just that.
 */
export async function listChatModels(client: OpenAI): Promise<Result<string[], OpenAiFailure>> {
  const { data: firstPage, response } = await client.models.list().withResponse();
  if (!isJson(response)) return err(notAnOpenAiAnswer(response));
  const ids = new Set<string>();
  for await (const page of firstPage.iterPages()) {
    for (const model of page.data as unknown[]) {
      const id = (model as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return err(notAnOpenAiAnswer(response));
      if (isChatModel(id)) ids.add(id);
    }
  }
  return ok([...ids].sort());
}

function isJson(response: Response): boolean {
  return /[/+]json\b/i.test(response.headers.get('content-type') ?? '');
}
