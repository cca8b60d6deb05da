import { onTestFinished } from 'vitest';
import { saveSection } from '../../src/domain/settings/save-section.js';
import { runRefreshCycle, type CycleReport } from '../../src/domain/products/run-refresh-cycle.js';
import type { EngineContext } from '../../src/domain/context.js';
import type { ProductList } from '../../src/domain/products/list-products.js';
import { startFakeAmazon, type FakeAmazon } from '../fakes/amazon/index.js';
import { openAdminApp, type AdminApp } from '../helpers/open-admin-app.js';
import { EU, NA, PAAPI, row } from './amazon-check-setup.js';

export interface ProductsApp extends AdminApp {
  fake: FakeAmazon;
  saveAmazon(values: Record<string, unknown>): Promise<void>;
  list(query?: string): Promise<ProductList>;
  add(reference: string, marketplace?: string): Promise<{ statusCode: number; body: Record<string, unknown> }>;
  /** GetItems calls the fake answered since the last reset (a call repeated after renewing a refused token counts once): marketplace and ASINs of each. */
  getItemsCalls(): Array<{ marketplace: string; asins: string[]; status: number | undefined }>;
}

export const creatorsNaEu = {
  mode: 'creators',
  creatorsCredentialId: NA.id,
  creatorsCredentialSecret: NA.secret,
  creatorsCredentialVersion: NA.version,
  defaultCountry: 'us',
  defaultPartnerTag: 'mytag-20',
  marketplaces: [row('us', 'mytag-20'), row('ca', 'mytag-20')],
};

/** An engine with an administrator, the fake Amazon behind the endpoint override and Creators credentials for the US and Canada. */
export async function openProductsApp(settings: Record<string, unknown> = creatorsNaEu, env: Record<string, string> = {}): Promise<ProductsApp> {
  const fake = await startFakeAmazon({ credentials: [NA, EU], paapiKeys: [PAAPI], rateLimit: { tps: 50, burst: 50 } });
  const app = await openAdminApp({ PASSIVEWP_AMAZON_ENDPOINT_OVERRIDE: fake.origin, PASSIVEWP_AMAZON_REQUESTS_PER_SECOND: '10', ...env });
  const saveAmazon = (values: Record<string, unknown>) => saveSection(app.engine.ctx, { sectionId: 'amazon', values, actor: 'test', ip: null }).then(() => undefined);
  await saveAmazon(settings);
  await app.engine.ctx.jobs.start();
  onTestFinished(async () => {
    await app.engine.ctx.jobs.stop();
    await fake.close();
  });
  return {
    ...app,
    fake,
    saveAmazon,
    list: (query = '') => app.get<ProductList>(`/api/products${query}`),
    async add(reference, marketplace) {
      const response = await app.call('POST', '/api/products', { reference, ...(marketplace ? { marketplace } : {}) });
      return { statusCode: response.statusCode, body: response.json() };
    },
    getItemsCalls: () =>
      fake.state
        .requestsTo('/catalog/v1/getItems')
        .concat(fake.state.requestsTo('/paapi5/getitems'))
        .filter((r) => r.status !== 401)
        .map((r) => {
          const body = r.body as { itemIds?: string[]; ItemIds?: string[]; marketplace?: string; Marketplace?: string };
          return { marketplace: r.headers['x-marketplace'] ?? body.Marketplace ?? body.marketplace ?? '', asins: body.itemIds ?? body.ItemIds ?? [], status: r.status };
        }),
  };
}

/** Waits until the queue has nothing queued or running (a failed job waiting for its retry does not count). */
export async function settleJobs(ctx: EngineContext): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    const counts = await ctx.jobs.counts();
    if (counts.queued === 0 && counts.running === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`jobs did not settle: ${JSON.stringify(await ctx.jobs.counts())}`);
}

/** One refresh cycle and all the batches it queued, worked by the engine's own job queue. */
export async function refreshDue(ctx: EngineContext): Promise<CycleReport> {
  const report = await runRefreshCycle(ctx);
  await settleJobs(ctx);
  return report;
}
