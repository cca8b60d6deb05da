import { describe, expect, it } from 'vitest';
import { parseShortcodes, type ContentSegment } from '../../src/domain/render/parse-shortcodes.js';

const blocks = (segments: ContentSegment[]) => segments.flatMap((s) => (s.kind === 'block' ? [s.block] : []));
const broken = (content: string) => {
  const segments = parseShortcodes(content);
  const found = segments.filter((s) => s.kind === 'broken');
  expect(found).toHaveLength(1);
  return found[0] as Extract<ContentSegment, { kind: 'broken' }>;
};

describe('parseShortcodes', () => {
  it('splits text and blocks, keeping the text around them exactly', () => {
    const segments = parseShortcodes('<p>Intro</p>\n[passivewp box asin="B08N5WRWNW" marketplace="de"]\n<p>Outro</p>');
    expect(segments).toEqual([
      { kind: 'text', text: '<p>Intro</p>\n' },
      { kind: 'block', block: { type: 'box', asin: 'B08N5WRWNW', marketplace: 'de' }, source: '[passivewp box asin="B08N5WRWNW" marketplace="de"]' },
      { kind: 'text', text: '\n<p>Outro</p>' },
    ]);
  });

  it('reads every block type with typed, normalized parameters and defaults', () => {
    const content = [
      "[passivewp box asin='b08n5wrwnw']",
      '[passivewp table asins="B08N5WRWNW, B07XJ8C8F5,B08N5WRWNW" attributes="price,rating,features,availability" pick="B07XJ8C8F5"]',
      '[passivewp list search="wireless earbuds" sort="bestsellers" count="3" marketplace="US"]',
      '[passivewp list browse="123"]',
      '[passivewp link asin="B08N5WRWNW"]this <em>kettle</em> &amp; more[/passivewp]',
      '[passivewp image asin="0306406152" marketplace="uk"]',
    ].join(' ');
    expect(blocks(parseShortcodes(content))).toEqual([
      { type: 'box', asin: 'B08N5WRWNW' },
      { type: 'table', asins: ['B08N5WRWNW', 'B07XJ8C8F5'], attributes: ['price', 'rating', 'features', 'availability'], pick: 'B07XJ8C8F5' },
      { type: 'list', search: 'wireless earbuds', sort: 'bestsellers', count: 3, marketplace: 'us' },
      { type: 'list', browse: '123', sort: 'relevance', count: 5 },
      { type: 'link', text: 'this kettle & more', asin: 'B08N5WRWNW' },
      { type: 'image', asin: '0306406152', marketplace: 'uk' },
    ]);
    expect(blocks(parseShortcodes('[passivewp table asins="B08N5WRWNW"]'))[0]).toMatchObject({ attributes: ['image', 'price', 'rating', 'availability'] });
  });

  it('accepts the curly quotes editors put in, and values containing "]"', () => {
    expect(blocks(parseShortcodes('[passivewp list search=“a ] b”]'))).toEqual([{ type: 'list', search: 'a ] b', sort: 'relevance', count: 5 }]);
  });

  it.each([
    ['[passivewp carousel asin="B08N5WRWNW"]', /Unknown block type "carousel"/],
    ['[passivewp box]', /asin is missing/],
    ['[passivewp box asin="nope"]', /asin="nope" is not an ASIN/],
    ['[passivewp box asin="B08N5WRWNW" marketplace="xx"]', /marketplace="xx" is not a marketplace/],
    ['[passivewp box asn="B08N5WRWNW"]', /no attribute "asn": it takes asin, marketplace/],
    ['[passivewp box asin=B08N5WRWNW]', /not in quotes/],
    ['[passivewp box asin="B08N5WRWNW" asin="B08N5WRWNW"]', /given twice/],
    ['[passivewp box asin="B08N5WRWNW', /no closing quote/],
    ['[passivewp box asin="B08N5WRWNW"', /not closed with "\]"/],
    ['[passivewp table asins="B08N5WRWNW" pick="B07XJ8C8F5"]', /pick="B07XJ8C8F5" is not one of the table’s asins/],
    ['[passivewp table asins="B08N5WRWNW" attributes="price,colour"]', /attributes="price,colour" takes image, price/],
    ['[passivewp list sort="cheapest" search="x"]', /sort="cheapest" takes relevance/],
    ['[passivewp list count="11" search="x"]', /count="11" is at most 10/],
    ['[passivewp list marketplace="de"]', /needs search="keywords" or browse="node id"/],
    ['[passivewp]', /needs a block type/],
  ])('reports %s as broken', (content, message) => {
    expect(broken(content).message).toMatch(message);
  });

  it('a link left open drops only its opening tag; a stray closing tag is broken too', () => {
    const segments = parseShortcodes('a [passivewp link asin="B08N5WRWNW"]text and [passivewp box asin="B08N5WRWNW"] b [/passivewp]');
    expect(segments.map((s) => s.kind)).toEqual(['text', 'broken', 'text', 'block', 'text', 'broken']);
    expect(segments[1]).toMatchObject({ message: expect.stringMatching(/link is not closed/), source: '[passivewp link asin="B08N5WRWNW"]' });
    expect(segments[5]).toMatchObject({ message: expect.stringMatching(/closing \[\/passivewp\] without/) });
  });

  it('a broken shortcode without "]" ends at the line, so the rest of the page survives', () => {
    const segments = parseShortcodes('[passivewp box asin="B08N5WRWNW"\n<p>After</p>');
    expect(segments).toEqual([expect.objectContaining({ kind: 'broken' }), { kind: 'text', text: '\n<p>After</p>' }]);
  });

  it('leaves other square brackets alone', () => {
    expect(parseShortcodes('[caption] [passivewpx] text')).toEqual([{ kind: 'text', text: '[caption] [passivewpx] text' }]);
  });

  it('a quoted value never runs into the next shortcode: a quote left open is reported, and the next shortcode still counts', () => {
    const segments = parseShortcodes('[passivewp box asin="B08N5WRWNW]\n[passivewp box asin="B07XJ8C8F5"]');
    expect(segments[0]).toMatchObject({ kind: 'broken', message: 'The value of "asin" has no closing quote.', source: '[passivewp box asin="B08N5WRWNW]' });
    expect(blocks(segments)).toEqual([{ type: 'box', asin: 'B07XJ8C8F5' }]);
  });

  it('reads at most `limit` shortcodes: later ones are left out unchecked (tag by tag, a link’s text stays)', () => {
    const segments = parseShortcodes('[passivewp box asin="B08N5WRWNW"] [passivewp box asin="nope"] [passivewp link asin="B07XJ8C8F5"]this[/passivewp] [/passivewp]', { limit: 1 });
    expect(segments).toEqual([
      { kind: 'block', block: { type: 'box', asin: 'B08N5WRWNW' }, source: '[passivewp box asin="B08N5WRWNW"]' },
      { kind: 'text', text: ' ' },
      { kind: 'excess', source: '[passivewp box asin="nope"]' },
      { kind: 'text', text: ' ' },
      { kind: 'excess', source: '[passivewp link asin="B07XJ8C8F5"]' },
      { kind: 'text', text: 'this' },
      { kind: 'excess', source: '[/passivewp]' },
      { kind: 'text', text: ' ' },
      { kind: 'excess', source: '[/passivewp]' },
    ]);
  });
});

