/**
 * Money-page rendering: a buying-guide post with 20 blocks (6 boxes, 3 tables, 2 lists, 6 links,
 * 3 images; 14 products + 10 from the lists' saved searches) rendered by renderContent for a
 * visitor whose country comes from the address (MaxMind GeoLite2-City test database: a UK visitor,
 * so every block's links go to amazon.co.uk with the uk tag and show the uk snapshots), in visitor
 * mode with views counted (one UPDATE per product shown and per list). Real engine: SQLite in a
 * temp dir, real settings, products fetched for real from the fake Amazon before measuring; the
 * render itself never calls Amazon and no job runs while measuring.
 *   (a) copy (baseline): the same post's text produced unchanged in the renderer's output shape:
 *       `Buffer.from(content).toString()` (encodes and decodes every byte, so V8 cannot hand back
 *       the same string) wrapped in an async function returning { html, css, problems, blocks };
 *   (b) warm visitor: one address every render: geo's visitor cache answers (no decode);
 *   (c) distinct visitors: a new UK address every render: the cache misses and the record is decoded;
 *   (d) the same text with the shortcodes removed (0 blocks): renderContent's fixed cost per page.
 * The scenarios alternate in rounds so drift hits them alike. RESULT lines are from (b).
 *
 *   npm run bench -- render            (about 20–40 s)
 */
import { readFileSync } from 'node:fs';
import { Reader, type CountryResponse } from 'maxmind';
import { seededRandom } from '../src/integrations/maxmind/seeded-random.js';
import { renderContent, type RenderedContent } from '../src/render/render-content.js';
import { addressToBits, bitsToAddress } from '../tests/fakes/maxmind/address-bits.js';
import { demoTag } from '../tests/fakes/amazon/index.js';
import { BLOCKS_IN_POST, buildSamplePost } from './render/sample-post.js';
import { CITY_DB, openRenderBench, primeProducts } from './render/setup-render-engine.js';

const ROUNDS = 12;
const RENDERS_PER_ROUND = 40;
const COPIES_PER_ROUND = 4000;
const WARM_UP = 150;
/** A documented GB address of the test database, and a GB network to draw new visitors from. */
const UK_VISITOR = '81.2.69.142';
const UK_NETWORK = '2a02:d3c0::/29';
const US_VISITOR = '216.160.83.56';

const bench = await openRenderBench();
const { ctx } = bench;
const content = buildSamplePost(bench.asins);
const textOnly = content.replace(/\[passivewp[^\]]*\]|\[\/passivewp\]/g, '');

// New UK visitors: random addresses in a GB network of the test database, checked with the raw reader.
const reader = new Reader<CountryResponse>(readFileSync(CITY_DB));
const random = seededRandom(7);
function ukAddresses(count: number): string[] {
  const [network = '', prefix = ''] = UK_NETWORK.split('/');
  const { value, bits } = addressToBits(network);
  const hostBits = bits - Number(prefix);
  const found = new Set<string>();
  while (found.size < count) {
    let host = 0n;
    for (let i = 0; i < hostBits; i++) host = (host << 1n) | (random() < 0.5 ? 1n : 0n);
    const ip = bitsToAddress({ value: ((value >> BigInt(hostBits)) << BigInt(hostBits)) | host, bits });
    if (reader.get(ip)?.country?.iso_code !== 'GB') throw new Error(`bench: ${ip} is not in GB in ${CITY_DB}`);
    found.add(ip);
  }
  return [...found];
}
const newVisitors = ukAddresses(WARM_UP + ROUNDS * RENDERS_PER_ROUND);
let nextNew = 0;

const setupStarted = performance.now();
await primeProducts(ctx, content, [{ ip: US_VISITOR }, { ip: UK_VISITOR }]);
const setupMs = performance.now() - setupStarted;

const render = (ip: string, text = content) => renderContent(ctx, { content: text, visitor: { ip }, mode: 'visitor', countViews: true });
async function copy(text: string): Promise<RenderedContent> {
  return { html: Buffer.from(text, 'utf8').toString('utf8'), css: '', problems: [], blocks: 0 };
}

