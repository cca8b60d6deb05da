/**
 * A real engine for the render benchmark: SQLite in a temporary data directory, Settings → Amazon
 * with tagged rows for us (NA credential), de and uk (EU credential), Settings → Geolocation on
 * MaxMind's GeoLite2-City test database, and every product of the post fetched for real from the
 * fake Amazon (the engine's own job queue works the refreshes the first renders queue), so each
 * block renders from a fresh snapshot.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EngineContext } from '../../src/domain/context.js';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { openEngine, type Engine } from '../../src/main.js';
import { renderContent } from '../../src/render/render-content.js';
import { demoCredential, demoTag, fakeCatalogue, startFakeAmazon, type FakeAmazon } from '../../tests/fakes/amazon/index.js';

export const CITY_DB = path.resolve('tests/fixtures/maxmind/GeoLite2-City-Test.mmdb');
export const DISCLOSURE = 'As an Amazon Associate I earn from qualifying purchases.';

export interface RenderBench {
  engine: Engine;
  ctx: EngineContext;
  fake: FakeAmazon;
  /** Standalone ASINs with a price in both the US and the UK store. */
  asins: string[];
  close(): Promise<void>;
}

export async function openRenderBench(): Promise<RenderBench> {
  const na = demoCredential('3.1');
  const eu = demoCredential('3.2');
  const fake = await startFakeAmazon({ credentials: [na, eu], rateLimit: { tps: 50, burst: 50 } });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pwp-bench-render-'));
  const engine = await openEngine({
    env: {
      NODE_ENV: 'test',
      PASSIVEWP_DATA_DIR: dataDir,
      PASSIVEWP_LOG_LEVEL: 'silent',
      PASSIVEWP_DAILY_CHECKS: 'false',
      PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin,
      PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10',
      PASSIVEWP_ALLOW_PRIVATE_OUTBOUND: 'loopback',
    },
    quiet: true,
  });
  const ctx = engine.ctx;
  const euRow = { creatorsCredentialId: eu.id, creatorsCredentialSecret: eu.secret, creatorsCredentialVersion: eu.version };
  const save = (sectionId: string, values: Record<string, unknown>) => saveSection(ctx, { sectionId, values, actor: 'bench', ip: null });
  await save('amazon', {
    mode: 'creators',
    creatorsCredentialId: na.id,
    creatorsCredentialSecret: na.secret,
    creatorsCredentialVersion: na.version,
    defaultCountry: 'us',
    defaultPartnerTag: demoTag('us'),
    marketplaces: [
      { country: 'us', partnerTag: demoTag('us'), enabled: true },
      { country: 'de', partnerTag: demoTag('de'), enabled: true, credentials: euRow },
      { country: 'uk', partnerTag: demoTag('uk'), enabled: true, credentials: euRow },
    ],
  });
  await save('general', { timeZone: 'Europe/London', affiliateDisclosure: DISCLOSURE });
  // The engine reads databases from the geo folder of its data directory only.
  mkdirSync(path.join(dataDir, 'geo'), { recursive: true });
  copyFileSync(CITY_DB, path.join(dataDir, 'geo', path.basename(CITY_DB)));
  await save('geolocation', { databasePath: path.basename(CITY_DB) });

  const us = new Set(fakeCatalogue.standaloneAsins('us'));
  const asins = fakeCatalogue.standaloneAsins('uk').filter((a) => us.has(a) && fakeCatalogue.item('us', a)?.price && fakeCatalogue.item('uk', a)?.price && fakeCatalogue.item('uk', a)?.rating);
  return {
    engine,
    ctx,
    fake,
    asins,
    async close() {
      await engine.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Renders `content` for each visitor twice: the first
 * renders add every product (actor `render`) and save the lists' searches; the engine's workers
 * fetch them from the fake Amazon. Workers are stopped afterwards, so nothing runs in the
 * background while the benchmark measures.
 */
export async function primeProducts(ctx: EngineContext, content: string, visitors: Array<{ ip: string }>): Promise<void> {
  await ctx.jobs.start();
  try {
    // Round 1 adds the products and searches and their jobs fetch them; round 2 finds them all stored.
    for (let round = 0; round < 2; round += 1) {
      for (const visitor of visitors) await renderContent(ctx, { content, visitor, mode: 'visitor', countViews: false });
      await settleJobs(ctx);
    }
  } finally {
    await ctx.jobs.stop();
  }
}

async function settleJobs(ctx: EngineContext): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const counts = await ctx.jobs.counts();
    if (counts.queued === 0 && counts.running === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`bench: jobs did not settle: ${JSON.stringify(await ctx.jobs.counts())}`);
}