describe('parseShortcodes on hostile input', () => {
  const KB = 1024;
  const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  /** Inputs that made the earlier parser read the rest of the post again for each shortcode. */
  const inputs: Record<string, string> = {
    'boxes': '[passivewp box asin="B08N5WRWNW"]\n',
    'closed links': '[passivewp link asin="B08N5WRWNW"]a <b>kettle</b>[/passivewp] ',
    'links never closed': '[passivewp link asin="B08N5WRWNW"]a kettle ',
    'link openings without "]"': '[passivewp link ',
    'empty links': '[passivewp link ]',
    'stray closing tags': '[/passivewp]',
    'openings only': '[passivewp ',
    'quotes never closed': '[passivewp box asin="',
    'curly quotes never closed': '[passivewp list search=“',
    'nested brackets': '[[[passivewp box [passivewp link asin="]"]]',
    'tags that never end inside a link': '[passivewp link asin="B08N5WRWNW"]<<<<b',
    'values with "]" and broken attributes': '[passivewp list search="a ] b" !]',
    'a post': '<p>Our pick: [passivewp box asin="B08N5WRWNW"] or [passivewp link asin="B07XJ8C8F5"]this one[/passivewp].</p>\n[passivewp table asins="B08N5WRWNW,B07XJ8C8F5"]\n',
  };

  it.each(Object.entries(inputs))('%s: the characters examined grow in proportion to the length (64 KB → 1 MB)', (_, unit) => {
    const examined = (size: number) => {
      const effort = { charactersExamined: 0 };
      parseShortcodes(fill(unit, size), { effort });
      return effort.charactersExamined;
    };
    const small = examined(64 * KB);
    const large = examined(1024 * KB);
    // Every character is looked at a few times at most (once per kind of delimiter searched for), however the shortcodes are broken.
    expect(large).toBeLessThanOrEqual(4 * 1024 * KB);
    expect(large / small).toBeLessThan(16 * 1.05);
  });
});
