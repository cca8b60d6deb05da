import { decodeEntities } from './decode-entities.js';

export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: ReadonlyMap<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
  /** The start tag as written, for excerpts. */
  source: string;
}
export interface HtmlText {
  type: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Where each raw-text element ends (searched from where its content starts). */
const RAW_TEXT_END = new Map([...RAW_TEXT].map((tag) => [tag, new RegExp(`</${tag}`, 'gi')]));
const TAG_NAME = /[^\s/>]*/y;
const ATTRIBUTE_NAME = /[^\s/>=]*/y;
const UNQUOTED_VALUE = /[^\s>]*/y;
const SPACE = /\s*/y;
/**
 * How deep elements nest; deeper ones become children of the element at this depth. Browsers stop
 * nesting too (at 512): checks that look at an element's ancestors or descendants stay linear.
 */
export const MAX_DEPTH = 64;

/**
 * A forgiving HTML tokenizer that builds a small element tree: enough to audit our own markup and
 * the links an operator wrote by hand. It reads tags the way browsers do, in one pass: a `<` and a
 * letter start a tag that ends at the first `>` outside a quoted value (a tag still open at the end
 * is dropped), comments and doctypes are skipped, raw-text elements keep their content as text, end
 * tags close the nearest open element of that name (stray ones are ignored), attribute values are
 * decoded. Linear in the length of the HTML, whatever it holds. Not a spec-complete HTML5 parser.
 */
export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: new Map(), children: [], parent: null, source: '' };
  let current = root;
  let depth = 0;
  let i = 0;
  const text = (value: string) => {
    if (value) current.children.push({ type: 'text', text: decodeEntities(value) });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
    } else if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
    } else if (next === '/' && isLetter(html[lt + 2])) {
      const tag = html.slice(lt + 2, lt + 2 + lengthAt(html, TAG_NAME, lt + 2)).toLowerCase();
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      // The nearest open element of that name closes, with those inside it (at most MAX_DEPTH steps up).
      for (let at = current, steps = 1; at !== root; at = at.parent!, steps += 1) {
        if (at.tag !== tag) continue;
        current = at.parent!;
        depth -= steps;
        break;
      }
    } else if (isLetter(next)) {
      const tag = readTag(html, lt);
      if (!tag) break;
      const element: HtmlElement = { type: 'element', tag: tag.name, attrs: tag.attrs, children: [], parent: current, source: html.slice(lt, tag.end) };
      current.children.push(element);
      i = tag.end;
      if (RAW_TEXT.has(tag.name)) {
        const ending = RAW_TEXT_END.get(tag.name)!;
        ending.lastIndex = i;
        const stop = ending.exec(html)?.index ?? html.length;
        element.children.push({ type: 'text', text: html.slice(i, stop) });
        const after = stop === html.length ? -1 : html.indexOf('>', stop);
        i = after === -1 ? html.length : after + 1;
      } else if (!VOID.has(tag.name) && !tag.selfClosing && depth < MAX_DEPTH) {
        current = element;
        depth += 1;
      }
    } else {
      text('<');
      i = lt + 1;
    }
  }
  return root;
}

/** The start tag at `lt` (`<` and a letter): its name, attributes and end; null when the HTML ends inside it. */
function readTag(html: string, lt: number): { name: string; attrs: Map<string, string>; end: number; selfClosing: boolean } | null {
  let i = lt + 1 + lengthAt(html, TAG_NAME, lt + 1);
  const name = html.slice(lt + 1, i);
  const attrs = new Map<string, string>();
  let slash = false;
  for (;;) {
    i += lengthAt(html, SPACE, i);
    const c = html[i];
    if (c === undefined) return null;
    if (c === '>') return { name: name.toLowerCase(), attrs, end: i + 1, selfClosing: slash && html[i - 1] === '/' };
    slash = c === '/';
    if (slash) {
      i += 1;
      continue;
    }
    // A name may start with "=" (browsers take it as part of the name).
    const nameEnd = i + 1 + lengthAt(html, ATTRIBUTE_NAME, i + 1);
    const key = html.slice(i, nameEnd).toLowerCase();
    i = nameEnd + lengthAt(html, SPACE, nameEnd);
    let value = '';
    if (html[i] === '=') {
      i += 1 + lengthAt(html, SPACE, i + 1);
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const end = html.indexOf(quote, i + 1);
        if (end === -1) return null;
        value = html.slice(i + 1, end);
        i = end + 1;
      } else {
        const end = i + lengthAt(html, UNQUOTED_VALUE, i);
        value = html.slice(i, end);
        i = end;
      }
    }
    if (!attrs.has(key)) attrs.set(key, decodeEntities(value));
  }
}

/** How many characters the sticky `pattern` matches at `at`. */
function lengthAt(html: string, pattern: RegExp, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(html) ? pattern.lastIndex - at : 0;
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** Every node below `node`, in document order (a loop, not recursion: any depth is fine). */
function* nodesOf(node: HtmlElement): Generator<HtmlNode> {
  const stack: Array<{ element: HtmlElement; next: number }> = [{ element: node, next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const child = top.element.children[top.next++];
    if (!child) stack.pop();
    else {
      yield child;
      if (child.type === 'element') stack.push({ element: child, next: 0 });
    }
  }
}

/** Every element below `node`, in document order. */
export function* elementsOf(node: HtmlElement): Generator<HtmlElement> {
  for (const child of nodesOf(node)) if (child.type === 'element') yield child;
}

export function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  const parts: string[] = [];
  for (const child of nodesOf(node)) if (child.type === 'text') parts.push(child.text);
  return parts.join('');
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attrs.get('class') ?? '').split(/\s+/).includes(name);
}
