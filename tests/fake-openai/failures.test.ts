import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callFakeOpenAi } from '../fakes/openai/call-fake-openai.js';
import { FAKE_OPENAI_KEY, openAiError, openAiErrors, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const listModels = () => callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: FAKE_OPENAI_KEY });

describe('fake OpenAI: outages', () => {
  it('answers 500 server_error', async () => {
    fake.state.outage = { status: 500 };
    const reply = await listModels();
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } });
  });

  it('answers 502 with Cloudflare’s HTML page', async () => {
    fake.state.outage = { status: 502 };
    const reply = await listModels();
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.text).toContain('<title>502 Bad Gateway</title>');
    expect(reply.headers.get('x-request-id')).toBeNull();
  });

  it('answers 503 overloaded, or Cloudflare’s "Service Unavailable"', async () => {
    fake.state.outage = { status: 503 };
    expect((await listModels()).json).toEqual({ error: { message: 'The engine is currently overloaded, please try again later', type: 'server_error', param: null, code: null } });
    fake.state.outage = { status: 503, reason: 'unavailable' };
    const reply = await listModels();
    expect(reply.status).toBe(503);
    expect(reply.json).toEqual({ error: { message: 'Service Unavailable', type: 'cf_service_unavailable', param: null, code: '503' } });
  });

  it('ends when cleared', async () => {
    fake.state.outage = { status: 500 };
    fake.state.outage = null;
    expect((await listModels()).status).toBe(200);
  });
});

describe('fake OpenAI: one-off answers', () => {
  it('answers queued answers once each, in order, before anything else', async () => {
    fake.state.failNext(openAiErrors.billingHardLimit());
    fake.state.failNext(openAiError(429, { message: 'Slow down.', type: 'requests', param: null, code: 'rate_limit_exceeded' }, { 'retry-after-ms': '1500' }));
    const first = await callFakeOpenAi(fake.origin, 'GET', '/nowhere');
    expect(first.status).toBe(400);
    expect(first.json).toEqual({ error: { message: 'Billing hard limit has been reached', type: 'invalid_request_error', param: null, code: 'billing_hard_limit_reached' } });
    const second = await listModels();
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after-ms')).toBe('1500');
    expect((await listModels()).status).toBe(200);
  });
});

describe('fake OpenAI: state', () => {
  it('waits delayMs before answering', async () => {
    fake.state.delayMs = 150;
    const started = performance.now();
    await listModels();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('logs method, path, headers without Authorization, body and status', async () => {
    await callFakeOpenAi(fake.origin, 'POST', '/v1/chat/completions?x=1', { key: FAKE_OPENAI_KEY, headers: { 'openai-project': 'proj_Other' }, body: { model: 'gpt-4o', messages: [] } });
    await callFakeOpenAi(fake.origin, 'POST', '/v1/chat/completions', { key: FAKE_OPENAI_KEY, body: 'not json' });
    const [json, text] = fake.state.requestsTo('/v1/chat/completions');
    expect(json).toEqual({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: expect.objectContaining({ 'openai-project': 'proj_Other', 'content-type': 'application/json' }),
      body: { model: 'gpt-4o', messages: [] },
      status: 401,
    });
    expect(json?.headers).not.toHaveProperty('authorization');
    expect(JSON.stringify(fake.state.requests)).not.toContain(FAKE_OPENAI_KEY);
    expect(text).toMatchObject({ body: 'not json', status: 400 });
  });

  it('adds and changes keys while running, and reset restores the keys it started with', async () => {
    const added = 'sk-proj-added-at-runtime-00000000000000001';
    fake.state.setKey(added, { models: ['gpt-4o-mini'] });
    expect((await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: added })).status).toBe(200);
    fake.state.setKey(FAKE_OPENAI_KEY, { regionBlocked: true });
    expect((await listModels()).status).toBe(403);
    fake.state.reset();
    expect((await listModels()).status).toBe(200);
    expect((await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: added })).status).toBe(401);
    expect(fake.state.requests).toHaveLength(2);
  });
});
