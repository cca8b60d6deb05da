import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../openai/listen-on-loopback.js';
import { findMarketplace } from '../../../src/domain/marketplaces/find-marketplace.js';
import type { Product } from '../../../src/domain/products/product.js';

/**
 * A PassiveWP relay on loopback that speaks the relay protocol (`POST /api/relay/v1/:operation`,
 * `Authorization: Bearer <token>`, JSON `{ result }` answers and `{ code, message }` errors), but
 * whose answers a test may tamper with: the hostile or broken relay a client must survive.
 */
export interface FakeRelay {
  /** `http://127.0.0.1:PORT`, the Relay URL. */
  origin: string;
  /** The one relay token it accepts. */
  token: string;
  /** Every authorised request: operation and JSON body. */
  requests: Array<{ operation: string; body: Record<string, unknown> }>;
  /** Bytes written in answers so far (a streamed answer the client dropped stops counting). */
  bytesSent(): number;
  /** From now on, answers are what `tamper` makes of the honest answer; null restores honest answers. */
  answerWith(tamper: Tamper | null): void;
  close(): Promise<void>;
}

/** What to send instead: a status, content type and body (JSON-encoded unless a string), or an endless JSON stream. */
export type FakeAnswer = { status?: number; contentType?: string; body: unknown } | { streamBytes: number };
export type Tamper = (honest: { result: Record<string, unknown> }, request: { operation: string; body: Record<string, unknown> }) => FakeAnswer;

/** The relay owner's own tag: the client must replace it with its own. */
export const RELAY_OWNER_TAG = 'relayowner-21';

/** A product as an honest relay sends it: fetched now, on the asked store, Amazon's link with the relay owner's tag. */
export function relayProduct(asin: string, marketplace: string, at = new Date()): Product {
  const store = findMarketplace(marketplace)!;
  return {
    asin,
    marketplace: store.code,
    parentAsin: null,
    title: `Relay kettle ${asin}`,
    brand: 'Acme',
    features: ['Boils fast', 'Keeps warm'],
    images: { primary: { url: `https://m.media-amazon.com/images/I/${asin}._SL500_.jpg`, width: 500, height: 500 }, variants: [] },
    price: { amount: 24.99, currency: store.currency, display: `24,99 ${store.currency}` },
    savings: null,
    listPrice: null,
    availability: { type: 'IN_STOCK', message: 'In stock' },
    rating: { stars: 4.5, count: 120 },
    detailPageUrl: `https://${store.domain}/dp/${asin}?tag=${RELAY_OWNER_TAG}&linkCode=ogi&th=1&psc=1`,
    source: 'creators',
    fetchedAt: at.toISOString(),
  };
}

/** Search answers: this many products with ASINs made from the keywords' position. */
const searchAsins = (count: number) => Array.from({ length: count }, (_, i) => `B0SEARCH${String(i).padStart(2, '0')}`);

function honestAnswer(operation: string, body: Record<string, unknown>): { result: Record<string, unknown> } {
  const marketplace = String(body.marketplace);
  switch (operation) {
    case 'getItems':
      return { result: { items: (body.itemIds as string[]).map((asin) => relayProduct(asin, marketplace)), itemErrors: [] } };
    case 'searchItems': {
      const asins = searchAsins(Number(body.itemCount ?? 3));
      return { result: { items: asins.map((asin) => relayProduct(asin, marketplace)), totalResultCount: asins.length, searchUrl: `https://${findMarketplace(marketplace)!.domain}/s?k=kettle&tag=${RELAY_OWNER_TAG}` } };
    }
    case 'getVariations':
      return { result: { items: [relayProduct(String(body.asin), marketplace)], variationCount: 1, pageCount: 1 } };
    default:
      return { result: { browseNodes: [] } };
  }
}

export async function startFakeRelay(token = 'pwr_fake-relay-token-0001'): Promise<FakeRelay> {
  const requests: FakeRelay['requests'] = [];
  let tamper: Tamper | null = null;
  let sent = 0;

  const send = (response: ServerResponse, status: number, contentType: string, text: string) => {
    sent += Buffer.byteLength(text);
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) }).end(text);
  };
  const sendJson = (response: ServerResponse, status: number, value: unknown) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

  /** Keeps writing a JSON array of products until `total` bytes or until the client hangs up. */
  const stream = (response: ServerResponse, total: number) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.from(`${JSON.stringify(relayProduct('B0STREAM01', 'de'))},`.repeat(200));
    let written = 0;
    const pump = () => {
      while (written < total && !response.destroyed) {
        written += chunk.length;
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end(']}}');
    };
    response.write('{"result":{"itemErrors":[],"items":[');
    response.on('close', () => (written = total));
    pump();
  };

  const server = await listenOnLoopback((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const operation = /^\/api\/relay\/v1\/([A-Za-z]+)$/.exec(request.url ?? '')?.[1];
      if (request.method !== 'POST' || !operation) return sendJson(response, 404, { code: 'not_found', message: `No route for ${request.method} ${request.url}.` });
      if (request.headers.authorization !== `Bearer ${token}`) return sendJson(response, 401, { code: 'unauthenticated', message: 'A valid relay token is required (Authorization: Bearer …).' });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      requests.push({ operation, body });
      const honest = honestAnswer(operation, body);
      const answer: FakeAnswer = tamper ? tamper(honest, { operation, body }) : { body: honest };
      if ('streamBytes' in answer) return stream(response, answer.streamBytes);
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      send(response, answer.status ?? 200, answer.contentType ?? 'application/json; charset=utf-8', text);
    });
  });
  return {
    origin: server.origin,
    token,
    requests,
    bytesSent: () => sent,
    answerWith: (next) => void (tamper = next),
    close: () => server.close(),
  };
}
