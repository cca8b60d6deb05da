import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import type { OpenAiConnection } from '../../src/domain/ai/openai-gateway.js';
import { classifyOpenAiError } from '../../src/integrations/openai/classify-openai-error.js';

const KEY = 'sk-proj-Secret0123456789abcdefghijklmnopqrstu-wxyz';
const connection: OpenAiConnection = { apiKey: KEY, baseUrl: 'https://api.example.test/v1', organization: '', project: '', keyBoundTo: 'https://api.example.test/v1' };

/** Built the way the SDK builds them from an answer: the parsed JSON body, or the raw text when it is not JSON. */
function answered(status: number, body: { error?: unknown } | string, headers: Record<string, string> = {}): APIError {
  const contentType = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  return typeof body === 'string'
    ? APIError.generate(status, undefined, body, new Headers({ 'content-type': contentType, ...headers }))
    : APIError.generate(status, body, undefined, new Headers({ 'content-type': contentType, ...headers }));
}

const openAiBody = (message: string, extra: { type?: string; param?: string | null; code?: string | null } = {}) => ({
  error: { message, type: extra.type ?? 'invalid_request_error', param: extra.param ?? null, code: extra.code ?? null },
});

const classify = (error: unknown) => classifyOpenAiError(error, connection, 15_000);

describe('classifyOpenAiError: answers of the service', () => {
  it.each([
    ['401 invalid_api_key', answered(401, openAiBody('Incorrect API key provided: sk-pro***wxyz.', { code: 'invalid_api_key' })), 'key_invalid'],
    ['401 without a code (no key)', answered(401, openAiBody("You didn't provide an API key.")), 'key_invalid'],
    ['401 mismatched_organization', answered(401, openAiBody('OpenAI-Organization header should match organization for API key', { code: 'mismatched_organization' })), 'organization_mismatch'],
    ['401 invalid_organization', answered(401, openAiBody('No such organization: org-x.', { code: 'invalid_organization' })), 'organization_mismatch'],
    ['401 mismatched_project', answered(401, openAiBody('OpenAI-Project header should match project for API key', { code: 'mismatched_project' })), 'organization_mismatch'],
    ['401 no_organization', answered(401, openAiBody('You must be a member of an organization to use the API.', { code: 'no_organization' })), 'organization_mismatch'],
    ['401 about the project header, without a code', answered(401, openAiBody('OpenAI-Project header should match project for API key')), 'organization_mismatch'],
    ['403 unsupported region', answered(403, openAiBody('Country, region, or territory not supported', { type: 'request_forbidden', code: 'unsupported_country_region_territory' })), 'region_unsupported'],
    ['403 not allowed to sample', answered(403, openAiBody('You are not allowed to sample from this model')), 'model_unavailable'],
    ['403 project without model access', answered(403, openAiBody('Project `proj_abc` does not have access to model `gpt-5`', { code: 'model_not_found' })), 'model_unavailable'],
    ['404 model_not_found', answered(404, openAiBody('The model `gpt-9` does not exist or you do not have access to it.', { code: 'model_not_found' })), 'model_unavailable'],
    ['404 not a chat model', answered(404, openAiBody('This is not a chat model and thus not supported in the v1/chat/completions endpoint.', { param: 'model' })), 'model_unavailable'],
    ['404 Ollama’s unknown model', answered(404, openAiBody('model "llama9" not found, try pulling it first', { type: 'api_error' })), 'model_unavailable'],
    ['404 Invalid URL', answered(404, openAiBody('Invalid URL (POST /chat/completions)')), 'base_url_wrong'],
    ['404 some other OpenAI error', answered(404, openAiBody('No such file: file-abc')), 'unexpected_response'],
    ['405', answered(405, openAiBody('Method Not Allowed')), 'base_url_wrong'],
    ['400 billing_hard_limit_reached', answered(400, openAiBody('Billing hard limit has been reached', { code: 'billing_hard_limit_reached' })), 'quota_exhausted'],
    ['400 about the model parameter', answered(400, openAiBody('invalid model ID', { param: 'model' })), 'model_unavailable'],
    ['400 model_not_found', answered(400, openAiBody('The requested model does not exist.', { code: 'model_not_found' })), 'model_unavailable'],
    ['400 unsupported parameter', answered(400, openAiBody("Unsupported parameter: 'max_completion_tokens'.", { param: 'max_completion_tokens', code: 'unsupported_parameter' })), 'unexpected_response'],
    ['409', answered(409, openAiBody('Conflict')), 'unexpected_response'],
    ['422', answered(422, openAiBody('Unprocessable')), 'unexpected_response'],
    ['429 insufficient_quota', answered(429, openAiBody('You exceeded your current quota', { type: 'insufficient_quota', code: 'insufficient_quota' })), 'quota_exhausted'],
    ['429 insufficient_quota as type only', answered(429, openAiBody('You exceeded your current quota', { type: 'insufficient_quota' })), 'quota_exhausted'],
    ['429 rate_limit_exceeded', answered(429, openAiBody('Rate limit reached', { type: 'requests', code: 'rate_limit_exceeded' })), 'rate_limited'],
    ['500', answered(500, openAiBody('The server had an error while processing your request. Sorry about that!', { type: 'server_error' })), 'service_unavailable'],
    ['503 overloaded', answered(503, openAiBody('The engine is currently overloaded, please try again later', { type: 'server_error' })), 'service_unavailable'],
    ['504 HTML', answered(504, '<html><title>504 Gateway Time-out</title></html>'), 'service_unavailable'],
  ])('%s → %s', (_label, error, cause) => {
    const failure = classify(error);
    expect(failure.cause).toBe(cause);
    expect(failure.status).toBe(error.status);
  });

  it('keeps the service’s own message as detail', () => {
    expect(classify(answered(404, openAiBody('Invalid URL (GET /models)'))).detail).toBe('Invalid URL (GET /models)');
  });
});

