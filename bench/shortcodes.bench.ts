/**
 * The shortcode parser on 64 KB and 1 MB of each kind of post body it may be sent: a real post
 * repeated, boxes, links closed and left open, and the broken inputs that made the earlier parser
 * quadratic (openings without "]", quotes never closed, stray closing tags, tags that never end
 * inside a link …). Each input is parsed twice per round, as the renderer does (the first 200
 * shortcodes checked, the rest only located) and with every shortcode checked (zod for each of
 * 30,000 boxes: the price of checking, not of reading); rounds alternate sizes so that drift hits
 * them alike. Linear parsing costs the same per byte at both sizes: the scaling ratio (per-byte
 * cost at 1 MB ÷ at 64 KB) stays near 1; a quadratic one grows with size (16× here).
 * RESULT lines: the slowest input at 1 MB as the renderer parses it, and the largest scaling ratio.
 *
 *   npm run bench -- shortcodes        (about 30–60 s)
 */
import { parseShortcodes, type ParseOptions } from '../src/domain/render/parse-shortcodes.js';
import { MAX_SHORTCODES_PER_RENDER } from '../src/domain/render/render-limits.js';

const KB = 1024;
const SIZES = [64 * KB, 1024 * KB] as const;
const ROUNDS = 15;

const INPUTS: Record<string, string> = {
  'a post (boxes, links, tables, text)': '<p>Our pick: [passivewp box asin="B08N5WRWNW"] or [passivewp link asin="B07XJ8C8F5"]this one[/passivewp].</p>\n<h2>Compared</h2>\n[passivewp table asins="B08N5WRWNW,B07XJ8C8F5" attributes="price,rating"]\n<p>Plain text between the blocks, as much as a buying guide has.</p>\n',
  'boxes': '[passivewp box asin="B08N5WRWNW"]\n',
  'links, closed': '[passivewp link asin="B08N5WRWNW"]a <b>kettle</b>[/passivewp] ',
  'links, never closed': '[passivewp link asin="B08N5WRWNW"]a kettle ',
  'link openings without "]"': '[passivewp link ',
  'empty links "[passivewp link ]"': '[passivewp link ]',
  'stray closing tags': '[/passivewp]',
  'openings only': '[passivewp ',
  'quotes never closed': '[passivewp box asin="',
  'nested brackets': '[[[passivewp box [passivewp link asin="]"]]',
  'tags never ending inside a link': '[passivewp link asin="B08N5WRWNW"]<<<<b',
  'values with "]", broken attributes': '[passivewp list search="a ] b" !]',
};

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeMs(content: string, options: ParseOptions): number {
  const started = process.hrtime.bigint();
  parseShortcodes(content, options);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const modes = { renderer: { limit: MAX_SHORTCODES_PER_RENDER }, all: {} } satisfies Record<string, ParseOptions>;
type Mode = keyof typeof modes;
const samples = new Map<string, number[]>();
const key = (name: string, mode: Mode, size: number) => `${name}|${mode}|${size}`;
const contents = Object.fromEntries(Object.entries(INPUTS).map(([name, unit]) => [name, SIZES.map((size) => fill(unit, size))]));

// Warm-up: every path compiled.
for (const texts of Object.values(contents)) for (const text of texts) for (const options of Object.values(modes)) timeMs(text, options);

const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, texts] of Object.entries(contents)) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const index of order) {
      for (const mode of Object.keys(modes) as Mode[]) {
        const list = samples.get(key(name, mode, SIZES[index]!)) ?? [];
        list.push(timeMs(texts[index]!, modes[mode]));
        samples.set(key(name, mode, SIZES[index]!), list);
      }
    }
  }
}

const ms = (v: number) => v.toFixed(v >= 10 ? 1 : 2);
console.log(`${ROUNDS} rounds, sizes alternating; medians in ms. "renderer": the first ${MAX_SHORTCODES_PER_RENDER} shortcodes checked (as renderContent parses); "all": every shortcode checked.`);
console.log(`${'input'.padEnd(38)}${'mode'.padEnd(10)}${'64 KB'.padStart(9)}${'1 MB'.padStart(9)}${'scaling'.padStart(9)}`);
let slowest = { name: '', ms: 0 };
let slowestChecked = { name: '', ms: 0 };
let worstScaling = { name: '', ratio: 0 };
for (const name of Object.keys(INPUTS)) {
  for (const mode of Object.keys(modes) as Mode[]) {
    const small = median(samples.get(key(name, mode, SIZES[0]))!);
    const large = median(samples.get(key(name, mode, SIZES[1]))!);
    // Per-byte cost at 1 MB over per-byte cost at 64 KB.
    const scaling = large / SIZES[1] / (small / SIZES[0]);
    console.log(`${name.padEnd(38)}${mode.padEnd(10)}${ms(small).padStart(9)}${ms(large).padStart(9)}${scaling.toFixed(2).padStart(9)}`);
    if (mode === 'renderer' && large > slowest.ms) slowest = { name, ms: large };
    if (mode === 'all' && large > slowestChecked.ms) slowestChecked = { name, ms: large };
    if (scaling > worstScaling.ratio) worstScaling = { name, ratio: scaling };
  }
}
console.log(`slowest at 1 MB as the renderer parses: ${slowest.name} (${ms(slowest.ms)} ms); with every shortcode checked: ${slowestChecked.name} (${ms(slowestChecked.ms)} ms)`);
console.log(`largest scaling: ${worstScaling.name}; measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`RESULT shortcode_parse_1mb_ms ${slowest.ms.toFixed(1)}`);
console.log(`RESULT shortcode_parse_scaling ${worstScaling.ratio.toFixed(2)}`);
