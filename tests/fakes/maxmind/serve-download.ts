import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GEO_EDITIONS, type GeoEdition } from '../../../src/domain/geo/geo-gateway.js';
import { buildArchive, type FakeArchive } from './build-archive.js';
import { text, type FakeAnswer } from './fake-answer.js';
import type { FakeMaxMindState } from './fake-maxmind-state.js';
import { readBasicAuth } from './read-basic-auth.js';

/** Archives built so far (by edition and served file) and the presigned links handed out. */
export interface DownloadShelf {
  archives: Map<string, Promise<FakeArchive>>;
  presigned: Map<string, FakeArchive>;
}

/**
 * MaxMind's download API: `GET /geoip/databases/{edition}/download?suffix=tar.gz.sha256` answers
 * the checksum line, `?suffix=tar.gz` redirects (302) to a presigned storage link.
 */
export async function serveDownload(request: IncomingMessage, rawEdition: string, suffix: string | null, state: FakeMaxMindState, shelf: DownloadShelf): Promise<FakeAnswer> {
  const auth = readBasicAuth(request, state.accounts);
  if (auth.kind !== 'ok') return text(401, 'Invalid account ID or license key');
  const edition = decodeURIComponent(rawEdition);
  if (!isEdition(edition)) return text(404, 'Database edition not found');
  if (!(auth.account.editions ?? GEO_EDITIONS).includes(edition)) return text(403, 'Invalid product ID or subscription expired');
  const archive = await archiveOf(edition, state, shelf);
  if (suffix === 'tar.gz.sha256') return text(200, `${createHash('sha256').update(archive.bytes).digest('hex')}  ${archive.name}\n`);
  if (suffix !== 'tar.gz') return text(400, 'Invalid suffix');
  const signature = randomBytes(16).toString('hex');
  shelf.presigned.set(signature, archive);
  return { status: 302, headers: { location: `http://${request.headers.host}/presigned/${archive.name}?X-Amz-Expires=600&X-Amz-Signature=${signature}` }, body: '' };
}

/** The storage behind the presigned link: no MaxMind credentials, only the signature. */
export function servePresigned(signature: string | null, state: FakeMaxMindState, shelf: DownloadShelf): FakeAnswer {
  const archive = signature ? shelf.presigned.get(signature) : undefined;
  if (!archive) return { status: 403, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>AccessDenied</Code></Error>' };
  state.duringArchive?.();
  let bytes = archive.bytes;
  if (state.corruptNextArchive) {
    state.corruptNextArchive = false;
    bytes = Buffer.from(bytes);
    bytes[bytes.length >> 1]! ^= 0xff;
  }
  return { status: 200, headers: { 'content-type': 'application/gzip', 'content-length': String(bytes.length) }, body: bytes };
}

function isEdition(value: string): value is GeoEdition {
  return (GEO_EDITIONS as readonly string[]).includes(value);
}

function archiveOf(edition: GeoEdition, state: FakeMaxMindState, shelf: DownloadShelf): Promise<FakeArchive> {
  const file = state.databases[edition];
  const key = `${edition}\n${file}`;
  let archive = shelf.archives.get(key);
  if (!archive) {
    archive = buildArchive(edition, file);
    shelf.archives.set(key, archive);
  }
  return archive;
}
