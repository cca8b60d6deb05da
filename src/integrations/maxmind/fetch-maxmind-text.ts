import type { GeoFailure, WebServiceCredentials } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { sendOutbound } from '../http/send-outbound.js';
import { classifyTransportError } from './classify-transport-error.js';
import { maxmindHeaders } from './maxmind-headers.js';

export interface TextAnswer {
  status: number;
  text: string;
}

/** One authenticated GET with a short answer (web service, checksum, error bodies), read up to `maxBytes`; any HTTP answer is a success here. */
export async function fetchMaxMindText(input: {
  http: OutboundHttp;
  url: string;
  credentials: WebServiceCredentials;
  accept: string;
  timeoutMs: number;
  maxBytes: number;
}): Promise<Result<TextAnswer, GeoFailure>> {
  const sent = await sendOutbound(input.http, { url: input.url, method: 'GET', headers: maxmindHeaders(input.credentials, input.accept), timeoutMs: input.timeoutMs, maxBytes: input.maxBytes });
  if (!sent.ok) return err(classifyTransportError(sent.error));
  return ok({ status: sent.value.status, text: sent.value.body.toString('utf8') });
}
