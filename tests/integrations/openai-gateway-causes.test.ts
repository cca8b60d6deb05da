import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenAiConnection, OpenAiFailure } from '../../src/domain/ai/openai-gateway.js';
import type { Result } from '../../src/shared/result.js';
import { createOpenAiGateway } from '../../src/integrations/openai/create-openai-gateway.js';
import { startHtmlSite } from '../fakes/openai/start-html-site.js';
import { closedPort } from '../helpers/closed-port.js';
import { LOOPBACK_HTTP } from '../helpers/loopback-http.js';
import { openAiError, openAiErrors, startFakeOpenAi, type FakeOpenAi } from '../fakes/openai/start-fake-openai.js';

const KEY = 'sk-proj-causes-00000000000000000000000000001';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi({ keys: { [KEY]: {} } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

const gateway = createOpenAiGateway({ http: LOOPBACK_HTTP, timeoutMs: 300 });
const connectionTo = (overrides: Partial<OpenAiConnection> = {}): OpenAiConnection => {
  const baseUrl = overrides.baseUrl ?? fake.baseUrl;
  return { apiKey: KEY, baseUrl, organization: '', project: '', keyBoundTo: baseUrl, ...overrides };
};
const probe = (overrides: Partial<OpenAiConnection> = {}, model = 'gpt-4o-mini') => gateway.probeModel(connectionTo(overrides), model).then(failureOf);

function failureOf(result: Result<unknown, OpenAiFailure>): OpenAiFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('OpenAI gateway: the key', () => {
  it('key_missing: no request without a key', async () => {
    expect(await probe({ apiKey: '' })).toEqual({ cause: 'key_missing', detail: 'No API key is set.', status: null, retryAfterSeconds: null });
    expect(fake.state.requests).toHaveLength(0);
  });

  it('key_invalid: a wrong key', async () => {
    const failure = await probe({ apiKey: 'sk-proj-wrong-00000000000000000000000000099' });
    expect(failure).toMatchObject({ cause: 'key_invalid', status: 401, retryAfterSeconds: null });
    expect(failure.detail).toMatch(/^Incorrect API key provided: sk-pro\*+0099\. You can find your API key at/);
  });

  it('key_invalid: the service saw no key (a proxy dropped it)', async () => {
    fake.state.failNext(openAiErrors.missingKey());
    expect(await probe()).toMatchObject({ cause: 'key_invalid', status: 401, detail: expect.stringMatching(/^You didn't provide an API key/) });
  });

  it('organization_mismatch: an organization or project the key does not belong to', async () => {
    expect(await probe({ organization: 'org-NotMine' })).toMatchObject({ cause: 'organization_mismatch', status: 401, detail: 'OpenAI-Organization header should match organization for API key' });
    expect(await probe({ project: 'proj_NotMine' })).toMatchObject({ cause: 'organization_mismatch', status: 401, detail: 'OpenAI-Project header should match project for API key' });
  });

  it('region_unsupported', async () => {
    fake.state.setKey(KEY, { regionBlocked: true });
    expect(await probe()).toMatchObject({ cause: 'region_unsupported', status: 403, detail: 'Country, region, or territory not supported' });
    expect(failureOf(await gateway.listModels(connectionTo())).cause).toBe('region_unsupported');
  });
});

describe('OpenAI gateway: the model', () => {
  it('model_unavailable: a model the key does not have (404)', async () => {
    expect(await probe({}, 'gpt-9')).toMatchObject({ cause: 'model_unavailable', status: 404, detail: 'The model `gpt-9` does not exist or you do not have access to it.' });
  });

  it('model_unavailable: a model the project may not use (403)', async () => {
    fake.state.setKey(KEY, { deniedModels: ['gpt-5'] });
    expect(await probe({}, 'gpt-5')).toMatchObject({ cause: 'model_unavailable', status: 403, detail: 'You are not allowed to sample from this model' });
  });

  it('model_unavailable: a model that does not chat', async () => {
    expect(await probe({}, 'text-embedding-3-small')).toMatchObject({ cause: 'model_unavailable', status: 404 });
  });
});

describe('OpenAI gateway: billing and limits', () => {
  it('quota_exhausted: no credit (429 insufficient_quota)', async () => {
    fake.state.setKey(KEY, { quota: 'exhausted' });
    expect(await probe()).toMatchObject({ cause: 'quota_exhausted', status: 429, retryAfterSeconds: null, detail: expect.stringMatching(/^You exceeded your current quota/) });
  });

  it('quota_exhausted: the billing limit (400 billing_hard_limit_reached)', async () => {
    fake.state.failNext(openAiErrors.billingHardLimit());
    expect(await probe()).toMatchObject({ cause: 'quota_exhausted', status: 400, detail: 'Billing hard limit has been reached' });
  });

  it('rate_limited: with the wait the message names (the message itself shortened to a summary)', async () => {
    fake.state.setKey(KEY, { rateLimited: true });
    expect(await probe()).toMatchObject({ cause: 'rate_limited', status: 429, retryAfterSeconds: 20, detail: expect.stringContaining('Please try again in 20s') });
  });

  it('rate_limited: with the wait of a retry-after-ms header', async () => {
    fake.state.failNext(openAiError(429, { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' }, { 'retry-after-ms': '1500' }));
    expect(await probe()).toMatchObject({ cause: 'rate_limited', retryAfterSeconds: 2 });
  });
});

describe('OpenAI gateway: the service', () => {
  it.each([
    [{ status: 500 } as const, 'The server had an error while processing your request. Sorry about that!'],
    [{ status: 503 } as const, 'The engine is currently overloaded, please try again later'],
    [{ status: 503, reason: 'unavailable' } as const, 'Service Unavailable'],
    [{ status: 502 } as const, 'The server answered HTTP 502 with an HTML page, not an OpenAI API answer.'],
  ])('service_unavailable: %o', async (outage, detail) => {
    fake.state.outage = outage;
    expect(await probe()).toEqual({ cause: 'service_unavailable', detail, status: outage.status, retryAfterSeconds: null });
    expect(failureOf(await gateway.listModels(connectionTo())).cause).toBe('service_unavailable');
  });

  it('timeout: no answer within the gateway’s limit', async () => {
    fake.state.delayMs = 1_000;
    expect(await probe()).toEqual({ cause: 'timeout', detail: `127.0.0.1:${fake.port} did not answer within 0.3 s.`, status: null, retryAfterSeconds: null });
  });

  it('network_error: nothing listens at the address', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    const failure = await probe({ baseUrl });
    expect(failure).toMatchObject({ cause: 'network_error', status: null });
    expect(failure.detail).toMatch(/connection refused/);
  });

  it('unexpected_response: a refusal the check cannot explain', async () => {
    fake.state.failNext(openAiError(400, { message: "Unsupported parameter: 'max_completion_tokens' is not supported with this model.", type: 'invalid_request_error', param: 'max_completion_tokens', code: 'unsupported_parameter' }));
    expect(await probe()).toMatchObject({ cause: 'unexpected_response', status: 400 });
  });

  it('unexpected_response: a completion without token usage', async () => {
    const completion = { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }] };
    fake.state.failNext({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(completion) });
    expect(await probe()).toMatchObject({ cause: 'unexpected_response', status: 200 });
  });
});

describe('OpenAI gateway: a Base URL that leads elsewhere', () => {
  it('base_url_wrong: the API without /v1 answers "Invalid URL"', async () => {
    expect(await probe({ baseUrl: fake.origin })).toMatchObject({ cause: 'base_url_wrong', status: 404, detail: 'Invalid URL (POST /chat/completions)' });
    expect(failureOf(await gateway.listModels(connectionTo({ baseUrl: fake.origin })))).toMatchObject({ cause: 'base_url_wrong', detail: 'Invalid URL (GET /models)' });
  });

  it('base_url_wrong: a website answering 404 pages', async () => {
    const site = await startHtmlSite(404);
    try {
      const expected = { cause: 'base_url_wrong', status: 404, detail: 'The server answered HTTP 404 with an HTML page, not an OpenAI API answer.' };
      expect(await probe({ baseUrl: `${site.origin}/v1` })).toEqual({ ...expected, retryAfterSeconds: null });
      expect(failureOf(await gateway.listModels(connectionTo({ baseUrl: `${site.origin}/v1` })))).toMatchObject(expected);
    } finally {
      await site.close();
    }
  });

  it('base_url_wrong: a website answering every path with a 200 page', async () => {
    const site = await startHtmlSite(200);
    try {
      const expected = { cause: 'base_url_wrong', status: 200, detail: 'The server answered HTTP 200 with an HTML page, not an OpenAI API answer.', retryAfterSeconds: null };
      expect(await probe({ baseUrl: `${site.origin}/v1` })).toEqual(expected);
      expect(failureOf(await gateway.listModels(connectionTo({ baseUrl: `${site.origin}/v1` })))).toEqual(expected);
    } finally {
      await site.close();
    }
  });

  it('base_url_wrong: JSON that is not a chat completion or a model list', async () => {
    const other = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"data":[{"name":"not a model"}],"status":"ok"}' };
    fake.state.failNext(other);
    expect(await probe()).toMatchObject({ cause: 'base_url_wrong', detail: 'The server answered HTTP 200 with JSON of another kind, not an OpenAI API answer.' });
    fake.state.failNext(other);
    expect(failureOf(await gateway.listModels(connectionTo())).cause).toBe('base_url_wrong');
  });
});

describe('OpenAI gateway: secrets', () => {
  it('never puts the key in a failure detail', async () => {
    const short = 'abcd1234';
    const failures: OpenAiFailure[] = [await probe({ apiKey: short }), failureOf(await gateway.listModels(connectionTo({ apiKey: short })))];
    fake.state.failNext(openAiError(500, { message: `upstream refused ${KEY}`, type: 'server_error', param: null, code: null }));
    failures.push(await probe());
    fake.state.delayMs = 1_000;
    failures.push(await probe());
    for (const failure of failures) {
      expect(failure.detail).not.toContain(short);
      expect(failure.detail).not.toContain(KEY);
    }
    expect(failures[0]?.detail).toBe('Incorrect API key provided: …. You can find your API key at https://platform.openai.com/account/api-keys.');
    expect(failures[2]?.detail).toBe('upstream refused sk-…0001');
  });
});
