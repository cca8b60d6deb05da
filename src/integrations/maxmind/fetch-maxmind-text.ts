import type { GeoFailure, WebServiceCredentials } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { classifyTransportError } from './classify-transport-error.js';
import { maxmindHeaders } from './maxmind-headers.js';

export interface TextAnswer {
  status: number;
  text: string;
}

/** One authenticated GET with a short answer (web service, checksum, error bodies); any HTTP answer is a success here. */
export async function fetchMaxMindText(input: { url: string; credentials: WebServiceCredentials; accept: string; timeoutMs: number }): Promise<Result<TextAnswer, GeoFailure>> {
  try {
    const response = await fetch(input.url, { headers: maxmindHeaders(input.credentials, input.accept), signal: AbortSignal.timeout(input.timeoutMs) });
    return ok({ status: response.status, text: await response.text() });
  } catch (error) {
    return err(classifyTransportError(error, new URL(input.url).host));
  }
}
