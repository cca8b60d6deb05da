import { parseArgs } from 'node:util';
import { lookUpItems } from '../../domain/products/look-up-items.js';
import { openEngine } from '../../main.js';
import { UsageError, engineOptions, type CommandIo } from '../command-io.js';

const USAGE = 'Usage: passivewp amazon get-items ASIN [ASIN …] [--marketplace us] [--json]';

/** Fetches products with the saved Amazon settings, to try credentials and tags from a terminal. */
export async function amazonCommand(args: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'get-items') throw new UsageError(USAGE);
  const { values, positionals } = parseArgs({ args: rest, options: { marketplace: { type: 'string', default: 'us' }, json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (!positionals.length) throw new UsageError(USAGE);
  const engine = await openEngine({ ...engineOptions(io), quiet: true });
  try {
    const outcome = await lookUpItems(engine.ctx, { asins: positionals, marketplace: values.marketplace });
    if (values.json) {
      io.out(JSON.stringify(outcome, null, 2));
      return outcome.ok ? 0 : 1;
    }
    if (!outcome.ok) {
      io.err(`${outcome.error.cause}: ${outcome.error.message}\nFix: ${outcome.error.fix}`);
      return 1;
    }
    for (const p of outcome.value.items) io.out(`${p.asin}\t${p.price?.display ?? 'no offer'}\t${p.title ?? ''}\n\t${p.detailPageUrl}`);
    for (const e of outcome.value.itemErrors) io.out(`${e.asin ?? '?'}\t${e.cause}\t${e.message}`);
    io.out(`(source: ${outcome.source})`);
    return 0;
  } finally {
    await engine.close();
  }
}
