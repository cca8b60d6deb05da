import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { openEngine } from '../../src/main.js';
import { fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { newTestStorage } from '../helpers/start-test-engine.js';

const CREDENTIAL = { id: 'amzn1.application-oa2-client.cliprod0001', secret: 'amzn1.oa2-cs.v1.cli-products-secret-01', version: '3.2' as const, partnerTags: { de: ['mytag-21'], uk: ['mytag-21'] } };
const DE = fakeCatalogue.wellKnown('de');
const UK = fakeCatalogue.wellKnown('uk');
let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ credentials: [CREDENTIAL], rateLimit: { tps: 1000, burst: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => fake.state.reset());

async function dataDirWithCredentials(): Promise<Record<string, string>> {
  const storage = await newTestStorage('pwp-products-');
  const engine = await openEngine({ env: { NODE_ENV: 'test', ...storage, PASSIVEWP_LOG_LEVEL: 'silent' }, quiet: true });
  const values = { mode: 'creators', creatorsCredentialId: CREDENTIAL.id, creatorsCredentialSecret: CREDENTIAL.secret, creatorsCredentialVersion: '3.2', defaultCountry: 'de', defaultPartnerTag: 'mytag-21', marketplaces: [] };
  await saveSection(engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null });
  await engine.close();
  return storage;
}

/** `passivewp products …` as a real process (asynchronous: the fake answers from this process). */
function products(storage: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/passivewp.js'), 'products', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PASSIVEWP_LOG_FORMAT: 'json', ...storage, PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('passivewp products', () => {
  it('adds by ASIN and by URL, lists, and refreshes with --wait, reporting each product', async () => {
    const storage = await dataDirWithCredentials();
    const added = await products(storage, ['add', DE.onSale]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Added ${DE.onSale} (de)`);
    expect((await products(storage, ['add', `https://www.amazon.co.uk/Some-Thing/dp/${UK.inStock}/ref=x?th=1`])).stdout).toContain(`Added ${UK.inStock} (uk)`);
    expect((await products(storage, ['add', fakeCatalogue.unknownAsin])).code).toBe(0);

    const queued = await products(storage, ['refresh']);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toContain('Planned 2 request(s) for 3 due product(s).');
    expect(fake.state.requestsTo('/catalog/v1/getItems')).toEqual([]);

    const refreshed = await products(storage, ['refresh', '--wait']);
    expect(refreshed.code, refreshed.stdout + refreshed.stderr).toBe(0);
    expect(refreshed.stdout).toContain('Refreshed 2 of 3 product(s).');
    expect(refreshed.stdout).toContain(`${fakeCatalogue.unknownAsin} (de): not_found`);

    const listed = await products(storage, ['list', '--json']);
    const list = JSON.parse(listed.stdout) as { total: number; counts: Record<string, number>; products: Array<{ asin: string; price: { display: string } | null }> };
    expect(list.total).toBe(3);
    expect(list.counts).toMatchObject({ fresh: 2, not_found: 1 });
    expect(list.products.find((p) => p.asin === DE.onSale)?.price?.display).toBe(fakeCatalogue.item('de', DE.onSale)!.price!.displayAmount);
    const text = await products(storage, ['list', '--state', 'fresh']);
    expect(text.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses bad input with the reason and exit code 1 (2 for bad usage), adding nothing', async () => {
    const storage = await dataDirWithCredentials();
    const bad = await products(storage, ['add', 'not-an-asin']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ASIN/);
    expect((await products(storage, ['add', DE.onSale, '--marketplace', 'atlantis'])).code).toBe(1);
    expect((await products(storage, ['add'])).code).toBe(2);
    expect((await products(storage, ['frobnicate'])).code).toBe(2);
    expect((await products(storage, ['list', '--state', 'sleepy'])).code).toBe(1);
    expect(JSON.parse((await products(storage, ['list', '--json'])).stdout).total).toBe(0);
  });
});
