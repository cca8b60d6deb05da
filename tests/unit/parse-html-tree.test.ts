import { describe, expect, it } from 'vitest';
import { auditRenderedHtml } from '../../src/domain/render/audit-rendered-html.js';
import { elementsOf, MAX_DEPTH, parseHtmlTree, textOf, type HtmlElement } from '../../src/domain/render/parse-html-tree.js';

const MB = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const elements = (html: string) => [...elementsOf(parseHtmlTree(html))];
/** How many elements an element is inside of. */
const depthOf = (element: HtmlElement) => {
  let depth = 0;
  for (let at = element.parent; at?.parent; at = at.parent) depth += 1;
  return depth;
};

describe('parseHtmlTree', () => {
  it('reads tags as browsers do: quoted values may hold ">" and "<", unquoted values work, a tag still open at the end is dropped', () => {
    const [a, b] = elements('<p>See <a title="a > b <i>" href=https://www.amazon.com/dp/B08N5WRWNW?tag=x-20 rel=\'sponsored\'>this</a> and <b class="x"');
    expect(a).toMatchObject({ tag: 'p' });
    expect(b).toMatchObject({ tag: 'a', attrs: new Map([['title', 'a > b <i>'], ['href', 'https://www.amazon.com/dp/B08N5WRWNW?tag=x-20'], ['rel', 'sponsored']]) });
    expect(textOf(parseHtmlTree('<p>a<b>b</b>c</p><br/><p>d</p>'))).toBe('abcd');
    expect(elements('<div><img src="x.jpg"/><span/>text</div>').map((e) => e.tag)).toEqual(['div', 'img', 'span']);
  });

  it('closes the nearest open element of an end tag’s name and ignores stray end tags', () => {
    const [div, span, p] = elements('<div><span>x</p></div><p>y');
    expect([div?.tag, span?.parent?.tag, p?.parent?.tag]).toEqual(['div', 'div', '#root']);
  });

  it(`nests at most ${MAX_DEPTH} deep: deeper elements become children of the last one`, () => {
    const all = elements(fill('<div>', 5 * MAX_DEPTH * 5));
    expect(all).toHaveLength(5 * MAX_DEPTH);
    expect(Math.max(...all.map(depthOf))).toBe(MAX_DEPTH);
  });

  // Each of these took the earlier tokenizer minutes (a tag never closed was read again from every "<" inside it).
  it.each([
    ['tags that never close', '<a '],
    ['quotes inside tags that never close', '<a x="<a y=\'<b '],
    ['raw-text elements', '<style>p{}</style>'],
    ['stray end tags under a deep tree', '<div></span>'],
    ['nested prices', '<span class="pwp-price">$1'],
    ['sibling prices', '<div><span class="pwp-price">$1</span><span class="pwp-price">$2</span><span class="pwp-price">$3</span></div>'],
    ['nested disclosures and links in blocks', '<span class="pwp-disclosure"><div data-pwp-block="box"><a href="javascript:x" rel="sponsored">'],
  ])('1 MB of %s is parsed and audited in one pass', (_, unit) => {
    const html = fill(unit, MB);
    expect(parseHtmlTree(html)).toMatchObject({ tag: '#root' });
    expect(auditRenderedHtml(html, { disclosure: 'As an Amazon Associate I earn from qualifying purchases.' })).toEqual(expect.any(Array));
  });
});
