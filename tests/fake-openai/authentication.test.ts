import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callFakeOpenAi } from '../fakes/openai/call-fake-openai.js';
import { DEFAULT_ORGANIZATION, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';

const KEY = 'sk-proj-abcdefghijklmnop0000000000000000wxyz';
const SCOPED = 'sk-proj-scoped-000000000000000000000000001';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {}, [SCOPED]: { organization: 'org-Mine', project: 'proj_Mine' } } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const errorOf = (json: unknown) => (json as { error: Record<string, unknown> }).error;

describe('fake OpenAI: authentication', () => {
  it('answers a request without a key with 401, code null and the service’s explanation', async () => {
    const reply = await callFakeOpenAi(fake.origin, 'GET', '/v1/models');
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(errorOf(reply.json)).toEqual({
      message: expect.stringMatching(/^You didn't provide an API key\. You need to provide your API key in an Authorization header using Bearer auth/),
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('treats "Bearer" without a token as no key', async () => {
    const reply = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { headers: { authorization: 'Bearer' } });
    expect(errorOf(reply.json).code).toBeNull();
  });

  it('refuses an unknown key with invalid_api_key and shows it masked, as OpenAI does', async () => {
    const wrong = 'sk-proj-wrongwrongwrong0000000000000000abcd';
    const reply = await callFakeOpenAi(fake.origin, 'POST', '/v1/chat/completions', { key: wrong, body: { model: 'gpt-4o-mini', messages: [] } });
    expect(reply.status).toBe(401);
    expect(errorOf(reply.json)).toEqual({
      message: `Incorrect API key provided: sk-pro${'*'.repeat(wrong.length - 10)}abcd. You can find your API key at https://platform.openai.com/account/api-keys.`,
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
    expect(reply.text).not.toContain(wrong);
  });

  it('shows a short wrong key whole, as OpenAI does', async () => {
    const reply = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: 'abc123' });
    expect(errorOf(reply.json).message).toBe('Incorrect API key provided: abc123. You can find your API key at https://platform.openai.com/account/api-keys.');
  });

  it('checks OpenAI-Organization and OpenAI-Project against the key', async () => {
    const org = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: SCOPED, headers: { 'openai-organization': 'org-Other' } });
    expect(org.status).toBe(401);
    expect(errorOf(org.json)).toEqual({ message: 'OpenAI-Organization header should match organization for API key', type: 'invalid_request_error', param: null, code: 'mismatched_organization' });

    const project = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: SCOPED, headers: { 'openai-project': 'proj_Other' } });
    expect(project.status).toBe(401);
    expect(errorOf(project.json)).toEqual({ message: 'OpenAI-Project header should match project for API key', type: 'invalid_request_error', param: null, code: 'mismatched_project' });

    const matching = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: SCOPED, headers: { 'openai-organization': 'org-Mine', 'openai-project': 'proj_Mine' } });
    expect(matching.status).toBe(200);
    expect(matching.headers.get('openai-organization')).toBe('org-Mine');
    expect(matching.headers.get('openai-project')).toBe('proj_Mine');
  });

  it('gives keys without an organization of their own a default one', async () => {
    const reply = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: KEY, headers: { 'openai-organization': DEFAULT_ORGANIZATION } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('openai-version')).toBe('2020-10-01');
  });

  it('blocks every request of a key from an unsupported region with 403 request_forbidden', async () => {
    fake.state.setKey(KEY, { regionBlocked: true });
    const reply = await callFakeOpenAi(fake.origin, 'GET', '/v1/models', { key: KEY });
    expect(reply.status).toBe(403);
    expect(errorOf(reply.json)).toEqual({ code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported', param: null, type: 'request_forbidden' });
  });
});

describe('fake OpenAI: unknown URLs', () => {
  it.each([
    ['GET', '/models'],
    ['POST', '/chat/completions'],
    ['GET', '/v1/chat/completions'],
    ['POST', '/v1/chat/completion'],
    ['GET', '/'],
  ])('answers %s %s with 404 "Invalid URL", key or not', async (method, path) => {
    for (const key of [KEY, undefined]) {
      const reply = await callFakeOpenAi(fake.origin, method, path, key ? { key } : {});
      expect(reply.status).toBe(404);
      expect(errorOf(reply.json)).toEqual({ message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', param: null, code: null });
    }
  });
});
