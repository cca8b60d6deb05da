import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MARKETPLACES } from '../../src/domain/marketplaces/catalogue.js';
import { fakeCatalogue } from '../../tests/fakes/amazon/data/fake-catalogue.js';
import { header, json, readBody, type FakeRequest, type FakeResponse } from '../../tests/fakes/amazon/http.js';
import { FakeAmazonState, type ScenarioPatch } from '../../tests/fakes/amazon/index.js';
import { toLogEntry } from '../../tests/fakes/amazon/request-log.js';
import { dispatch } from '../../tests/fakes/amazon/router.js';

/**
 * The fake Amazon (its own token endpoints, Creators handler, rate limiter and request log) for a
 * catalogue of any size. The fake's catalogue holds about 170 ASINs per store, and an ASIN it does
 * not know comes back as "not found", which would put the product on the slow back-off instead of
 * measuring freshness. So every ASIN made by `generatedAsin` is answered as one of the store's
 * standalone catalogue items: before the fake sees a GetItems body, each generated ASIN is swapped
 * for a distinct catalogue ASIN, and the answer is swapped back. The request log keeps the body as
 * the client sent it. Everything else passes through the fake untouched.
 */

const GENERATED_PREFIX = 'B9';
const CATALOGUE_HOST = 'creatorsapi.amazon';
const CODE_BY_DOMAIN = new Map(MARKETPLACES.map((m) => [m.domain, m.code]));

/** A valid ASIN (B9 + 8 base-36 characters) that no catalogue ASIN collides with. */
export function generatedAsin(n: number): string {
  return `${GENERATED_PREFIX}${n.toString(36).toUpperCase().padStart(8, '0')}`;
}

export interface ManyAsinsFake {
  origin: string;
  state: FakeAmazonState;
  close(): Promise<void>;
}

export async function startManyAsinsFake(options: ScenarioPatch & { clock: () => number }): Promise<ManyAsinsFake> {
  const { clock, ...scenario } = options;
  const state = new FakeAmazonState(scenario, clock);
  const standalone = new Map<string, string[]>();
  let rotation = 0;

  /** Swaps generated ASINs for distinct catalogue ones; the reverse map, or undefined when nothing was swapped. */
  function alias(request: FakeRequest): { request: FakeRequest; back: Map<string, string> } | undefined {
    if (request.host !== CATALOGUE_HOST || request.path !== '/catalog/v1/getItems') return undefined;
    const code = CODE_BY_DOMAIN.get(header(request, 'x-marketplace')?.trim().toLowerCase() ?? '');
    if (!code) return undefined;
    let pool = standalone.get(code);
    if (!pool) standalone.set(code, (pool = fakeCatalogue.standaloneAsins(code)));
    let body: { itemIds?: unknown };
    try {
      body = JSON.parse(request.rawBody.toString('utf8')) as { itemIds?: unknown };
    } catch {
      return undefined;
    }
    if (!Array.isArray(body.itemIds) || !body.itemIds.some((id) => typeof id === 'string' && id.startsWith(GENERATED_PREFIX))) return undefined;
    const back = new Map<string, string>();
    body.itemIds = body.itemIds.map((id: unknown, i: number) => {
      if (typeof id !== 'string' || !id.startsWith(GENERATED_PREFIX)) return id;
      const stand = pool[(rotation + i) % pool.length]!;
      back.set(stand, id);
      return stand;
    });
    rotation = (rotation + 10) % pool.length;
    return { request: { ...request, rawBody: Buffer.from(JSON.stringify(body)) }, back };
  }

  const server = createServer((message, response) => {
    void (async () => {
      let answer: FakeResponse;
      let text: string;
      try {
        const url = new URL(message.url ?? '/', 'http://fake.invalid');
        const [, host = '', ...rest] = url.pathname.split('/');
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
        const swapped = alias(request);
        answer = dispatch(swapped?.request ?? request, state);
        entry.status = answer.status;
        text = JSON.stringify(answer.body);
        if (swapped) for (const [stand, generated] of swapped.back) text = text.split(stand).join(generated);
      } catch (error) {
        answer = json(500, { message: `The fake Amazon failed: ${error instanceof Error ? error.message : String(error)}` });
        text = JSON.stringify(answer.body);
      }
      response.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), ...answer.headers });
      response.end(text);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
