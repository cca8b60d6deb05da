import { LOOK_AGAIN_MS } from '../../src/render/load-templates.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../src/domain/context.js';
import { REFRESH_BATCH_JOB } from '../../src/domain/products/refresh-jobs.js';
import { auditRenderedHtml } from '../../src/domain/render/audit-rendered-html.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { renderContent, type RenderContentInput, type RenderedContent } from '../../src/render/render-content.js';
import { fakeCatalogue } from '../fakes/amazon/index.js';
import { EU, NA, row } from './amazon-check-setup.js';
import { openProductsApp, refreshDue, settleJobs, type ProductsApp } from './products-setup.js';
import { placeGeoDatabase } from '../helpers/place-geo-database.js';

const HOUR = 3_600_000;
const DISCLOSURE = 'As an Amazon Associate I earn from qualifying purchases.';

/** US and Canada through the NA credential, Germany through its own row credential; France, the UK … have no tag of their own. */
const settings = {
  mode: 'creators',
  creatorsCredentialId: NA.id,
  creatorsCredentialSecret: NA.secret,
  creatorsCredentialVersion: NA.version,
  defaultCountry: 'us',
  defaultPartnerTag: 'mytag-20',
  marketplaces: [row('us', 'mytag-20'), row('de', 'mytag-21', { credentials: { creatorsCredentialId: EU.id, creatorsCredentialSecret: EU.secret, creatorsCredentialVersion: EU.version } })],
};

const usAsins = new Set(fakeCatalogue.standaloneAsins('us'));
/** Sold with a price and a rating in the US and in Germany. */
const BOTH = fakeCatalogue.standaloneAsins('de').find((a) => usAsins.has(a) && fakeCatalogue.item('us', a)?.price && fakeCatalogue.item('us', a)?.rating && fakeCatalogue.item('de', a)?.price)!;
/** Sold in the US, unknown in Germany. */
const US_ONLY = [...usAsins].find((a) => fakeCatalogue.item('us', a)?.price && !fakeCatalogue.marketplacesOf(a).includes('de'))!;

interface RenderApp extends ProductsApp {
  ctx: EngineContext;
  render(content: string, options?: Partial<RenderContentInput>): Promise<RenderedContent>;
}

/** An engine with the fake Amazon, the settings above and `asins` fetched (fresh) in the US. */
async function openRenderApp(asins: string[] = [BOTH]): Promise<RenderApp> {
  const app = await openProductsApp(settings);
  const ctx = app.engine.ctx;
  await saveSection(ctx, { sectionId: 'general', values: { timeZone: 'Europe/Berlin', affiliateDisclosure: DISCLOSURE }, actor: 'test', ip: null });
  for (const asin of asins) expect((await app.add(asin, 'us')).statusCode).toBe(201);
  if (asins.length) await refreshDue(ctx);
  return {
    ...app,
    ctx,
    async render(content, options = {}) {
      const rendered = await renderContent(ctx, { content, visitor: {}, mode: 'visitor', ...options });
      // Whatever the state, our output itself passes the audit.
      const disclosure = (await ctx.stores.settings.read('general')).length ? DISCLOSURE : null;
      expect(auditRenderedHtml(rendered.html, { disclosure })).toEqual([]);
      return rendered;
    },
  };
}

/** The start tags of elements with a class, parser-free. */
const tagsWithClass = (html: string, cls: string) => html.match(new RegExp(`<[a-z]+\\b[^>]*class="(?:[^"]*\\s)?${cls}(?:\\s[^"]*)?"[^>]*>`, 'g')) ?? [];
const amazonAnchors = (html: string) => html.match(/<a\b[^>]*href="https:\/\/www\.amazon\.[^"]*"[^>]*>/g) ?? [];
const hrefOf = (tag: string) => /href="([^"]*)"/.exec(tag)?.[1]?.replaceAll('&amp;', '&') ?? '';
const shift = (ctx: EngineContext, ms: number) => {
  const base = ctx.clock.now().getTime() + ms;
  const started = Date.now();
  ctx.clock = { now: () => new Date(base + (Date.now() - started)) };
};

