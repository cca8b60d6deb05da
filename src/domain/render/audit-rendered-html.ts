import { excerptOf, type AuditProblem } from './audit-problem.js';
import { elementsOf, hasClass, parseHtmlTree, textOf, type HtmlElement } from './parse-html-tree.js';

/** Amazon stores (any amazon.<tld>, with or without a subdomain) and Amazon's short-link hosts. */
const AMAZON_HOST = /(^|\.)amazon\.(com|ca|de|fr|it|es|nl|se|pl|in|sg|ae|sa|eg|ie|co\.uk|co\.jp|com\.mx|com\.br|com\.au|com\.tr|com\.be|cn)$/;
const SHORT_HOST = /^(amzn\.to|amzn\.eu|amzn\.asia|a\.co)$/;
/** Attributes that make the browser go somewhere when clicked or submitted. */
const LINK_ATTRIBUTES = ['href', 'xlink:href', 'action', 'formaction'] as const;
/** Schemes that run code or carry a document of their own: wrong in any link of a page. */
const SCRIPT_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

/**
 * Checks rendered HTML (our blocks and the operator's own text around them) against the rules of
 * the Amazon Associates program that a page can break: every Amazon link tagged and marked
 * `rel="sponsored"`, every price next to the time it was fetched, and the affiliate disclosure
 * before the first monetized block or link. Also that no link runs script: inside a block every
 * link is http(s); around the blocks, `javascript:`, `vbscript:` and `data:` links are flagged. Pure.
 */
export function auditRenderedHtml(html: string, options: { disclosure: string | null }): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const expected = normalize(options.disclosure ?? '');
  let disclosed = false;
  let monetizedSeen = false;
  for (const element of elementsOf(parseHtmlTree(html))) {
    if (hasClass(element, 'pwp-disclosure') && expected && normalize(textOf(element)).includes(expected)) disclosed = true;
    const amazonHost = element.tag === 'a' ? amazonHostOf(element.attrs.get('href') ?? '') : null;
    if (!monetizedSeen && (amazonHost || element.attrs.has('data-pwp-block'))) {
      monetizedSeen = true;
      if (!expected) problems.push({ code: 'missing_disclosure', message: 'The affiliate disclosure is empty (Settings → General): Amazon requires one on every page with affiliate links.' });
      else if (!disclosed) problems.push({ code: 'missing_disclosure', message: 'An Amazon link or product block comes before the affiliate disclosure.', excerpt: excerptOf(element.source) });
    }
    if (amazonHost) problems.push(...auditLink(element, amazonHost));
    problems.push(...auditScheme(element));
    if (hasClass(element, 'pwp-price') && !hasTime(element) && !(element.parent && hasTime(element.parent))) {
      problems.push({ code: 'price_without_time', message: 'A price is shown without the time it was fetched (“as of …”).', excerpt: excerptOf(`${element.source}${textOf(element)}`) });
    }
  }
  return problems;
}

function auditLink(element: HtmlElement, host: { host: string; short: boolean; tagged: boolean }): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const excerpt = excerptOf(element.source);
  if (host.short) problems.push({ code: 'untagged_link', message: `A ${host.host} short link: its partner tag cannot be checked; link to the product with ?tag= instead.`, excerpt });
  else if (!host.tagged) problems.push({ code: 'untagged_link', message: `An Amazon link (${host.host}) without a partner tag (tag=).`, excerpt });
  const rel = (element.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
  if (!rel.includes('sponsored')) problems.push({ code: 'missing_sponsored_rel', message: 'An Amazon link without rel="sponsored".', excerpt });
  return problems;
}

/**
 * Attribute values arrive entity-decoded (`&#106;avascript&colon;` is `javascript:`); the URL parser
 * then drops what browsers drop (leading spaces and controls, tabs and line breaks anywhere), so
 * `java\tscript:` is seen as the browser sees it.
 */
function auditScheme(element: HtmlElement): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const inBlock = isInBlock(element);
  for (const name of LINK_ATTRIBUTES) {
    const value = element.attrs.get(name);
    if (value === undefined) continue;
    const scheme = schemeOf(value);
    if (!scheme || scheme === 'http:' || scheme === 'https:') continue;
    if (!inBlock && !SCRIPT_SCHEMES.has(scheme)) continue;
    problems.push({
      code: 'unsafe_link',
      message: inBlock ? `A link in a product block uses “${scheme}”; only http and https links belong there.` : `A link uses “${scheme}”, which runs code or opens an embedded document instead of a page.`,
      excerpt: excerptOf(element.source),
    });
  }
  return problems;
}

function schemeOf(value: string): string | null {
  try {
    return new URL(value, 'https://relative.invalid/').protocol.toLowerCase();
  } catch {
    return null;
  }
}

function isInBlock(element: HtmlElement): boolean {
  for (let at: HtmlElement | null = element; at; at = at.parent) if (at.attrs.has('data-pwp-block')) return true;
  return false;
}

function amazonHostOf(href: string): { host: string; short: boolean; tagged: boolean } | null {
  let url: URL;
  try {
    url = new URL(href.trim(), 'https://relative.invalid/');
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (SHORT_HOST.test(host)) return { host, short: true, tagged: false };
  if (!AMAZON_HOST.test(host)) return null;
  return { host, short: false, tagged: Boolean(url.searchParams.get('tag')?.trim()) };
}

const timeBelow = new WeakMap<HtmlElement, boolean>();

/** A `<time datetime>` in the element or below it. */
function hasTime(element: HtmlElement): boolean {
  // Remembered per element: a thousand prices in one parent must not search that parent a thousand times.
  let found = timeBelow.get(element);
  if (found === undefined) {
    found = false;
    for (const inner of elementsOf(element)) if ((found = inner.tag === 'time' && Boolean(inner.attrs.get('datetime')))) break;
    timeBelow.set(element, found);
  }
  return found;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
