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
});
