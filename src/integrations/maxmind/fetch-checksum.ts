import type { GeoEdition, GeoFailure, WebServiceCredentials } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { ANSWER_LIMITS } from '../http/answer-limits.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { downloadFailure } from './download-failure.js';
import { fetchMaxMindText } from './fetch-maxmind-text.js';

export interface PublishedChecksum {
  sha256: string;
  /** `<edition>_YYYYMMDD.tar.gz`: the release it describes. */
  archiveName: string;
}

/** MaxMind's sha256 of the current archive of an edition, in `sha256sum` format: `<64 hex>  <edition>_YYYYMMDD.tar.gz`. */
export async function fetchChecksum(input: { http: OutboundHttp; url: string; edition: GeoEdition; credentials: WebServiceCredentials; timeoutMs: number }): Promise<Result<PublishedChecksum, GeoFailure>> {
  const answer = await fetchMaxMindText({ ...input, accept: 'text/plain', maxBytes: ANSWER_LIMITS.maxmindText });
  if (!answer.ok) return answer;
  const { status, text } = answer.value;
  if (status !== 200) return err(downloadFailure(status, text, input.edition, input.credentials.licenseKey));
  const match = /^([0-9a-fA-F]{64}) +(\S+\.tar\.gz)$/.exec(text.trim());
  if (!match) return err({ cause: 'unexpected_response', detail: `MaxMind's checksum of ${input.edition} is not "<sha256>  <file>.tar.gz"` });
  return ok({ sha256: match[1]!.toLowerCase(), archiveName: match[2]! });
}
