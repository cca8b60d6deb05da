import { err, ok, type Result } from '../../shared/result.js';
import { classifyOutboundError, type OutboundFailure } from './classify-outbound-error.js';
import type { OutboundHttp } from './create-outbound-http.js';
import { readCappedBody } from './read-capped-body.js';

export interface OutboundRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, answer body included. */
  timeoutMs: number;
  /** The largest answer body this integration accepts (see answer-limits.ts). */
  maxBytes: number;
}

export interface OutboundAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * One request and its whole answer, read within the size limit. Redirects are not followed: an
 * answer that points elsewhere is the caller's to judge, and a secret never follows it.
 */
export async function sendOutbound(http: OutboundHttp, request: OutboundRequest): Promise<Result<OutboundAnswer, OutboundFailure>> {
  const host = hostOf(request.url);
  const drop = new AbortController();
  try {
    const response = await http.fetch(request.url, {
      method: request.method ?? 'POST',
      ...(request.headers ? { headers: request.headers } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.any([AbortSignal.timeout(request.timeoutMs), drop.signal]),
      redirect: 'manual',
    });
    const body = await readCappedBody(response, request.maxBytes, host, () => drop.abort());
    return ok({ status: response.status, headers: response.headers, body });
  } catch (error) {
    return err(classifyOutboundError(error, host));
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
