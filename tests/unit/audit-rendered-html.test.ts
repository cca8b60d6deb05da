import { describe, expect, it } from 'vitest';
import { auditRenderedHtml } from '../../src/domain/render/audit-rendered-html.js';

const DISCLOSURE = 'As an Amazon Associate I earn from qualifying purchases.';
const disclosure = `<span class="pwp-disclosure" role="note">${DISCLOSURE}</span>`;
const link = (href: string, rel = 'sponsored noopener') => `<a href="${href}" rel="${rel}" target="_blank">Kettle</a>`;
const price = '<span class="pwp-offer"><span class="pwp-price">$24.99</span> <small>Price as of <time datetime="2025-11-24T10:00:00.000Z">24 Nov</time>. Prices may change.</small></span>';
const box = (inner: string) => `<div class="pwp-block pwp-box" data-pwp-block="box">${inner}</div>`;
const codes = (html: string, d: string | null = DISCLOSURE) => auditRenderedHtml(html, { disclosure: d }).map((p) => p.code);

describe('auditRenderedHtml', () => {
  it('passes clean output: disclosure first, tagged sponsored links, prices with their time', () => {
    const html = `<p>Intro with a <a href="https://example.com/">normal link</a>.</p>${disclosure}${box(`${link('https://www.amazon.com/dp/B08N5WRWNW?tag=mytag-20&amp;linkCode=ogi')}<p>${price}</p>`)}<p>${link('https://www.amazon.co.uk/s?k=kettle&tag=mytag-21')}</p>`;
    expect(auditRenderedHtml(html, { disclosure: DISCLOSURE })).toEqual([]);
  });

  it('finds untagged Amazon links, also hand-written ones and short links', () => {
    const problems = auditRenderedHtml(`${disclosure}<p>${link('https://amazon.de/dp/B08N5WRWNW')} ${link('HTTPS://smile.amazon.com/dp/B08N5WRWNW?tag=')} ${link('https://amzn.to/3abc')}</p>`, { disclosure: DISCLOSURE });
    expect(problems.map((p) => p.code)).toEqual(['untagged_link', 'untagged_link', 'untagged_link']);
    expect(problems[0]).toMatchObject({ message: expect.stringContaining('amazon.de'), excerpt: expect.stringContaining('href="https://amazon.de/dp/B08N5WRWNW"') });
    expect(problems[2]!.message).toMatch(/amzn\.to short link/);
  });

  it('does not take image hosts or look-alike hosts for Amazon', () => {
    expect(codes(`<p>${link('https://m.media-amazon.com/images/I/x.jpg', '')} ${link('https://notamazon.com/x', '')}</p>`)).toEqual([]);
  });

  it('finds Amazon links without rel="sponsored"', () => {
    expect(codes(`${disclosure}<p>${link('https://www.amazon.com/dp/B08N5WRWNW?tag=x-20', 'nofollow')}</p>`)).toEqual(['missing_sponsored_rel']);
  });

  it('finds prices without a time next to them', () => {
    const bare = '<span class="pwp-offer"><span class="pwp-price">$24.99</span></span>';
    expect(codes(`${disclosure}${box(bare)}`)).toEqual(['price_without_time']);
    expect(codes(`${disclosure}${box('<span class="pwp-offer"><span class="pwp-price">$1</span><time>today</time></span>')}`)).toEqual(['price_without_time']);
  });

  it('finds a missing, late or empty disclosure', () => {
    expect(codes(box(price))).toEqual(['missing_disclosure']);
    expect(codes(`<p>${link('https://www.amazon.com/dp/B08N5WRWNW?tag=x-20')}</p>${disclosure}${box(price)}`)).toEqual(['missing_disclosure']);
    expect(codes(`<span class="pwp-disclosure">Something else</span>${box(price)}`)).toEqual(['missing_disclosure']);
    const empty = auditRenderedHtml(box(price), { disclosure: '' });
    expect(empty).toEqual([expect.objectContaining({ code: 'missing_disclosure', message: expect.stringMatching(/empty/) })]);
    // No monetized content: nothing to disclose.
    expect(codes('<p>Just text</p>', null)).toEqual([]);
  });

  it('flags any link in a block whose scheme is not http(s), however it is disguised', () => {
    const inBox = (href: string) => `${disclosure}${box(`<a href="${href}" rel="sponsored">Buy</a>`)}`;
    const hostile = [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      ' \u0001javascript:alert(1)',
      'java&#x09;script:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'java&Tab;script:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'ftp://example.com/kettle',
      'mailto:owner@example.com',
    ];
    for (const href of hostile) {
      const problems = auditRenderedHtml(inBox(href), { disclosure: DISCLOSURE });
      expect(problems.map((p) => p.code), href).toEqual(['unsafe_link']);
      expect(problems[0]!.message).toMatch(/only http and https/);
    }
    // A form in a block is a link too.
    expect(codes(`${disclosure}${box('<form action="javascript:alert(1)"><button formaction="data:text/html,x">Buy</button></form>')}`)).toEqual(['unsafe_link', 'unsafe_link']);
  });

  it('outside the blocks, flags only links that run script; the operator’s mail, phone and page links are fine', () => {
    expect(codes('<p><a href="mailto:me@example.com">Mail</a> <a href="tel:+491234">Call</a> <a href="/about">About</a> <a href="#top">Top</a></p>', null)).toEqual([]);
    expect(codes('<p><a href="java&Tab;script:alert(1)">x</a> <a href="data:text/html,x">y</a></p>', null)).toEqual(['unsafe_link', 'unsafe_link']);
  });

  it('copes with comments, scripts and unclosed tags', () => {
    const html = `<!-- <a href="https://amazon.com/dp/X">x</a> --><script>var a = '<a href="https://amazon.com/">';</script>${disclosure}<div><p>${link('https://www.amazon.com/dp/B08N5WRWNW?tag=x-20')}<br><img src="x.jpg"></div>`;
    expect(codes(html)).toEqual([]);
  });
});
