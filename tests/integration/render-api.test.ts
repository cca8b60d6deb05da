import { describe, expect, it } from 'vitest';
import { createRelayToken } from '../../src/domain/relay/create-relay-token.js';
import { revokeRelayToken } from '../../src/domain/relay/revoke-relay-token.js';
import { fakeCatalogue } from '../fakes/amazon/index.js';
import { openProductsApp, refreshDue } from './products-setup.js';

/** Money-page blocks over HTTP: `/api/render/v1` with a render key, `/api/render/preview` with a session. */
const US = fakeCatalogue.wellKnown('us');
const BOX = `<p>Intro.</p>\n[passivewp box asin="${US.inStock}"]\n<p>Outro.</p>`;
const BROKEN = '[passivewp box asin="not-an-asin"]';

/** An engine with one fetched US product, a render key, a relay token and a revoked render key. */
async function openRenderApp() {
  const app = await openProductsApp();
  const ctx = app.engine.ctx;
  expect((await app.add(US.inStock, 'us')).statusCode).toBe(201);
  await refreshDue(ctx);
  const renderKey = (await createRelayToken(ctx, { name: 'blog' }, 'test', 'render')).token;
  const relayToken = (await createRelayToken(ctx, { name: 'other engine' }, 'test')).token;
  const revoked = await createRelayToken(ctx, { name: 'old blog' }, 'test', 'render');
  await revokeRelayToken(ctx, revoked.id, 'test', 'render');
  const views = async () => (await ctx.stores.products.findByAsin(US.inStock, 'us'))?.views;
  const render = (payload: unknown, authorization?: string, query = '') =>
    app.app.inject({ method: 'POST', url: `/api/render/v1${query}`, payload: payload as Record<string, unknown>, headers: authorization ? { authorization } : {} });
  return { ...app, renderKey, relayToken, revokedKey: revoked.token, views, render };
}

describe('POST /api/render/v1', () => {
  it('renders with a render key only: none, an unknown, a revoked or a relay-scoped key is refused and nothing is rendered or counted', async () => {
    const app = await openRenderApp();
    const title = (await app.engine.ctx.stores.products.findByAsin(US.inStock, 'us'))?.snapshot?.title;
    expect(title).toBeTruthy();
    for (const authorization of [undefined, 'Bearer pwk_never-issued', `Bearer ${app.revokedKey}`, `Bearer ${app.relayToken}`, app.renderKey]) {
      const response = await app.render({ content: BOX }, authorization);
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('render key') });
    }
    expect(await app.views()).toBe(0);

    const response = await app.render({ content: BOX, country: 'us', visitorIp: '203.0.113.9' }, `Bearer ${app.renderKey}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ html: string; css: string; blocks: number }>();
    expect(Object.keys(body).sort()).toEqual(['blocks', 'css', 'html']);
    expect(body.blocks).toBe(1);
    expect(body.html).toContain('<p>Intro.</p>');
    expect(body.html).toContain('data-pwp-block="box"');
    expect(body.html).toContain(title);
    expect(body.css).toContain('.pwp-');
    // A visitor's page view counts.
    expect(await app.views()).toBe(1);
    const key = (await app.engine.ctx.stores.relayTokens.list('render')).find((k) => k.name === 'blog');
    expect(key?.lastUsedAt).not.toBeNull();
  });

  it('keeps the two scopes apart: a render key opens no relay operation, a relay token still does', async () => {
    const app = await openRenderApp();
    const relay = (authorization: string) =>
      app.app.inject({ method: 'POST', url: '/api/relay/v1/getItems', payload: { marketplace: 'us', itemIds: [US.inStock] }, headers: { authorization } });
    expect((await relay(`Bearer ${app.renderKey}`)).statusCode).toBe(401);
    expect((await relay(`Bearer ${app.relayToken}`)).statusCode).not.toBe(401);
    expect((await app.engine.ctx.stores.relayTokens.list('relay')).map((t) => t.name)).toEqual(['other engine']);
    expect((await app.engine.ctx.stores.relayTokens.list('render')).map((t) => t.name)).toEqual(['blog', 'old blog']);
    // A render key cannot be revoked as a relay token (and so not from the relay's CLI).
    const blog = (await app.engine.ctx.stores.relayTokens.list('render'))[0]!;
    await expect(revokeRelayToken(app.engine.ctx, blog.id, 'test', 'relay')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses bad input with 400 validation_failed naming each field, and counts nothing', async () => {
    const app = await openRenderApp();
    const auth = `Bearer ${app.renderKey}`;
    const cases: Array<[unknown, string[]]> = [
      [{}, ['content']],
      [{ content: 42 }, ['content']],
      [{ content: BOX, country: 'Germany' }, ['country']],
      [{ content: BOX, visitorIp: 'not-an-address' }, ['visitorIp']],
      [{ content: BOX, country: 'DEU', visitorIp: '1.2.3' }, ['country', 'visitorIp']],
      [{ content: `${BOX}${'x'.repeat(1024 * 1024)}` }, ['content']],
    ];
    for (const [payload, fields] of cases) {
      const response = await app.render(payload, auth);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      const body = response.json<{ code: string; fields: Array<{ field: string }> }>();
      expect(body.code).toBe('validation_failed');
      expect(body.fields.map((f) => f.field).sort()).toEqual(fields);
    }
    expect(await app.views()).toBe(0);
  });

  it('tells the calling server about problems only with ?debug=1; the visitor sees no warning either way', async () => {
    const app = await openRenderApp();
    const auth = `Bearer ${app.renderKey}`;
    const plain = (await app.render({ content: `${BOX}\n${BROKEN}` }, auth)).json<Record<string, unknown>>();
    expect(plain).not.toHaveProperty('problems');
    expect(plain.html).not.toContain('pwp-warning');
    const debug = await app.render({ content: `${BOX}\n${BROKEN}` }, auth, '?debug=1');
    expect(debug.statusCode).toBe(200);
    const body = debug.json<{ html: string; problems: Array<{ code: string; message: string }> }>();
    expect(body.problems.map((p) => p.code)).toContain('broken_shortcode');
    expect(body.html).not.toContain('pwp-warning');
  });
});

describe('POST /api/render/preview', () => {
  it('needs a session and its CSRF token; shows problems inline and in the answer, and counts no views', async () => {
    const app = await openRenderApp();
    const content = `${BOX}\n${BROKEN}`;
    const anonymous = await app.app.inject({ method: 'POST', url: '/api/render/preview', payload: { content } });
    expect(anonymous.statusCode).toBe(401);
    // A render key is no session.
    const withKey = await app.app.inject({ method: 'POST', url: '/api/render/preview', payload: { content }, headers: { authorization: `Bearer ${app.renderKey}` } });
    expect(withKey.statusCode).toBe(401);
    const noCsrf = await app.app.inject({ method: 'POST', url: '/api/render/preview', payload: { content }, headers: { cookie: app.auth.cookie } });
    expect(noCsrf.statusCode).toBe(403);

    const response = await app.call('POST', '/api/render/preview', { content, country: 'CA' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ html: string; css: string; blocks: number; problems: Array<{ code: string; message: string; excerpt?: string }> }>();
    expect(body.blocks).toBe(1);
    expect(body.css).toContain('.pwp-');
    expect(body.problems).toContainEqual(expect.objectContaining({ code: 'broken_shortcode', excerpt: expect.stringContaining('not-an-asin') }));
    expect(body.html).toContain('pwp-warning');
    expect(await app.views()).toBe(0);

    const bad = await app.call('POST', '/api/render/preview', { content: BOX, country: 'D' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'country' }] });
  });
});
