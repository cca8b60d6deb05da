import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callFakeOpenAi } from '../fakes/openai/call-fake-openai.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';

const KEY = 'sk-proj-completions-000000000000000000000001';
const ORGANIZATION = 'org-Completions';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: { organization: ORGANIZATION } } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const MESSAGES = [{ role: 'user', content: 'Reply with OK.' }];
const complete = (body: unknown) => callFakeOpenAi(fake.origin, 'POST', '/v1/chat/completions', { key: KEY, body });
const errorOf = (json: unknown) => (json as { error: Record<string, unknown> }).error;

interface Completion {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: Array<{ index: number; message: { role: string; content: string; refusal: null }; finish_reason: string }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number; completion_tokens_details: { reasoning_tokens: number } };
}

describe('fake OpenAI: POST /v1/chat/completions answers', () => {
  it('answers a chat model with a complete chat.completion from a dated snapshot', async () => {
    const reply = await complete({ model: 'gpt-4o-mini', messages: MESSAGES, max_completion_tokens: 16 });
    expect(reply.status).toBe(200);
    const completion = reply.json as Completion;
    expect(completion.id).toMatch(/^chatcmpl-[\w-]{29}$/);
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini-2024-07-18' });
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(5);
    expect(completion.choices).toEqual([{ index: 0, message: { role: 'assistant', content: 'OK', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }]);
    expect(completion.usage).toEqual({
      prompt_tokens: 11,
      completion_tokens: 1,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    });
  });

  it('sends the headers of the real service', async () => {
    const { headers } = await complete({ model: 'gpt-4.1-mini', messages: MESSAGES });
    expect(headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(Number(headers.get('openai-processing-ms'))).toBeGreaterThan(0);
    expect(headers.get('openai-organization')).toBe(ORGANIZATION);
    expect(headers.get('openai-version')).toBe('2020-10-01');
    expect(headers.get('x-ratelimit-limit-requests')).toBe('5000');
    expect(headers.get('x-ratelimit-remaining-requests')).toBe('4999');
    expect(Number(headers.get('x-ratelimit-limit-tokens'))).toBeGreaterThan(Number(headers.get('x-ratelimit-remaining-tokens')));
  });

  it('lets a reasoning model spend a small limit thinking: empty content, finish_reason "length"', async () => {
    const tight = (await complete({ model: 'gpt-5-mini', messages: MESSAGES, max_completion_tokens: 16 })).json as Completion;
    expect(tight.model).toBe('gpt-5-mini-2025-08-07');
    expect(tight.choices[0]).toMatchObject({ message: { content: '' }, finish_reason: 'length' });
    expect(tight.usage).toMatchObject({ completion_tokens: 16, completion_tokens_details: { reasoning_tokens: 16 } });

    const roomy = (await complete({ model: 'gpt-5-mini', messages: MESSAGES, max_completion_tokens: 1000 })).json as Completion;
    expect(roomy.choices[0]).toMatchObject({ message: { content: 'OK' }, finish_reason: 'stop' });
    expect(roomy.usage.completion_tokens).toBeGreaterThan(roomy.usage.completion_tokens_details.reasoning_tokens);
  });

  it('answers a model the key knows but the catalogue does not as a plain chat model', async () => {
    fake.state.setKey(KEY, { models: ['llama3.1:8b'] });
    expect(((await complete({ model: 'llama3.1:8b', messages: MESSAGES })).json as Completion).model).toBe('llama3.1:8b');
  });
});

describe('fake OpenAI: POST /v1/chat/completions refusals', () => {
  it.each([
    ['a body that is not JSON', '{"model":', 400, { message: expect.stringMatching(/^We could not parse the JSON body of your request/), type: 'invalid_request_error', param: null, code: null }],
    ['no model', { messages: MESSAGES }, 400, { message: 'you must provide a model parameter', type: 'invalid_request_error', param: null, code: null }],
    ['no messages', { model: 'gpt-4o-mini' }, 400, { message: "Missing required parameter: 'messages'.", type: 'invalid_request_error', param: 'messages', code: 'missing_required_parameter' }],
    ['messages that are no array', { model: 'gpt-4o-mini', messages: 'hi' }, 400, { param: 'messages', code: 'invalid_type' }],
    ['a model the key does not have', { model: 'gpt-9', messages: MESSAGES }, 404, { message: 'The model `gpt-9` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' }],
    ['a model that does not chat', { model: 'text-embedding-3-small', messages: MESSAGES }, 404, { message: expect.stringMatching(/^This is not a chat model/), param: 'model', code: null }],
    ['max_tokens on a reasoning model', { model: 'o4-mini', messages: MESSAGES, max_tokens: 16 }, 400, { param: 'max_tokens', code: 'unsupported_parameter' }],
  ])('refuses %s', async (_label, body, status, error) => {
    const reply = await complete(body);
    expect(reply.status).toBe(status);
    expect(errorOf(reply.json)).toMatchObject(error);
  });

  it('refuses a model the project may not use with 403', async () => {
    fake.state.setKey(KEY, { deniedModels: ['gpt-5'] });
    const reply = await complete({ model: 'gpt-5', messages: MESSAGES });
    expect(reply.status).toBe(403);
    expect(errorOf(reply.json)).toEqual({ message: 'You are not allowed to sample from this model', type: 'invalid_request_error', param: null, code: null });
  });

  it('refuses an account without credit with 429 insufficient_quota', async () => {
    fake.state.setKey(KEY, { quota: 'exhausted' });
    const reply = await complete({ model: 'gpt-4o-mini', messages: MESSAGES });
    expect(reply.status).toBe(429);
    expect(errorOf(reply.json)).toEqual({ message: expect.stringMatching(/^You exceeded your current quota/), type: 'insufficient_quota', param: null, code: 'insufficient_quota' });
  });

  it('limits a rate-limited key with 429 rate_limit_exceeded, the wait in the message and x-ratelimit-* headers', async () => {
    fake.state.setKey(KEY, { rateLimited: true, organization: ORGANIZATION });
    const reply = await complete({ model: 'gpt-4o-mini', messages: MESSAGES });
    expect(reply.status).toBe(429);
    expect(errorOf(reply.json)).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded', message: expect.stringContaining(`gpt-4o-mini in organization ${ORGANIZATION}`) });
    expect(errorOf(reply.json).message).toContain('Please try again in 20s.');
    expect(reply.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(reply.headers.get('x-ratelimit-reset-requests')).toBe('20s');
  });
});
