import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAiConnection } from '../../src/domain/ai/openai-gateway.js';
import { createOpenAiGateway } from '../../src/integrations/openai/create-openai-gateway.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';

const KEY = 'sk-proj-gateway-0000000000000000000000000001';
const SCOPED = 'sk-proj-scoped-00000000000000000000000000002';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {}, [SCOPED]: { organization: 'org-Mine', project: 'proj_Mine' } } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const gateway = createOpenAiGateway({ http: LOOPBACK_HTTP });
const connectionTo = (overrides: Partial<OpenAiConnection> = {}): OpenAiConnection => {
  const baseUrl = overrides.baseUrl ?? fake.baseUrl;
  return { apiKey: KEY, baseUrl, organization: '', project: '', keyBoundTo: baseUrl, ...overrides };
};

describe('OpenAI gateway: listModels', () => {
  it('returns the chat models of the key, sorted, without embeddings, speech, images, moderation, realtime or legacy models', async () => {
    expect(await gateway.listModels(connectionTo())).toEqual({
      ok: true,
      value: ['gpt-3.5-turbo', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'o4-mini'],
    });
  });

  it('keeps the models of a compatible provider whose names it does not know', async () => {
    fake.state.setKey(KEY, { models: ['mistralai/Mistral-7B-Instruct', 'nomic-embed-text', 'llama3.1:8b'] });
    expect(await gateway.listModels(connectionTo())).toEqual({ ok: true, value: ['llama3.1:8b', 'mistralai/Mistral-7B-Instruct'] });
  });

  it('returns an empty list for a server without models', async () => {
    fake.state.setKey(KEY, { models: [] });
    expect(await gateway.listModels(connectionTo())).toEqual({ ok: true, value: [] });
  });

  it('lists models for an account without credit, as OpenAI does', async () => {
    fake.state.setKey(KEY, { quota: 'exhausted' });
    expect((await gateway.listModels(connectionTo())).ok).toBe(true);
  });
});

describe('OpenAI gateway: probeModel', () => {
  it('returns the answering snapshot and the tokens used', async () => {
    expect(await gateway.probeModel(connectionTo(), 'gpt-4o-mini')).toEqual({ ok: true, value: { model: 'gpt-4o-mini-2024-07-18', inputTokens: 11, outputTokens: 1 } });
  });

  it('counts a reasoning model that spent every token thinking as a success', async () => {
    expect(await gateway.probeModel(connectionTo(), 'gpt-5-mini')).toEqual({ ok: true, value: { model: 'gpt-5-mini-2025-08-07', inputTokens: 11, outputTokens: 16 } });
  });

  it('makes exactly one small request', async () => {
    await gateway.probeModel(connectionTo(), 'gpt-5-nano');
    expect(fake.state.requests).toHaveLength(1);
    expect(fake.state.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'gpt-5-nano', messages: [{ role: 'user', content: 'Reply with OK.' }], max_completion_tokens: 16 },
      status: 200,
    });
  });

  it('makes exactly one request when the answer is a failure the SDK would retry', async () => {
    fake.state.outage = { status: 500 };
    await gateway.probeModel(connectionTo(), 'gpt-4o-mini');
    fake.state.outage = null;
    fake.state.setKey(KEY, { rateLimited: true });
    await gateway.probeModel(connectionTo(), 'gpt-4o-mini');
    expect(fake.state.requests.map((r) => r.status)).toEqual([500, 429]);
  });
});

describe('OpenAI gateway: organization and project', () => {
  it('sends OpenAI-Organization and OpenAI-Project only when set', async () => {
    expect((await gateway.probeModel(connectionTo({ apiKey: SCOPED, organization: 'org-Mine', project: 'proj_Mine' }), 'gpt-4o-mini')).ok).toBe(true);
    expect((await gateway.listModels(connectionTo({ apiKey: SCOPED }))).ok).toBe(true);
    const [scoped, plain] = fake.state.requests;
    expect(scoped?.headers).toMatchObject({ 'openai-organization': 'org-Mine', 'openai-project': 'proj_Mine' });
    expect(plain?.headers).not.toHaveProperty('openai-organization');
    expect(plain?.headers).not.toHaveProperty('openai-project');
  });

  it('ignores OPENAI_ORG_ID and OPENAI_PROJECT_ID in the environment: the settings are the only source', async () => {
    const saved = { org: process.env.OPENAI_ORG_ID, project: process.env.OPENAI_PROJECT_ID };
    process.env.OPENAI_ORG_ID = 'org-FromEnvironment';
    process.env.OPENAI_PROJECT_ID = 'proj_FromEnvironment';
    try {
      expect((await gateway.listModels(connectionTo())).ok).toBe(true);
    } finally {
      restoreEnv('OPENAI_ORG_ID', saved.org);
      restoreEnv('OPENAI_PROJECT_ID', saved.project);
    }
    expect(fake.state.requests[0]?.headers).not.toHaveProperty('openai-organization');
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
