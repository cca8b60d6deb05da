import type { OpenAiFailure } from '../../domain/ai/openai-gateway.js';
import { describeForeignAnswer } from './describe-foreign-answer.js';

/** A successful HTTP answer that is not what the OpenAI API sends: the Base URL leads somewhere else (a website, another API). */
export function notAnOpenAiAnswer(response: Response): OpenAiFailure {
  return { cause: 'base_url_wrong', detail: describeForeignAnswer(response.status, response.headers), status: response.status, retryAfterSeconds: null };
}
