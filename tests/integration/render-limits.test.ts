import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import { REFRESH_BATCH_JOB } from '../../src/domain/products/refresh-jobs.js';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { RENDER_KEY_RATE } from '../../src/domain/render-requests/render-key-rate-limit.js';
import { MAX_CONTENT_BYTES } from '../../src/domain/render-requests/render-request.js';
import { MAX_NEW_PRODUCTS_PER_RENDER, MAX_SHORTCODES_PER_RENDER } from '../../src/domain/render/render-limits.js';
import { searchKey } from '../../src/domain/searches/saved-search.js';
import { renderContent } from '../../src/render/render-content.js';
import { openProductsApp } from './products-setup.js';

/** Bounded work per render: a post cannot make one page view cost the engine (or its database and quota) without limit. */
const asin = (i: number) => `B${String(i).padStart(9, '0')}`;
const box = (i: number) => `[passivewp box asin="${asin(i)}"]\n`;

/** As many box shortcodes of never-seen products as fit in the largest post a render takes. */
function megabyteOfBoxes(): { content: string; count: number } {
  const parts: string[] = [];
  let size = 0;
  for (let i = 1; size + box(i).length <= MAX_CONTENT_BYTES; i += 1) {
    parts.push(box(i));
    size += box(i).length;
  }
  return { content: parts.join(''), count: parts.length };
}

async function countProducts(ctx: EngineContext): Promise<number> {
  return (await ctx.stores.products.marketplaces()).reduce((sum, m) => sum + m.count, 0);
}

async function openRenderKeyApp() {
  const app = await openProductsApp();
  const ctx = app.engine.ctx;
  const key = (await createRelayToken(ctx, { name: 'blog' }, 'test', 'render')).token;
  return { ...app, ctx, key };
}

