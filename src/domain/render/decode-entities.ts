// `colon`, `tab` and `newline` too: browsers decode them in a link, where they can spell `javascript:`.
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'", colon: ':', tab: '\t', newline: '\n' };

/**
 * Decodes the character references that appear in attribute values and short texts (`&amp;`,
 * `&#39;`, `&#x2F;` …); unknown names stay as written. Enough for the URLs and texts we inspect,
 * not a full HTML5 decoder.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+[0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
