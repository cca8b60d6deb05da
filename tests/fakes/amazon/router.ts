import type { IncomingMessage, ServerResponse } from 'node:http';
import { MARKETPLACES } from '../../../src/domain/marketplaces/catalogue.js';
import { handleCreatorsRequest } from './creators/creators-endpoint.js';
import { json, readBody, sleep, type FakeRequest, type FakeResponse } from './http.js';
import { handlePaapiRequest } from './paapi/paapi-endpoint.js';
import { toLogEntry } from './request-log.js';
import type { FakeAmazonState } from './state.js';
import { handleTokenRequest } from './token/token-endpoint.js';
import { TOKEN_HOSTS } from './token/token-hosts.js';

const CREATORS_HOST = 'creatorsapi.amazon';
const PAAPI_HOSTS = new Map(MARKETPLACES.map((m) => [m.paapiHost, m]));

/**
 * One loopback origin stands in for every Amazon host: the real host is the first path segment
 * (PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE), so `/api.amazon.co.uk/auth/o2/token` is LwA EU's token
 * endpoint and `/webservices.amazon.de/paapi5/getitems` is PA-API Germany.
 */
export function dispatch(request: FakeRequest, state: FakeAmazonState): FakeResponse {
  const tokenHost = TOKEN_HOSTS[request.host];
  if (tokenHost && request.path === tokenHost.path) return handleTokenRequest(request, tokenHost, state);
  if (request.host === CREATORS_HOST) return handleCreatorsRequest(request, state);
  const marketplace = PAAPI_HOSTS.get(request.host);
  if (marketplace) return handlePaapiRequest(request, marketplace, state);
  return json(404, { message: `The fake Amazon does not serve https://${request.host}${request.path}.` });
}

export async function serve(message: IncomingMessage, response: ServerResponse, state: FakeAmazonState): Promise<void> {
  let answer: FakeResponse;
  try {
    const url = new URL(message.url ?? '/', 'http://fake.invalid');
    const [, host = '', ...rest] = url.pathname.split('/');
    if (host === '__fake') {
      answer = json(200, { ok: true });
    } else {
      const request: FakeRequest = {
        method: message.method ?? 'GET',
        host: host.toLowerCase(),
        path: `/${rest.join('/')}`,
        query: url.search.slice(1),
        headers: message.headersDistinct as Record<string, string[]>,
        rawBody: await readBody(message),
      };
      const entry = toLogEntry(request, state.now());
      state.record(entry);
      answer = dispatch(request, state);
      entry.status = answer.status;
    }
  } catch (error) {
    answer = json(500, { message: `The fake Amazon failed: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (answer.latencyMs && answer.latencyMs > 0) await sleep(answer.latencyMs);
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), ...answer.headers });
  response.end(text);
}