// The measured path must be the real one: 20 blocks, every product fresh, links to the UK store with its tag.
function verify(label: string, out: RenderedContent): void {
  const bad: string[] = [];
  if (out.blocks !== BLOCKS_IN_POST) bad.push(`${out.blocks} blocks`);
  if (out.problems.length) bad.push(`problems ${JSON.stringify(out.problems)}`);
  const states = [...out.html.matchAll(/data-pwp-state="([a-z_]+)"/g)].map((m) => m[1]);
  if (states.some((s) => s !== 'fresh')) bad.push(`states ${[...new Set(states)].join(',')}`);
  if (out.html.includes('pwp-list-empty')) bad.push('an empty list');
  const hrefs = [...out.html.matchAll(/href="(https:\/\/www\.amazon\.[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  if (!hrefs.length || hrefs.some((h) => !h.startsWith('https://www.amazon.co.uk/') || !h.includes(`tag=${demoTag('uk')}`))) bad.push('links not to amazon.co.uk with the uk tag');
  if (bad.length) throw new Error(`bench: ${label} render is not the intended path: ${bad.join('; ')}`);
}
const sample = await render(UK_VISITOR);
verify('warm visitor', sample);
verify('new visitor', await render(newVisitors[nextNew++]!));
const productsShown = new Set([...sample.html.matchAll(/amazon\.co\.uk\/dp\/([A-Z0-9]{10})/g)].map((m) => m[1])).size;

// Warm-up: every path compiled, SQLite statements cached, the database file open in geo.
for (let i = 0; i < WARM_UP; i++) {
  await render(UK_VISITOR);
  await render(newVisitors[nextNew++]!);
  await render(UK_VISITOR, textOnly);
  for (let j = 0; j < 20; j++) await copy(content);
}

const samples = { copy: [] as number[], warm: [] as number[], cold: [] as number[], text: [] as number[] };
async function timed(into: number[], run: () => Promise<unknown>): Promise<void> {
  const started = process.hrtime.bigint();
  await run();
  into.push(Number(process.hrtime.bigint() - started) / 1000);
}
const measureStarted = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  const sides = [
    async () => { for (let i = 0; i < COPIES_PER_ROUND; i++) await timed(samples.copy, () => copy(content)); },
    async () => { for (let i = 0; i < RENDERS_PER_ROUND; i++) await timed(samples.warm, () => render(UK_VISITOR)); },
    async () => { for (let i = 0; i < RENDERS_PER_ROUND; i++) { const ip = newVisitors[nextNew++]!; await timed(samples.cold, () => render(ip)); } },
    async () => { for (let i = 0; i < RENDERS_PER_ROUND; i++) await timed(samples.text, () => render(UK_VISITOR, textOnly)); },
  ];
  for (const side of round % 2 ? sides.reverse() : sides) await side();
}
const measureMs = performance.now() - measureStarted;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (v: number[]) => quantile(v, 0.5);
const copyUs = median(samples.copy);
const us = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
const row = (label: string, values: number[], blocks: number) =>
  console.log(
    `${label.padEnd(46)}${us(median(values)).padStart(10)}${us(quantile(values, 0.95)).padStart(10)}${(blocks ? us(median(values) / blocks) : '–').padStart(10)}${(median(values) / copyUs).toFixed(0).padStart(10)}${values.length.toLocaleString('en').padStart(9)}`,
  );

console.log(`post: ${content.length.toLocaleString('en')} characters, ${BLOCKS_IN_POST} blocks (6 box, 3 table, 2 list, 6 link, 3 image), ${productsShown} distinct products shown; html out ${sample.html.length.toLocaleString('en')} characters`);
console.log(`engine: SQLite in a temp dir, Amazon us/de/uk tagged, geolocation ${CITY_DB.split('/').pop()}; visitor mode, countViews on; products fetched from the fake Amazon in ${(setupMs / 1000).toFixed(1)} s; no jobs running while measuring`);
console.log(`visitor: ${UK_VISITOR} (GB → uk store), same address every render = geo visitor-cache hit; new visitors: distinct addresses in ${UK_NETWORK} (GB) = cache miss + decode`);
console.log(`${ROUNDS} rounds, scenarios alternating; ${WARM_UP} warm-up renders of each first`);
console.log(`${''.padEnd(46)}${'median µs'.padStart(10)}${'p95 µs'.padStart(10)}${'µs/block'.padStart(10)}${'vs copy'.padStart(10)}${'samples'.padStart(9)}`);
row('(a) copy: Buffer.from(content).toString()', samples.copy, 0);
row('(b) render, warm visitor (geo cache hit)', samples.warm, BLOCKS_IN_POST);
row('(c) render, new visitor each time (cache miss)', samples.cold, BLOCKS_IN_POST);
row('(d) render, same text without shortcodes', samples.text, 0);
console.log(`blocks alone (b − d): ${us((median(samples.warm) - median(samples.text)) / BLOCKS_IN_POST)} µs/block; new visitor − warm: ${us(median(samples.cold) - median(samples.warm))} µs; measured in ${(measureMs / 1000).toFixed(1)} s`);
console.log(`RESULT render_us_per_block ${(median(samples.warm) / BLOCKS_IN_POST).toFixed(1)}`);
console.log(`RESULT render_vs_copy ${(median(samples.warm) / copyUs).toFixed(0)}`);
await bench.close();
process.exit(0);
