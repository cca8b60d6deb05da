import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFakeOpenAi } from '../fakes/openai/call-fake-openai.js';
import { DEFAULT_MODEL_IDS, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';

const KEY = 'sk-proj-models-000000000000000000000000001';
const NARROW = 'sk-proj-narrow-000000000000000000000000002';
const BROKE = 'sk-proj-broke-0000000000000000000000000003';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {}, [NARROW]: { models: ['gpt-4o-mini', 'my-fine-tune'] }, [BROKE]: { quota: 'exhausted' } } });
});
afterAll(() => fake.close());

interface ModelList {
  object: string;
  data: Array<{ id: string; object: string; created: number; owned_by: string }>;
}

describe('fake OpenAI: GET /v1/models', () => {
  it('lists a realistic mix of chat and other models, unsorted, as OpenAI does', async () => {
    const reply = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: KEY });
    expect(reply.status).toBe(200);
    const list = reply.json as ModelList;
    expect(list.object).toBe('list');
    const ids = list.data.map((m) => m.id);
    expect(ids).toEqual([...DEFAULT_MODEL_IDS]);
    expect(ids).not.toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'o4-mini', 'text-embedding-3-small', 'tts-1', 'whisper-1', 'dall-e-3', 'omni-moderation-latest']));
    expect(list.data.find((m) => m.id === 'gpt-4o-mini')).toEqual({ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' });
    expect(list.data.every((m) => m.object === 'model' && Number.isInteger(m.created) && m.owned_by.length > 0)).toBe(true);
  });

  it('lists only the models of the key, unknown names included', async () => {
    const list = (await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: NARROW })).json as ModelList;
    expect(list.data.map((m) => m.id)).toEqual(['gpt-4o-mini', 'my-fine-tune']);
  });

  it('still lists models for an account without credit', async () => {
    expect((await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: BROKE })).status).toBe(200);
  });
});

describe('fake OpenAI: GET /v1/models/{id}', () => {
  it('returns one model, or 404 model_not_found', async () => {
    const found = await callFakeOpenAi(fake.origin, 'GET', '/v1/models/gpt-5-mini', { key: KEY });
    expect(found.status).toBe(200);
    expect(found.json).toEqual({ id: 'gpt-5-mini', object: 'model', created: 1754425928, owned_by: 'system' });

    const missing = await callFakeOpenAi(fake.origin, 'GET', '/v1/models/gpt-5', { key: NARROW });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: { message: "The model 'gpt-5' does not exist", type: 'invalid_request_error', param: 'model', code: 'model_not_found' } });
  });
});