describe('classifyOpenAiError: answers from something else', () => {
  it.each([
    [404, 'base_url_wrong'],
    [400, 'base_url_wrong'],
    [405, 'base_url_wrong'],
    [403, 'base_url_wrong'],
    [401, 'key_invalid'],
    [429, 'rate_limited'],
    [502, 'service_unavailable'],
  ])('an HTML page with %i → %s, described without quoting the page', (status, cause) => {
    const failure = classify(answered(status, '<!DOCTYPE html><html><body>Not here</body></html>'));
    expect(failure.cause).toBe(cause);
    expect(failure.detail).toBe(`The server answered HTTP ${status} with an HTML page, not an OpenAI API answer.`);
  });

  it('says what other JSON or an empty body was', () => {
    expect(classify(APIError.generate(404, { detail: 'Not Found' }, undefined, new Headers({ 'content-type': 'application/json' }))).detail).toBe(
      'The server answered HTTP 404 with JSON of another kind, not an OpenAI API answer.',
    );
    expect(classify(APIError.generate(404, undefined, '', new Headers())).detail).toBe('The server answered HTTP 404 with an empty or untyped body, not an OpenAI API answer.');
    // LM Studio puts a string where OpenAI puts an object.
    expect(classify(APIError.generate(404, { error: 'Unexpected endpoint or method. (GET /models)' }, undefined, new Headers({ 'content-type': 'application/json' }))).cause).toBe('base_url_wrong');
  });
});

describe('classifyOpenAiError: how long to wait', () => {
  const limited = (message: string, headers: Record<string, string> = {}) => classify(answered(429, openAiBody(message, { code: 'rate_limit_exceeded' }), headers)).retryAfterSeconds;

  it.each([
    ['Please try again in 20s.', 20],
    ['Please try again in 1.5s.', 2],
    ['Please try again in 200ms.', 1],
    ['Please try again in 6m0s.', 360],
    ['Please try again in 1h2m3.5s.', 3724],
    ['Rate limit reached.', null],
  ])('reads "%s" as %s seconds', (message, seconds) => expect(limited(message)).toBe(seconds));

  it('prefers retry-after-ms, then retry-after (seconds or a date), then the message', () => {
    expect(limited('Please try again in 20s.', { 'retry-after-ms': '1500', 'retry-after': '9' })).toBe(2);
    expect(limited('Please try again in 20s.', { 'retry-after': '7' })).toBe(7);
    expect(limited('Please try again in 20s.', { 'retry-after': new Date(Date.now() + 30_000).toUTCString() })).toBeGreaterThanOrEqual(29);
  });

  it('reads retry-after of a 429 that is not an OpenAI answer', () => {
    expect(classify(answered(429, '<html>Too many requests</html>', { 'retry-after': '60' }))).toMatchObject({ cause: 'rate_limited', retryAfterSeconds: 60 });
  });

  it('has no wait for other causes', () => {
    expect(classify(answered(503, openAiBody('Please try again in 20s.', { type: 'server_error' }))).retryAfterSeconds).toBeNull();
  });
});

