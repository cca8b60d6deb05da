import { attributesOf, BLOCK_SCHEMAS, BLOCK_TYPES, type BlockParams, type BlockType } from './block-params.js';
import { decodeEntities } from './decode-entities.js';

/**
 * A piece of content: the operator's own text, a block to render, a shortcode that cannot be, or
 * a shortcode past the parse's limit (located so that it can be left out, not read further).
 */
export type ContentSegment =
  | { kind: 'text'; text: string }
  | { kind: 'block'; block: BlockParams; source: string }
  | { kind: 'broken'; message: string; source: string }
  | { kind: 'excess'; source: string };

export interface ParseOptions {
  /**
   * How many shortcodes (blocks and broken ones) are read. Each one after that becomes an `excess`
   * segment of its own tag only — a link's text stays in the text around it — and is not checked.
   */
  limit?: number;
  /** Receives how much of the content the parse looked at (a small multiple of its length, whatever it holds). */
  effort?: { charactersExamined: number };
}

const SHORTCODE = /\[\/?passivewp(?=[\s\]])/gi;
const OPENING = /\[passivewp(?=[\s\]])/gi;
const CLOSING = /\[\/passivewp\]/gi;
const CLOSING_HERE = /\[\/passivewp\]/iy;
const BRACKET = /\]/g;
const LINE_END = /[\n<]/g;
const SPACE = /\s*/y;
const TYPE = /[A-Za-z_-]+/y;
const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** What ends a value opened by each quote: straight quotes, and the curly ones editors put in when they "smarten" a post. */
const CLOSING_QUOTE: Record<string, RegExp> = { '"': /"/g, "'": /'/g, '“': /[”“″]/g, '”': /[”“″]/g, '‘': /[’‘]/g, '’': /[’‘]/g, '″': /″/g };
const LINK_NOT_CLOSED = 'The link is not closed: put [/passivewp] after its text, e.g. [passivewp link asin="B08N5WRWNW"]this kettle[/passivewp].';

type Scanned = { ok: true; type: string; attributes: Map<string, string>; end: number } | { ok: false; message: string; end: number };

/**
 * Splits content into text and `[passivewp …]` blocks. Pure: every problem (unknown type, bad
 * attribute, unterminated link …) becomes a `broken` segment with a message, never an exception,
 * so one bad shortcode never takes the rest of the page with it.
 *
 * Linear in the content's length (any post body reaches it, so no input may make it slow): each
 * search for a delimiter resumes where the last one for the same delimiter stopped, and the parts
 * of a shortcode (its quoted values, a link's text) never contain another `[passivewp` opening —
 * a value or link that would is reported as not closed — so no text is read for two shortcodes.
 */
export function parseShortcodes(content: string, { limit = Infinity, effort }: ParseOptions = {}): ContentSegment[] {
  const scan = new Scanner(content);
  const segments: ContentSegment[] = [];
  let read = 0;
  let at = 0;
  for (let start = scan.find(SHORTCODE, 0); start !== -1; start = scan.find(SHORTCODE, at)) {
    if (start > at) segments.push({ kind: 'text', text: content.slice(at, start) });
    const checked = read < limit;
    if (checked) read += 1;
    at = content[start + 1] === '/' ? readClosingTag(scan, start, checked, segments) : readShortcode(scan, start, checked, segments);
  }
  if (at < content.length) segments.push({ kind: 'text', text: content.slice(at) });
  if (effort) effort.charactersExamined += scan.examined;
  return segments;
}

/** A `[/passivewp]` that closes no link; returns where it ends. */
function readClosingTag(scan: Scanner, start: number, checked: boolean, segments: ContentSegment[]): number {
  const end = start + (scan.lengthAt(CLOSING_HERE, start) || '[/passivewp'.length);
  const source = scan.text.slice(start, end);
  segments.push(checked ? { kind: 'broken', message: 'A closing [/passivewp] without an opening [passivewp link …].', source } : { kind: 'excess', source });
  return end;
}

/** The shortcode opening at `start` (with a link's text and closing tag); returns where it ends. */
function readShortcode(scan: Scanner, start: number, checked: boolean, segments: ContentSegment[]): number {
  const scanned = scanTag(scan, start + '[passivewp'.length);
  const source = scan.text.slice(start, scanned.end);
  if (!checked) segments.push({ kind: 'excess', source });
  else if (!scanned.ok) segments.push({ kind: 'broken', message: scanned.message, source });
  else if (scanned.type.toLowerCase() === 'link') return parseLink(scan, start, scanned, segments);
  else segments.push(toSegment(scanned.type, scanned.attributes, source, ''));
  return scanned.end;
}

/**
 * The content and every look-up the parse makes in it, counted. A search is remembered: asked
 * again from a point before the match it found, it answers without reading anything.
 */
class Scanner {
  examined = 0;
  private readonly found = new Map<RegExp, { from: number; at: number }>();

  constructor(readonly text: string) {}

  /** Where the global `pattern` next matches at or after `from`, or -1. */
  find(pattern: RegExp, from: number): number {
    const known = this.found.get(pattern);
    if (known && known.from <= from && (known.at === -1 || from <= known.at)) return known.at;
    pattern.lastIndex = from;
    const match = pattern.exec(this.text);
    this.examined += (match ? match.index + match[0].length : this.text.length) - from;
    const at = match ? match.index : -1;
    if (!known) this.found.set(pattern, { from, at });
    else {
      known.from = from;
      known.at = at;
    }
    return at;
  }

