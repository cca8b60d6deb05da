import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { EngineContext } from '../../domain/context.js';
import { addProduct } from '../../domain/products/add-product.js';
import { listProducts } from '../../domain/products/list-products.js';
import { toProductView, type ProductView } from '../../domain/products/product-view.js';
import { readRefreshPolicy } from '../../domain/products/read-refresh-policy.js';
import { REFRESH_BATCH_JOB, type RefreshBatchData } from '../../domain/products/refresh-jobs.js';
import { runRefreshCycle, type CycleReport } from '../../domain/products/run-refresh-cycle.js';
import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

const USAGE = `Usage:
  passivewp products add <ASIN or product URL> [--marketplace us] [--json]
  passivewp products list [--search TEXT] [--marketplace us] [--state fresh|stale|refreshing|not_found|not_accessible|error] [--json]
  passivewp products refresh [--wait] [--json]`;

const ACTOR = 'cli';

/** Products from a terminal: add, list, and run the due refreshes now. */
export async function productsCommand(args: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'add' && verb !== 'list' && verb !== 'refresh') throw new UsageError(USAGE);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      marketplace: { type: 'string' },
      search: { type: 'string' },
      state: { type: 'string' },
      json: { type: 'boolean', default: false },
      wait: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if ((verb === 'add') !== (positionals.length === 1) || (verb !== 'add' && positionals.length)) throw new UsageError(USAGE);
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const ctx = engine.ctx;
    if (verb === 'add') {
      const record = await addProduct(ctx, { reference: positionals[0], ...(values.marketplace ? { marketplace: values.marketplace } : {}) }, ACTOR);
      const view = toProductView(record, { now: ctx.clock.now(), maxAgeMs: (await readRefreshPolicy(ctx)).maxAgeMs });
      io.out(values.json ? JSON.stringify(view, null, 2) : `Added ${view.asin} (${view.marketplace}) as ${view.id}. It is refreshed with the next cycle, or now with: passivewp products refresh --wait`);
      return 0;
    }
    if (verb === 'list') {
      const list = await listProducts(ctx, { search: values.search, marketplace: values.marketplace, state: values.state, limit: 500 });
      if (values.json) io.out(JSON.stringify(list, null, 2));
      else printList(io, list.products, list.total);
      return 0;
    }
    return await refreshNow(ctx, io, { wait: values.wait, json: values.json });
  } finally {
    await engine.close();
  }
}

function printList(io: CommandIo, products: ProductView[], total: number): void {
  if (!products.length) {
    io.out('No products. Add one with: passivewp products add <ASIN or product URL>');
    return;
  }
  for (const p of products) {
    const price = p.price ? `${p.price.display} (as of ${p.price.fetchedAt})` : p.snapshotExpired ? 'price expired' : '—';
    io.out(`${p.asin}\t${p.marketplace}\t${p.state}${p.cause ? ` (${p.cause})` : ''}\t${price}\t${p.title ?? ''}`);
  }
  if (total > products.length) io.out(`… and ${total - products.length} more (use --search, --marketplace or --state)`);
}

/**
 * Plans a cycle now; with --wait, also works every queued refresh batch (this plan's and any
 * waiting from before) in this process and reports how each of their products ended.
 */
async function refreshNow(ctx: EngineContext, io: CommandIo, options: { wait: boolean; json: boolean }): Promise<number> {
  const report = await runRefreshCycle(ctx);
  if (!options.wait) {
    const productIds = await batchProductIds(ctx, report.jobs);
    if (options.json) io.out(JSON.stringify({ report, products: productIds.length }, null, 2));
    else {
      io.out(`Planned ${report.jobs.length} request(s) for ${productIds.length} due product(s).`);
      describeSkipped(io, report);
      if (report.jobs.length) io.out('A running engine (passivewp start) carries them out; add --wait to do it here and see the results.');
    }
    return 0;
  }
  const batches = await ctx.jobs.list({ states: ['queued', 'running', 'failed'], name: REFRESH_BATCH_JOB, limit: 10_000 });
  const productIds = [...new Set(batches.flatMap((job) => (job.data as RefreshBatchData).productIds))];
  await ctx.jobs.start();
  try {
    await waitForJobs(ctx, batches.map((job) => job.id));
  } finally {
    await ctx.jobs.stop();
  }
  const { maxAgeMs } = await readRefreshPolicy(ctx);
  const now = ctx.clock.now();
  const products = (await ctx.stores.products.findMany(productIds)).map((record) => toProductView(record, { now, maxAgeMs }));
  const failed = products.filter((p) => p.state !== 'fresh');
  if (options.json) {
    io.out(JSON.stringify({ report, products }, null, 2));
  } else {
    io.out(`Sent ${batches.length} request(s) for ${productIds.length} product(s).`);
    describeSkipped(io, report);
    io.out(`Refreshed ${products.length - failed.length} of ${products.length} product(s).`);
    for (const p of failed) io.out(`  ${p.asin} (${p.marketplace}): ${p.state}${p.cause ? ` — ${p.cause}: ${p.message ?? ''}` : ''}`);
  }
  const pauses = await ctx.stores.refreshPauses.list();
  for (const pause of pauses) io.err(`Refreshes are paused for ${pause.label}: ${pause.cause}: ${pause.message}`);
  return failed.some((p) => p.state === 'error') || pauses.length ? 1 : 0;
}

function describeSkipped(io: CommandIo, report: CycleReport): void {
  if (report.paused.length) io.out(`Paused marketplaces (a credential was refused; fix it and run Check API Connections): ${report.paused.join(', ')}`);
  for (const u of report.unavailable) io.out(`Not refreshed: ${u.marketplace} (${u.cause})`);
}

async function batchProductIds(ctx: EngineContext, jobIds: readonly string[]): Promise<string[]> {
  if (!jobIds.length) return [];
  const wanted = new Set(jobIds);
  const jobs = await ctx.jobs.list({ name: REFRESH_BATCH_JOB, limit: 10_000 });
  return jobs.filter((job) => wanted.has(job.id)).flatMap((job) => (job.data as RefreshBatchData).productIds);
}

/** Until every job has finished, gone dead, or failed and waits for a retry. */
async function waitForJobs(ctx: EngineContext, ids: readonly string[]): Promise<void> {
  const wanted = new Set(ids);
  for (;;) {
    const pending = (await ctx.jobs.list({ states: ['queued', 'running'], limit: 10_000 })).filter((job) => wanted.has(job.id));
    if (!pending.length) return;
    await sleep(200);
  }
}