describe('classifyOpenAiError: no answer', () => {
  const failedFetch = (cause: Error) => new APIConnectionError({ cause: Object.assign(new TypeError('fetch failed'), { cause }) });
  const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('reports a timeout with the limit', () => {
    expect(classify(new APIConnectionTimeoutError())).toEqual({ cause: 'timeout', detail: 'api.example.test did not answer within 15 s.', status: null, retryAfterSeconds: null });
  });

  it.each([
    [systemError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'), 'Could not reach api.example.test: connection refused (nothing listens at that address and port).'],
    [systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.test'), 'Could not reach api.example.test: host name not found in DNS.'],
    [systemError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN api.example.test'), 'Could not reach api.example.test: DNS lookup failed temporarily.'],
    [systemError('ECONNRESET', 'read ECONNRESET'), 'Could not reach api.example.test: connection reset by the other side.'],
    [systemError('CERT_HAS_EXPIRED', 'certificate has expired'), 'Secure connection (TLS) to api.example.test failed: certificate has expired'],
    [systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'Secure connection (TLS) to api.example.test failed: self-signed certificate'],
    [systemError('EPROTO', 'write EPROTO ssl3_get_record:wrong version number'), 'Secure connection (TLS) to api.example.test failed: write EPROTO ssl3_get_record:wrong version number'],
    [systemError('EWHATEVER', 'strange failure'), 'Could not reach api.example.test: EWHATEVER strange failure'],
    [new Error('bad port'), 'Could not reach api.example.test: bad port'],
  ])('names why the connection failed: %s', (cause, detail) => {
    expect(classify(failedFetch(cause))).toEqual({ cause: 'network_error', detail, status: null, retryAfterSeconds: null });
  });

  it('reports anything else as unexpected', () => {
    expect(classify(new SyntaxError('Unexpected token < in JSON'))).toMatchObject({ cause: 'unexpected_response', detail: 'The call failed unexpectedly: Unexpected token < in JSON' });
  });
});

describe('classifyOpenAiError: secrets', () => {
  it('masks the connection’s key wherever it appears, as sk-…abcd', () => {
    const failure = classify(answered(401, openAiBody(`Incorrect API key provided: ${KEY}. Also ${KEY}.`, { code: 'invalid_api_key' })));
    expect(failure.detail).toBe('Incorrect API key provided: sk-…wxyz. Also sk-…wxyz.');
  });

  it('masks any other sk- token, and a compatible provider’s key of another shape', () => {
    const other = classify(answered(500, openAiBody('upstream rejected sk-live0123456789ABCDEF for org', { type: 'server_error' })));
    expect(other.detail).toBe('upstream rejected sk-…CDEF for org');
    const local = classifyOpenAiError(answered(401, openAiBody('Incorrect API key provided: ollama-local-secret-1234.')), { ...connection, apiKey: 'ollama-local-secret-1234' }, 15_000);
    expect(local.detail).toBe('Incorrect API key provided: …1234.');
  });

  it('leaves the service’s own masks alone', () => {
    const masked = 'Incorrect API key provided: sk-pro*********************wxyz. You can find your API key at https://platform.openai.com/account/api-keys.';
    expect(classify(answered(401, openAiBody(masked, { code: 'invalid_api_key' }))).detail).toBe(masked);
  });
});