  /** How many characters the sticky `pattern` matches right at `at` (0 for none). */
  lengthAt(pattern: RegExp, at: number): number {
    pattern.lastIndex = at;
    const length = pattern.test(this.text) ? pattern.lastIndex - at : 0;
    this.examined += length + 1;
    return length;
  }

  /** The text from `from` to `to`, counted as read. */
  read(from: number, to: number): string {
    this.examined += to - from;
    return this.text.slice(from, to);
  }
}

/** A link encloses its text up to `[/passivewp]`; a link left open is broken (only its opening tag is dropped). */
function parseLink(scan: Scanner, start: number, scanned: Extract<Scanned, { ok: true }>, segments: ContentSegment[]): number {
  const close = scan.find(CLOSING, scanned.end);
  const nextOpen = scan.find(OPENING, scanned.end);
  if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
    segments.push({ kind: 'broken', message: LINK_NOT_CLOSED, source: scan.text.slice(start, scanned.end) });
    return scanned.end;
  }
  const text = decodeEntities(stripTags(scan.read(scanned.end, close))).replace(/\s+/g, ' ').trim();
  const end = close + '[/passivewp]'.length;
  segments.push(toSegment('link', scanned.attributes, scan.text.slice(start, end), text));
  return end;
}

/** Drops `<…>` tags in one pass (a `<` with no `>` after it stays, like everything after it). */
function stripTags(html: string): string {
  let text = '';
  let at = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', at)) {
    const close = html.indexOf('>', open + 1);
    if (close === -1) break;
    text += html.slice(at, open);
    at = close + 1;
  }
  return text + html.slice(at);
}

function toSegment(typeName: string, attributes: Map<string, string>, source: string, text: string): ContentSegment {
  const type = typeName.toLowerCase() as BlockType;
  if (!BLOCK_TYPES.includes(type)) {
    return { kind: 'broken', message: `Unknown block type "${typeName}": use one of ${BLOCK_TYPES.join(', ')}.`, source };
  }
  const known = attributesOf(type);
  const unknown = [...attributes.keys()].filter((name) => !known.includes(name));
  if (unknown.length) {
    return { kind: 'broken', message: `[passivewp ${type}] has no attribute ${unknown.map((n) => `"${n}"`).join(', ')}: it takes ${known.join(', ')}.`, source };
  }
  const parsed = BLOCK_SCHEMAS[type].safeParse(Object.fromEntries(attributes));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const given = attributes.get(field);
      return given === undefined && issue.code === 'invalid_type' ? `${field} is missing` : `${field}${given === undefined ? '' : `="${given}"`} ${issue.message}`;
    });
    return { kind: 'broken', message: `[passivewp ${type}]: ${issues.join('; ')}.`, source };
  }
  const block = (type === 'link' ? { type, text, ...parsed.data } : { type, ...parsed.data }) as BlockParams;
  return { kind: 'block', block, source };
}

/** Reads `type name="value" name='value' …]` from `from`. */
function scanTag(scan: Scanner, from: number): Scanned {
  const content = scan.text;
  let i = from + scan.lengthAt(SPACE, from);
  const typeLength = scan.lengthAt(TYPE, i);
  if (!typeLength) return brokenTag(scan, from, `A [passivewp] shortcode needs a block type: ${BLOCK_TYPES.join(', ')}.`);
  const type = content.slice(i, i + typeLength);
  i += typeLength;
  const attributes = new Map<string, string>();
  for (;;) {
    i += scan.lengthAt(SPACE, i);
    if (i >= content.length) return brokenTag(scan, from, `The [passivewp ${type} …] shortcode is not closed with "]".`);
    if (content[i] === ']') return { ok: true, type, attributes, end: i + 1 };
    const nameLength = scan.lengthAt(NAME, i);
    if (!nameLength) return brokenTag(scan, from, `Unexpected "${content[i]}" in [passivewp ${type} …]: write attributes as name="value".`);
    const name = content.slice(i, i + nameLength);
    i += nameLength;
    i += scan.lengthAt(SPACE, i);
    if (content[i] !== '=') return brokenTag(scan, from, `The attribute "${name}" has no value: write ${name}="…".`);
    i += 1;
    i += scan.lengthAt(SPACE, i);
    const closeQuote = CLOSING_QUOTE[content[i] ?? ''];
    if (!closeQuote) return brokenTag(scan, from, `The value of "${name}" is not in quotes: write ${name}="…".`);
    const valueEnd = scan.find(closeQuote, i + 1);
    const nextOpen = scan.find(OPENING, i + 1);
    if (valueEnd === -1 || (nextOpen !== -1 && nextOpen < valueEnd)) return brokenTag(scan, from, `The value of "${name}" has no closing quote.`);
    const key = name.toLowerCase();
    if (attributes.has(key)) return brokenTag(scan, from, `The attribute "${name}" is given twice.`);
    attributes.set(key, decodeEntities(scan.read(i + 1, valueEnd)));
    i = valueEnd + 1;
  }
}

/** A shortcode with a syntax error: the broken part ends at the next `]`, else at the end of the line (or an HTML tag). */
function brokenTag(scan: Scanner, from: number, message: string): Scanned {
  const close = scan.find(BRACKET, from);
  const line = close === -1 ? scan.find(LINE_END, from) : -1;
  const end = close !== -1 ? close + 1 : line !== -1 ? line : scan.text.length;
  return { ok: false, message, end };
}
