import type { OutboundHttp } from './create-outbound-http.js';
import { isUnderBase } from './is-under-base.js';
import { SecretNotBoundError } from './outbound-errors.js';
import { capBodyStream, refuseDeclaredOversize } from './read-capped-body.js';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface BoundFetchOptions {
  /** The base URL the secret was saved for: requests go only to this origin, under this path. */
  boundTo: string;
  maxBytes: number;
}

/**
 * A fetch for an SDK that adds a secret to every request (the OpenAI SDK's `fetch` option): it
 * refuses, before anything is sent, a URL outside the base the secret is bound to; it never follows
 * a redirect; and it hands the SDK a body that cannot grow past the limit.
 */
export function createBoundFetch(http: OutboundHttp, options: BoundFetchOptions): FetchFunction {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!isUnderBase(url, options.boundTo)) throw new SecretNotBoundError(url.host);
    const drop = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, drop.signal]) : drop.signal;
    const response = await http.fetch(url, { ...init, signal, redirect: 'manual' });
    refuseDeclaredOversize(response, options.maxBytes, url.host, () => drop.abort());
    // Bodiless statuses keep the answer as it is (a Response with one of them cannot take a body).
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) return response;
    const body = capBodyStream(response.body, options.maxBytes, url.host, () => drop.abort());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
