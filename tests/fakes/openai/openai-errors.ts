import { apiAnswer, htmlAnswer, type FakeAnswer } from './answer.js';

/** The `error` object of every OpenAI error body. */
export interface OpenAiErrorObject {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** `{"error":{message,type,param,code}}` with the given status: for one-off answers in tests (`state.failNext`). */
export function openAiError(status: number, error: OpenAiErrorObject, headers?: Record<string, string>): FakeAnswer {
  return apiAnswer(status, { error }, headers);
}

const invalidRequest = (status: number, message: string, param: string | null = null, code: string | null = null) =>
  openAiError(status, { message, type: 'invalid_request_error', param, code });

/**
 * The answers of the real service, word for word as observed (messages, types, codes, statuses).
 * Handlers and tests use these instead of writing bodies by hand, so the fake keeps one voice.
 */
export const openAiErrors = {
  invalidUrl: (method: string, path: string) => invalidRequest(404, `Invalid URL (${method} ${path})`),
  missingKey: () =>
    invalidRequest(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
    ),
  incorrectKey: (key: string) =>
    invalidRequest(401, `Incorrect API key provided: ${maskLikeOpenAi(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`, null, 'invalid_api_key'),
  mismatchedOrganization: () => invalidRequest(401, 'OpenAI-Organization header should match organization for API key', null, 'mismatched_organization'),
  mismatchedProject: () => invalidRequest(401, 'OpenAI-Project header should match project for API key', null, 'mismatched_project'),
  unsupportedRegion: () => openAiError(403, { message: 'Country, region, or territory not supported', type: 'request_forbidden', param: null, code: 'unsupported_country_region_territory' }),
  notAllowedToSample: () => invalidRequest(403, 'You are not allowed to sample from this model'),
  modelNotFound: (model: string) => invalidRequest(404, `The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found'),
  /** GET /v1/models/{id} words it differently from chat completions. */
  modelNotFoundOnRetrieve: (model: string) => invalidRequest(404, `The model '${model}' does not exist`, 'model', 'model_not_found'),
  notAChatModel: () => invalidRequest(404, 'This is not a chat model and thus not supported in the v1/chat/completions endpoint. Did you mean to use v1/completions?', 'model'),
  invalidJson: () =>
    invalidRequest(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please visit https://community.openai.com/.)",
    ),
  missingModel: () => invalidRequest(400, 'you must provide a model parameter'),
  missingMessages: () => invalidRequest(400, "Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter'),
  messagesNotAnArray: () => invalidRequest(400, "Invalid type for 'messages': expected an array of objects.", 'messages', 'invalid_type'),
  maxTokensUnsupported: () =>
    invalidRequest(400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter'),
  billingHardLimit: () => invalidRequest(400, 'Billing hard limit has been reached', null, 'billing_hard_limit_reached'),
  insufficientQuota: () =>
    openAiError(429, {
      message: 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
      type: 'insufficient_quota',
      param: null,
      code: 'insufficient_quota',
    }),
  rateLimitExceeded: (model: string, organization: string) =>
    openAiError(
      429,
      {
        message: `Rate limit reached for ${model} in organization ${organization} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
      { 'x-ratelimit-limit-requests': '3', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s', 'x-ratelimit-limit-tokens': '40000', 'x-ratelimit-remaining-tokens': '39980', 'x-ratelimit-reset-tokens': '30ms' },
    ),
  serverError: () => openAiError(500, { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null }),
  /** Cloudflare in front of the API, not the API: an HTML page. */
  badGateway: () =>
    htmlAnswer(502, '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n'),
  overloaded: () => openAiError(503, { message: 'The engine is currently overloaded, please try again later', type: 'server_error', param: null, code: null }),
  serviceUnavailable: () => openAiError(503, { message: 'Service Unavailable', type: 'cf_service_unavailable', param: null, code: '503' }),
} as const;

/** "sk-abc******wxyz": the service shows the start and the last four; short strings come back whole, as they do from OpenAI. */
function maskLikeOpenAi(key: string): string {
  if (key.length <= 8) return key;
  return `${key.slice(0, 6)}${'*'.repeat(Math.max(3, key.length - 10))}${key.slice(-4)}`;
}
