import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/products/add-product.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { openEngine } from '../../src/main.js';
import { refreshDue } from '../integration/products-setup.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { runCli } from '../helpers/run-cli.js';
import { newTestStorage } from '../helpers/start-test-engine.js';

const CREDENTIAL = { id: 'amzn1.application-oa2-client.clirender001', secret: 'amzn1.oa2-cs.v1.cli-render-secret-001', version: '3.2' as const, partnerTags: { de: ['mytag-21'] } };
const DE = fakeCatalogue.wellKnown('de');
let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [CREDENTIAL], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());

/** A data directory with German credentials and one product fetched from the fake; the post files go next to the data. */
async function dataDirWithProduct(): Promise<{ env: Record<string, string>; dir: string; title: string; views(): Promise<number | undefined> }> {
  const env = await newTestStorage('pwp-render-');
  const engineEnv = { NODE_ENV: 'test', ...env, PASSIVEWP_LOG_LEVEL: 'silent', PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin };
  const engine = await openEngine({ env: engineEnv, quiet: true });
  const values = { mode: 'creators', creatorsCredentialId: CREDENTIAL.id, creatorsCredentialSecret: CREDENTIAL.secret, creatorsCredentialVersion: '3.2', defaultCountry: 'de', defaultPartnerTag: 'mytag-21', marketplaces: [] };
  await saveSection(engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
  await addProduct(engine.ctx, { reference: DE.inStock, marketplace: 'de' }, 'test');
  await engine.ctx.jobs.start();
  await refreshDue(engine.ctx);
  await engine.ctx.jobs.stop();
  const title = (await engine.ctx.stores.products.findByAsin(DE.inStock, 'de'))?.snapshot?.title ?? '';
  await engine.close();
  const views = async () => {
    const again = await openEngine({ env: engineEnv, quiet: true });
    try {
      return (await again.ctx.stores.products.findByAsin(DE.inStock, 'de'))?.views;
    } finally {
      await again.close();
    }
  };
  return { env, dir: env.PASSIVEWP_DATA_DIR!, title, views };
}

describe('passivewp render <file>', () => {
  it('renders a post into a standalone page with --out, exit 0 when clean, and counts no views', async () => {
    const { env, dir, title, views } = await dataDirWithProduct();
    expect(title).not.toBe('');
    const post = path.join(dir, 'post.html');
    writeFileSync(post, `<h2>Best pick</h2>\n[passivewp box asin="${DE.inStock}"]\n<p>More text.</p>`);
    const out = path.join(dir, 'page.html');

    const result = runCli(['render', post, '--country', 'de', '--out', out], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`Rendered 1 block(s) into ${out}.`);
    expect(result.stderr).toBe('');
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toMatch(/<style>[^]*\.pwp-box \{/);
    expect(page).toContain('<h2>Best pick</h2>');
    expect(page).toContain('data-pwp-block="box"');
    expect(page).toContain(title.replace(/&/g, '&amp;'));
    expect(page).toContain('tag=mytag-21');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    expect(await views()).toBe(0);
  });

  it('writes the page to stdout and the problems to stderr, with exit 1 when there are problems', async () => {
    const { env, dir } = await dataDirWithProduct();
    const post = path.join(dir, 'broken.html');
    writeFileSync(post, `[passivewp box asin="${DE.inStock}"]\n[passivewp table asins="" attributes="price"]`);
    const result = runCli(['render', post], env);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(result.stdout).toContain('data-pwp-block="box"');
    // Visitors never see a broken shortcode's warning.
    expect(result.stdout).not.toContain('class="pwp-warning"');
    expect(result.stderr).toContain('broken_shortcode: ');
    expect(result.stderr).toContain('problem(s) found.');
  });

  it('exits 2 on bad usage: no file, a missing file, a bad --country, an unknown option', async () => {
    const { env, dir } = await dataDirWithProduct();
    const post = path.join(dir, 'post.html');
    writeFileSync(post, 'Just text.');
    expect(runCli(['render'], env).code).toBe(2);
    const missing = runCli(['render', path.join(dir, 'nope.html')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    const country = runCli(['render', post, '--country', 'Germany'], env);
    expect(country.code).toBe(2);
    expect(country.stderr).toContain('two-letter country code');
    expect(runCli(['render', post, '--colour', 'red'], env).code).toBe(2);
    expect(existsSync(path.join(dir, 'page.html'))).toBe(false);
    // Plain text renders cleanly.
    const plain = runCli(['render', post], env);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('<main class="post">Just text.</main>');
  });
});

describe('passivewp render key', () => {
  it('creates a key (printed once), lists and revokes it, apart from the relay tokens', async () => {
    const env = await newTestStorage('pwp-render-key-');
    const created = runCli(['render', 'key', 'create', '--name', 'My blog'], env);
    expect(created.code, created.stderr).toBe(0);
    const key = /\b(pwk_\S+)/.exec(created.stdout)?.[1];
    const id = /Render key (rly_\S+) for "My blog"/.exec(created.stdout)?.[1];
    expect(key).toBeTruthy();
    expect(id).toBeTruthy();

    const listed = runCli(['render', 'key', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}\tMy blog\t…${key!.slice(-4)}`);
    expect(listed.stdout).not.toContain(key);
    expect(runCli(['relay', 'token', 'list'], env).stdout.trim()).toBe('No relay tokens.');
    // A render key is not a relay token.
    expect(runCli(['relay', 'token', 'revoke', id!], env).code).toBe(1);

    const revoked = runCli(['render', 'key', 'revoke', id!], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Render key ${id} revoked.`);
    expect(runCli(['render', 'key', 'list'], env).stdout).toContain('revoked ');
    expect(runCli(['render', 'key', 'revoke', id!], env).code).toBe(1);
    expect(runCli(['render', 'key'], env).code).toBe(2);
    expect(runCli(['render', 'key', 'create'], env).code).toBe(1);
  });
});
