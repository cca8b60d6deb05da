import { attributesOf, BLOCK_SCHEMAS, BLOCK_TYPES, type BlockParams, type BlockType } from './block-params.js';
import { decodeEntities } from './decode-entities.js';

/** A piece of content: the operator's own text, a block to render, or a shortcode that cannot be. */
export type ContentSegment =
  | { kind: 'text'; text: string }
  | { kind: 'block'; block: BlockParams; source: string }
  | { kind: 'broken'; message: string; source: string };

const TAG = /\[(\/?)passivewp(?=[\s\]])/gi;
const CLOSE = /\[\/passivewp\]/i;
/** Straight quotes, and the curly ones editors put in when they "smarten" a post. */
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’', '″': '″' };

type Scanned = { ok: true; type: string; attributes: Map<string, string>; end: number } | { ok: false; message: string; end: number };

/**
 * Splits content into text and `[passivewp …]` blocks. Pure: every problem (unknown type, bad
 * attribute, unterminated link …) becomes a `broken` segment with a message, never an exception,
 * so one bad shortcode never takes the rest of the page with it.
 */
export function parseShortcodes(content: string): ContentSegment[] {
  const segments: ContentSegment[] = [];
  const pushText = (text: string) => {
    if (text) segments.push({ kind: 'text', text });
  };
  let at = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(content); match; match = TAG.exec(content)) {
    const start = match.index;
    pushText(content.slice(at, start));
    if (match[1]) {
      const end = start + (content.slice(start).match(/^\[\/passivewp\]/i)?.[0].length ?? match[0].length);
      segments.push({ kind: 'broken', message: 'A closing [/passivewp] without an opening [passivewp link …].', source: content.slice(start, end) });
      at = end;
    } else {
      const scanned = scanTag(content, start + match[0].length);
      const opening = content.slice(start, scanned.end);
      if (!scanned.ok) {
        segments.push({ kind: 'broken', message: scanned.message, source: opening });
        at = scanned.end;
      } else if (scanned.type.toLowerCase() === 'link') {
        at = parseLink(content, opening, scanned, segments);
      } else {
        segments.push(toSegment(scanned.type, scanned.attributes, opening, ''));
        at = scanned.end;
      }
    }
    TAG.lastIndex = at;
  }
  pushText(content.slice(at));
  return segments;
}

/** A link encloses its text up to `[/passivewp]`; a link left open is broken (only its opening tag is dropped). */
function parseLink(content: string, opening: string, scanned: Extract<Scanned, { ok: true }>, segments: ContentSegment[]): number {
  const rest = content.slice(scanned.end);
  const close = CLOSE.exec(rest);
  const nextOpen = /\[passivewp(?=[\s\]])/i.exec(rest);
  if (!close || (nextOpen && nextOpen.index < close.index)) {
    segments.push({ kind: 'broken', message: 'The link is not closed: put [/passivewp] after its text, e.g. [passivewp link asin="B08N5WRWNW"]this kettle[/passivewp].', source: opening });
    return scanned.end;
  }
  const inner = rest.slice(0, close.index);
  const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  const end = scanned.end + close.index + close[0].length;
  segments.push(toSegment('link', scanned.attributes, content.slice(scanned.end - opening.length, end), text));
  return end;
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

/** Reads `type name="value" name='value' …]` from `from`; on a syntax error, the broken part ends at the next `]` (or the line). */
function scanTag(content: string, from: number): Scanned {
  const fail = (message: string): Scanned => {
    const close = content.indexOf(']', from);
    const line = content.slice(from).search(/[\n<]/);
    const end = close !== -1 ? close + 1 : line !== -1 ? from + line : content.length;
    return { ok: false, message, end };
  };
  let i = from;
  const skipSpace = () => {
    while (i < content.length && /\s/.test(content[i]!)) i += 1;
  };
  skipSpace();
  const type = /^[A-Za-z_-]+/.exec(content.slice(i))?.[0];
  if (!type) return fail(`A [passivewp] shortcode needs a block type: ${BLOCK_TYPES.join(', ')}.`);
  i += type.length;
  const attributes = new Map<string, string>();
  for (;;) {
    skipSpace();
    if (i >= content.length) return fail(`The [passivewp ${type} …] shortcode is not closed with "]".`);
    if (content[i] === ']') return { ok: true, type, attributes, end: i + 1 };
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(content.slice(i))?.[0];
    if (!name) return fail(`Unexpected "${content[i]}" in [passivewp ${type} …]: write attributes as name="value".`);
    i += name.length;
    skipSpace();
    if (content[i] !== '=') return fail(`The attribute "${name}" has no value: write ${name}="…".`);
    i += 1;
    skipSpace();
    const closeQuote = QUOTES[content[i] ?? ''];
    if (!closeQuote) return fail(`The value of "${name}" is not in quotes: write ${name}="…".`);
    const valueEnd = content.slice(i + 1).search(closeQuote === '”' ? /[”“″]/ : closeQuote === '’' ? /[’‘]/ : new RegExp(closeQuote));
    if (valueEnd === -1) return fail(`The value of "${name}" has no closing quote.`);
    const key = name.toLowerCase();
    if (attributes.has(key)) return fail(`The attribute "${name}" is given twice.`);
    attributes.set(key, decodeEntities(content.slice(i + 1, i + 1 + valueEnd)));
    i += valueEnd + 2;
  }
}
