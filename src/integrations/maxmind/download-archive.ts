import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import type { GeoEdition, GeoFailure, WebServiceCredentials } from '../../domain/geo/geo-gateway.js';
import { err, ok, type Result } from '../../shared/result.js';
import { ANSWER_LIMITS } from '../http/answer-limits.js';
import { classifyOutboundError } from '../http/classify-outbound-error.js';
import type { OutboundHttp } from '../http/create-outbound-http.js';
import { AnswerTooLargeError } from '../http/outbound-errors.js';
import { readCappedBody } from '../http/read-capped-body.js';
import { classifyTransportError } from './classify-transport-error.js';
import { downloadFailure } from './download-failure.js';
import { fileFailure } from './file-failure.js';
import { startIdleTimeout } from './idle-timeout.js';
import { maxmindHeaders } from './maxmind-headers.js';

export interface ArchiveDownload {
  http: OutboundHttp;
  url: string;
  edition: GeoEdition;
  credentials: WebServiceCredentials;
  timeoutMs: number;
  /** Where the archive goes; the caller removes it. */
  file: string;
}

/**
 * Streams the archive to `file` and hashes it on the way, so a 70 MB City archive never sits in
 * memory, and stops at ANSWER_LIMITS.maxmindArchive so an endless answer cannot fill the disk.
 * MaxMind answers 302 with a presigned storage URL; fetch follows it (through the same guarded
 * connections) and, the storage being another origin, does not forward our Authorization header
 * (the storage would refuse a second credential anyway).
 */
export async function downloadArchive(input: ArchiveDownload): Promise<Result<{ sha256: string }, GeoFailure>> {
  const idle = startIdleTimeout(input.timeoutMs);
  const host = new URL(input.url).host;
  const drop = new AbortController();
  try {
    const response = await input.http.fetch(input.url, { headers: maxmindHeaders(input.credentials, 'application/gzip'), signal: AbortSignal.any([idle.signal, drop.signal]) });
    if (!response.ok || !response.body) {
      const text = (await readCappedBody(response, ANSWER_LIMITS.maxmindText, host, () => drop.abort())).toString('utf8');
      return err(downloadFailure(response.status, text, input.edition, input.credentials.licenseKey));
    }
    const hash = createHash('sha256');
    let received = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > ANSWER_LIMITS.maxmindArchive) {
          drop.abort();
          return done(new AnswerTooLargeError(host, ANSWER_LIMITS.maxmindArchive));
        }
        hash.update(chunk);
        idle.restart();
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), hashing, createWriteStream(input.file, { mode: 0o600 }));
    return ok({ sha256: hash.digest('hex') });
  } catch (error) {
    // Node's file errors name the file; anything else broke on the way from MaxMind.
    if ((error as NodeJS.ErrnoException).path) return err(fileFailure(error, input.file, 'write'));
    return err(classifyTransportError(classifyOutboundError(error, host)));
  } finally {
    idle.stop();
  }
}
