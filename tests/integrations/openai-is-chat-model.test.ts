import { describe, expect, it } from 'vitest';
import { isChatModel } from '../../src/integrations/openai/is-chat-model.js';

/** Ids GET /v1/models returned for real OpenAI project keys in 2025, chat models and everything else. */
const CHAT = [
  'chatgpt-4o-latest',
  'gpt-3.5-turbo',
  'gpt-3.5-turbo-0125',
  'gpt-3.5-turbo-16k',
  'gpt-4',
  'gpt-4-0613',
  'gpt-4-turbo',
  'gpt-4-turbo-2024-04-09',
  'gpt-4.1',
  'gpt-4.1-2025-04-14',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-4o',
  'gpt-4o-2024-08-06',
  'gpt-4o-mini',
  'gpt-4o-mini-2024-07-18',
  'gpt-5',
  'gpt-5-2025-08-07',
  'gpt-5-chat-latest',
  'gpt-5-mini',
  'gpt-5-mini-2025-08-07',
  'gpt-5-nano',
  'gpt-5.1',
  'o1',
  'o1-2024-12-17',
  'o3',
  'o3-mini',
  'o4-mini',
  'o4-mini-2025-04-16',
  'ft:gpt-4o-mini-2024-07-18:acme::9xYz1234',
];

const NOT_CHAT = [
  'text-embedding-3-small',
  'text-embedding-3-large',
  'text-embedding-ada-002',
  'tts-1',
  'tts-1-hd',
  'tts-1-1106',
  'gpt-4o-mini-tts',
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'dall-e-2',
  'dall-e-3',
  'gpt-image-1',
  'gpt-image-1-mini',
  'sora-2',
  'omni-moderation-latest',
  'omni-moderation-2024-09-26',
  'text-moderation-latest',
  'gpt-4o-realtime-preview',
  'gpt-4o-mini-realtime-preview-2024-12-17',
  'gpt-realtime',
  'gpt-realtime-mini',
  'gpt-audio',
  'gpt-4o-audio-preview',
  'gpt-4o-mini-audio-preview',
  'gpt-4o-search-preview',
  'gpt-4o-mini-search-preview-2025-03-11',
  'gpt-5-search-api',
  'o3-deep-research',
  'o4-mini-deep-research-2025-06-26',
  'computer-use-preview',
  'codex-mini-latest',
  'gpt-5-codex',
  'o1-pro',
  'o3-pro-2025-06-10',
  'gpt-5-pro',
  'babbage-002',
  'davinci-002',
  'gpt-3.5-turbo-instruct',
  'gpt-3.5-turbo-instruct-0914',
];

/** Compatible providers (Ollama, vLLM, OpenRouter, Gemini's OpenAI endpoint) name models their own way. */
const COMPATIBLE = ['llama3.1:8b', 'qwen2.5:14b-instruct', 'mistralai/Mistral-7B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct', 'anthropic/claude-sonnet-4', 'gemini-2.5-pro', 'deepseek-chat', 'house-model'];

describe('isChatModel', () => {
  it.each(CHAT)('keeps %s', (id) => expect(isChatModel(id)).toBe(true));
  it.each(NOT_CHAT)('drops %s', (id) => expect(isChatModel(id)).toBe(false));
  it.each(COMPATIBLE)('keeps %s of a compatible provider', (id) => expect(isChatModel(id)).toBe(true));
  it.each(['nomic-embed-text', 'mxbai-embed-large', 'BAAI/bge-reranker-v2-m3', 'gemini-2.5-flash-image'])('drops %s of a compatible provider', (id) => expect(isChatModel(id)).toBe(false));
});