describe('a render request does bounded work', () => {
  it('a 1 MB post of box shortcodes: 200 rendered, 20 products added, the rest reported; /api/health answers while it runs', async () => {
    const app = await openRenderKeyApp();
    const { content, count } = megabyteOfBoxes();
    expect(count).toBeGreaterThan(30_000);
    const origin = await app.app.listen({ host: '127.0.0.1', port: 0 });
    const finished: string[] = [];
    const rendering = fetch(`${origin}/api/render/v1?debug=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content, country: 'US' }),
    }).then(async (response) => {
      finished.push('render');
      return { status: response.status, body: (await response.json()) as { html: string; blocks: number; problems: Array<{ code: string; message: string; excerpt?: string }> } };
    });

    // Once the render has added its first product it is under way: a health check sent now must not wait for it.
    while ((await countProducts(app.ctx)) === 0 && !finished.length) await nextTurn();
    const health = await fetch(`${origin}/api/health`).then(async (response) => {
      finished.push('health');
      return response.json();
    });
    const rendered = await rendering;
    expect(health).toMatchObject({ status: 'ok' });
    expect(finished).toEqual(['health', 'render']);

    expect(rendered.status).toBe(200);
    const { html, blocks, problems } = rendered.body;
    expect(blocks).toBe(MAX_SHORTCODES_PER_RENDER);
    expect(html.match(/data-pwp-block="box"/g)).toHaveLength(MAX_SHORTCODES_PER_RENDER);
    // Past the allowance, a box is a tagged link, as for a product never seen; past the cap, nothing.
    expect(html).toContain(`href="https://www.amazon.com/dp/${asin(MAX_SHORTCODES_PER_RENDER)}?tag=mytag-20"`);
    expect(html).not.toContain(asin(MAX_SHORTCODES_PER_RENDER + 1));
    expect(html).not.toContain('[passivewp');
    expect(problems).toContainEqual(expect.objectContaining({ code: 'too_many_shortcodes', message: expect.stringContaining(`${(count - MAX_SHORTCODES_PER_RENDER).toLocaleString('en')} after them`), excerpt: box(MAX_SHORTCODES_PER_RENDER + 1).trim() }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'too_many_new_products', message: expect.stringContaining(`${MAX_SHORTCODES_PER_RENDER - MAX_NEW_PRODUCTS_PER_RENDER} more were not added`) }));

    // Only the allowance was stored, each with one queued refresh.
    expect(await countProducts(app.ctx)).toBe(MAX_NEW_PRODUCTS_PER_RENDER);
    expect(await app.ctx.stores.products.findByAsin(asin(MAX_NEW_PRODUCTS_PER_RENDER), 'us')).toMatchObject({ addedBy: 'render' });
    expect(await app.ctx.stores.products.findByAsin(asin(MAX_NEW_PRODUCTS_PER_RENDER + 1), 'us')).toBeUndefined();
    const queued = await app.ctx.jobs.list({ name: REFRESH_BATCH_JOB, limit: 100 });
    expect(queued.length).toBeLessThanOrEqual(MAX_NEW_PRODUCTS_PER_RENDER);
    // A later view adds the next ones.
    await renderContent(app.ctx, { content, visitor: {}, mode: 'visitor' });
    expect(await countProducts(app.ctx)).toBe(2 * MAX_NEW_PRODUCTS_PER_RENDER);
  });

  it('lists count as the products they will show: new saved searches past the allowance are not saved, and show a tagged search link', async () => {
    const app = await openRenderKeyApp();
    // Ten products of the allowance left: two lists of five fit, the third does not.
    const content = [...Array.from({ length: 10 }, (_, i) => box(i + 1)), ...['kettle', 'teapot', 'mug'].map((search) => `[passivewp list search="${search}" count="5"]`)].join('');
    const rendered = await renderContent(app.ctx, { content, visitor: {}, mode: 'admin' });
    const saved = async (keywords: string) => app.ctx.stores.savedSearches.findByKey(searchKey({ marketplace: 'us', keywords, browseNode: null, sort: 'relevance', count: 5 }));
    expect(await saved('kettle')).toBeDefined();
    expect(await saved('teapot')).toBeDefined();
    expect(await saved('mug')).toBeUndefined();
    expect(await countProducts(app.ctx)).toBe(10);
    expect(rendered.problems).toContainEqual(expect.objectContaining({ code: 'too_many_new_products', excerpt: expect.stringContaining('mug') }));
    expect(rendered.html).toContain('href="https://www.amazon.com/s?k=mug&amp;tag=mytag-20"');
    expect(rendered.html).toMatch(/class="pwp-warning"[^>]*>.*One page view adds at most 20 new products/);
  });

  it('limits each render key on its own: past the burst, 429 rate_limited with Retry-After before the body is read; other keys still render', async () => {
    const app = await openRenderKeyApp();
    const other = (await createRelayToken(app.ctx, { name: 'other blog' }, 'test', 'render')).token;
    const render = (key: string, payload: string) =>
      app.app.inject({ method: 'POST', url: '/api/render/v1', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload });
    const post = JSON.stringify({ content: '<p>Hello</p>' });
    // The engine's clock stands still, so no request is earned back meanwhile.
    const started = app.ctx.clock.now().getTime();
    app.ctx.clock = { now: () => new Date(started) };
    for (let i = 0; i < RENDER_KEY_RATE.burst; i += 1) expect((await render(app.key, post)).statusCode).toBe(200);

    const refused = await render(app.key, JSON.stringify({ content: box(1) }));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Try again in 1 second') });
    expect(refused.headers['retry-after']).toBe('1');
    expect(await countProducts(app.ctx)).toBe(0);
    // Refused before the body is parsed: a malformed body is not even looked at (nor is it without a valid key).
    expect((await render(app.key, '{"content": ')).statusCode).toBe(429);
    expect((await render('pwk_never-issued', '{"content": ')).statusCode).toBe(401);
    expect((await render(other, post)).statusCode).toBe(200);

    // A second later the key has earned ten more requests.
    app.ctx.clock = { now: () => new Date(started + 1000) };
    for (let i = 0; i < RENDER_KEY_RATE.perSecond; i += 1) expect((await render(app.key, post)).statusCode).toBe(200);
    expect((await render(app.key, post)).statusCode).toBe(429);
  });
});