describe('money-page blocks', () => {
  it('a fresh product box: image, title, features, price with its time and note, rating, a tagged sponsored button', async () => {
    const app = await openRenderApp();
    const { html, css, problems, blocks } = await app.render('<p>Intro</p>[passivewp box asin="' + BOTH + '"]<p>End</p>');
    const item = fakeCatalogue.item('us', BOTH)!;
    expect(blocks).toBe(1);
    expect(problems).toEqual([]);
    expect(html.startsWith('<p>Intro</p><span class="pwp-disclosure" role="note">' + DISCLOSURE + '</span>')).toBe(true);
    expect(tagsWithClass(html, 'pwp-box')[0]).toContain('data-pwp-state="fresh"');
    expect(html).toContain(`<img class="pwp-image" src="${item.imageUrl}" alt="${item.title}"`);
    expect(html).toContain(`>${item.title}</a>`);
    expect(tagsWithClass(html, 'pwp-features')).toHaveLength(1);
    expect((html.match(/<li>/g) ?? []).length).toBeGreaterThan(0);
    expect((html.match(/<li>/g) ?? []).length).toBeLessThanOrEqual(5);
    expect(html).toContain(`<span class="pwp-price">${item.price!.displayAmount}</span>`);
    expect(html).toMatch(/Price as of <time datetime="\d{4}-\d\d-\d\dT[^"]+Z">[^<]*(GMT\+1|GMT\+2|CET|CEST)<\/time>\. Prices and availability may change\./);
    expect(html).toContain(`${item.rating!.value}/5 (${item.rating!.count.toLocaleString('en-US')} ratings)`);
    const button = tagsWithClass(html, 'pwp-button')[0]!;
    expect(button).toContain('rel="sponsored noopener"');
    expect(hrefOf(button)).toMatch(new RegExp(`^https://www\\.amazon\\.com/dp/${BOTH}\\?tag=mytag-20&linkCode=`));
    expect(html).toContain('>Buy on Amazon</a>');
    expect(html.endsWith('<p>End</p>')).toBe(true);
    expect(css).toMatch(/\.pwp-box\s*\{/);
    expect(css.match(/(^|\})\s*\.[a-z-]+/g)?.every((rule) => rule.includes('.pwp-'))).toBe(true);
    expect(html).not.toContain('<style>');
  });

  it('after 24 hours: no price and no product data, still a tagged link', async () => {
    const app = await openRenderApp();
    shift(app.ctx, 25 * HOUR);
    const { html } = await app.render(`[passivewp box asin="${BOTH}"] [passivewp link asin="${BOTH}"]the charger[/passivewp]`);
    expect(tagsWithClass(html, 'pwp-box')[0]).toContain('data-pwp-state="no_data"');
    expect(tagsWithClass(html, 'pwp-price')).toEqual([]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain(fakeCatalogue.item('us', BOTH)!.title);
    expect(html).toContain('>View on Amazon</a>');
    expect(html).toContain('>the charger</a>');
    for (const anchor of amazonAnchors(html)) expect(hrefOf(anchor)).toBe(`https://www.amazon.com/dp/${BOTH}?tag=mytag-20`);
  });

  it('a product never seen is added (actor render) and its refresh queued; meanwhile a tagged link', async () => {
    const app = await openRenderApp([]);
    const { html } = await app.render(`[passivewp link asin="${BOTH}"]a charger[/passivewp]`);
    expect(html).toContain(`href="https://www.amazon.com/dp/${BOTH}?tag=mytag-20"`);
    expect(tagsWithClass(html, 'pwp-link')[0]).toContain('data-pwp-state="no_data"');
    const added = await app.ctx.stores.products.findByAsin(BOTH, 'us');
    expect(added).toMatchObject({ addedBy: 'render' });
    const jobs = await app.ctx.jobs.list({ name: REFRESH_BATCH_JOB, limit: 10 });
    expect(jobs.some((job) => JSON.stringify(job.data).includes(added!.id))).toBe(true);
    // Once the refresh has run, the next view shows the product.
    await settleJobs(app.ctx);
    expect(tagsWithClass((await app.render(`[passivewp box asin="${BOTH}"]`)).html, 'pwp-box')[0]).toContain('data-pwp-state="fresh"');
  });

  it('a product Amazon does not find: a tagged search for it, no product data', async () => {
    const app = await openRenderApp([fakeCatalogue.unknownAsin]);
    const { html } = await app.render(`[passivewp box asin="${fakeCatalogue.unknownAsin}"]`);
    expect(tagsWithClass(html, 'pwp-box')[0]).toContain('data-pwp-state="not_found"');
    expect(hrefOf(tagsWithClass(html, 'pwp-button')[0]!)).toBe(`https://www.amazon.com/s?k=${fakeCatalogue.unknownAsin}&tag=mytag-20`);
    expect(tagsWithClass(html, 'pwp-price')).toEqual([]);
  });

  it('localizes: a German visitor gets the de product with the de tag, in German', async () => {
    const app = await openRenderApp([BOTH]);
    expect((await app.add(BOTH, 'de')).statusCode).toBe(201);
    await refreshDue(app.ctx);
    const { html } = await app.render(`[passivewp box asin="${BOTH}"]`, { visitor: { country: 'DE' } });
    const de = fakeCatalogue.item('de', BOTH)!;
    expect(hrefOf(tagsWithClass(html, 'pwp-button')[0]!)).toMatch(new RegExp(`^https://www\\.amazon\\.de/dp/${BOTH}\\?tag=mytag-21&`));
    expect(html).toContain(`<span class="pwp-price">${de.price!.displayAmount}</span>`);
    expect(html).toContain('>Bei Amazon kaufen</a>');
    expect(html).toContain('Preis vom <time');
    // The same from the visitor's address, through the MaxMind database.
    await saveSection(app.ctx, { sectionId: 'geolocation', values: { databasePath: placeGeoDatabase(app.dataDir, 'GeoLite2-Country-Test.mmdb') }, actor: 'test', ip: null });
    const byIp = await app.render(`[passivewp box asin="${BOTH}"]`, { visitor: { ip: '2a02:d180::1' } });
    expect(hrefOf(tagsWithClass(byIp.html, 'pwp-button')[0]!)).toContain('https://www.amazon.de/');
    // An address the database does not know keeps the block's own store.
    expect(hrefOf(tagsWithClass((await app.render(`[passivewp box asin="${BOTH}"]`, { visitor: { ip: '10.1.2.3' } })).html, 'pwp-button')[0]!)).toContain('https://www.amazon.com/');
  });

  it('a visitor whose store has no tag keeps the block’s marketplace', async () => {
    const app = await openRenderApp([BOTH]);
    const { html } = await app.render(`[passivewp box asin="${BOTH}"]`, { visitor: { country: 'FR' } });
    expect(hrefOf(tagsWithClass(html, 'pwp-button')[0]!)).toMatch(new RegExp(`^https://www\\.amazon\\.com/dp/${BOTH}\\?tag=mytag-20&`));
    expect(await app.ctx.stores.products.findByAsin(BOTH, 'fr')).toBeUndefined();
  });

  it('a product not in the visitor’s store: added there, meanwhile a search there with that store’s tag (or the original store)', async () => {
    const app = await openRenderApp([US_ONLY]);
    const { html } = await app.render(`[passivewp box asin="${US_ONLY}"]`, { visitor: { country: 'DE' } });
    expect(tagsWithClass(html, 'pwp-box')[0]).toContain('data-pwp-state="search"');
    expect(hrefOf(tagsWithClass(html, 'pwp-button')[0]!)).toBe(`https://www.amazon.de/s?k=${US_ONLY}&tag=mytag-21`);
    expect(html).toContain(fakeCatalogue.item('us', US_ONLY)!.title);
    expect(tagsWithClass(html, 'pwp-price')).toEqual([]);
    expect(await app.ctx.stores.products.findByAsin(US_ONLY, 'de')).toMatchObject({ addedBy: 'render' });

    await saveSection(app.ctx, { sectionId: 'products', values: { missingInVisitorStore: 'original' }, actor: 'test', ip: null });
    const original = await app.render(`[passivewp box asin="${US_ONLY}"]`, { visitor: { country: 'DE' } });
    expect(hrefOf(tagsWithClass(original.html, 'pwp-button')[0]!)).toMatch(new RegExp(`^https://www\\.amazon\\.com/dp/${US_ONLY}\\?tag=mytag-20&`));
    expect(tagsWithClass(original.html, 'pwp-price')).toHaveLength(1);
  });

  it('a comparison table: products × attributes, the pick highlighted, prices with their time', async () => {
    const app = await openRenderApp([BOTH, US_ONLY]);
    const { html, blocks } = await app.render(`[passivewp table asins="${BOTH},${US_ONLY}" attributes="price,rating,features,availability" pick="${US_ONLY}"]`);
    expect(blocks).toBe(1);
    expect(html).toContain('<table class="pwp-table">');
    expect(html.match(/<th scope="col">/g)).toHaveLength(6);
    const rows = tagsWithClass(html, 'pwp-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('pwp-pick');
    expect(html).toContain('<span class="pwp-badge">Our pick</span>');
    expect(tagsWithClass(html, 'pwp-price')).toHaveLength(2);
    expect(html.match(/<td class="pwp-cell-price" data-label="Price">/g)).toHaveLength(2);
    expect(amazonAnchors(html)).toHaveLength(4);
  });

  it('a list: a tagged search link until the saved search has its answer, then its products', async () => {
    const app = await openRenderApp([]);
    const shortcode = '[passivewp list search="charger" count="3"]';
    const first = await app.render(shortcode);
    expect(hrefOf(tagsWithClass(first.html, 'pwp-button')[0]!)).toBe('https://www.amazon.com/s?k=charger&tag=mytag-20');
    expect(tagsWithClass(first.html, 'pwp-list-empty')).toHaveLength(1);
    await settleJobs(app.ctx);
    const { html } = await app.render(shortcode);
    const items = tagsWithClass(html, 'pwp-list-item');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(tagsWithClass(html, 'pwp-price').length).toBeGreaterThan(0);
    for (const anchor of amazonAnchors(html)) expect(hrefOf(anchor)).toMatch(/^https:\/\/www\.amazon\.com\/dp\/[A-Z0-9]{10}\?tag=mytag-20&/);
  });

  it('image links and text links', async () => {
    const app = await openRenderApp();
    const { html } = await app.render(`<p>See [passivewp link asin="${BOTH}"]this <b>charger</b>[/passivewp] or [passivewp image asin="${BOTH}"]</p>`);
    expect(tagsWithClass(html, 'pwp-link')[0]).toMatch(/href="https:\/\/www\.amazon\.com\/dp\/[^"]*tag=mytag-20/);
    expect(html).toContain('>this charger</a>');
    expect(tagsWithClass(html, 'pwp-image-link')).toHaveLength(1);
    expect(html).toContain(`<img class="pwp-image" src="${fakeCatalogue.item('us', BOTH)!.imageUrl}"`);
  });

  it('broken shortcodes: nothing for visitors, a warning in admin previews', async () => {
    const app = await openRenderApp([]);
    const content = '<p>a</p>[passivewp box asin="nope"]<p>b</p>';
    const visitor = await app.render(content);
    expect(visitor.html).toBe('<p>a</p><p>b</p>');
    expect(visitor.problems).toEqual([expect.objectContaining({ code: 'broken_shortcode', message: expect.stringContaining('is not an ASIN') })]);
    const admin = await app.render(content, { mode: 'admin' });
    expect(tagsWithClass(admin.html, 'pwp-warning')).toHaveLength(1);
    expect(admin.html).toContain('is not an ASIN');
    expect(admin.html).toContain('<code>[passivewp box asin=&#34;nope&#34;]</code>');
  });

  it('the disclosure goes once, before the first block; an empty one is reported in admin previews', async () => {
    const app = await openRenderApp();
    const { html } = await app.render(`<p>x</p>[passivewp box asin="${BOTH}"][passivewp link asin="${BOTH}"]y[/passivewp][passivewp box asin="${BOTH}"]`);
    expect(tagsWithClass(html, 'pwp-disclosure')).toHaveLength(1);
    expect(html.indexOf('pwp-disclosure')).toBeLessThan(html.indexOf('data-pwp-block'));
    // A first block inside a sentence: the disclosure goes before its paragraph, not into the middle of it.
    const inline = (await app.render(`<p>Intro</p>\n<p>We like the [passivewp link asin="${BOTH}"]bottle[/passivewp] a lot.</p>`)).html;
    expect(inline.startsWith('<p>Intro</p>\n<span class="pwp-disclosure"')).toBe(true);
    expect(inline).toMatch(/<\/span>\s*<p>We like the <a /);
    const plain = (await app.render(`First paragraph.\n\nWe like the [passivewp link asin="${BOTH}"]bottle[/passivewp].`)).html;
    expect(plain).toMatch(/^First paragraph\.\n\n<span class="pwp-disclosure"[^>]*>[^<]*<\/span>\s*We like the <a /);
    // Every Amazon link is sponsored.
    const anchors = amazonAnchors(html);
    expect(anchors.length).toBeGreaterThan(4);
    for (const anchor of anchors) expect(anchor).toContain('rel="sponsored noopener" target="_blank"');

    await saveSection(app.ctx, { sectionId: 'general', values: { affiliateDisclosure: '' }, actor: 'test', ip: null });
    const admin = await renderContent(app.ctx, { content: `[passivewp box asin="${BOTH}"]`, visitor: {}, mode: 'admin' });
    expect(admin.problems).toEqual([expect.objectContaining({ code: 'missing_disclosure' })]);
    expect(tagsWithClass(admin.html, 'pwp-warning')).toHaveLength(1);
    expect(tagsWithClass(admin.html, 'pwp-disclosure')).toEqual([]);
  });

  it('uses the operator’s template and stylesheet overrides; a broken one falls back to the built-in template, logged once', async () => {
    const app = await openRenderApp();
    const dir = path.join(app.dataDir, 'templates');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'box.liquid'), '<div class="pwp-block pwp-mybox" data-pwp-block="box"><a href="{{ p.url }}" rel="sponsored">{{ p.linkText }}</a></div>');
    writeFileSync(path.join(dir, 'passivewp.css'), '.pwp-mybox { color: red; }');
    await overridesNoticed();
    const custom = await app.render(`[passivewp box asin="${BOTH}"]`);
    expect(tagsWithClass(custom.html, 'pwp-mybox')).toHaveLength(1);
    expect(custom.css).toBe('.pwp-mybox { color: red; }');

    writeFileSync(path.join(dir, 'box.liquid'), '<div>{% if %}broken</div>');
    await overridesNoticed();
    const broken = await app.render(`[passivewp box asin="${BOTH}"]`, { mode: 'admin' });
    await app.render(`[passivewp box asin="${BOTH}"]`);
    expect(tagsWithClass(broken.html, 'pwp-box')).toHaveLength(1);
    expect(broken.problems).toEqual([expect.objectContaining({ code: 'template_override_broken', message: expect.stringContaining('box.liquid') })]);
    expect(tagsWithClass(broken.html, 'pwp-warning')).toHaveLength(1);
    expect(app.logs().match(/template override broken/g)).toHaveLength(1);
  });

  it('counts one view per product shown, in visitor mode only', async () => {
    const app = await openRenderApp();
    const views = async () => (await app.ctx.stores.products.findByAsin(BOTH, 'us'))!.views;
    const before = await views();
    const content = `[passivewp box asin="${BOTH}"] [passivewp link asin="${BOTH}"]x[/passivewp]`;
    await app.render(content, { countViews: true });
    expect(await views()).toBe(before + 1);
    await app.render(content, { mode: 'admin', countViews: true });
    await app.render(content);
    expect(await views()).toBe(before + 1);
  });
});

/** The renderer looks at the override folder at most every LOOK_AGAIN_MS: an operator's edit shows after that. */
function overridesNoticed(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS + 50));
}
