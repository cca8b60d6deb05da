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
const START_TAG = /^<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * A forgiving HTML tokenizer that builds a small element tree: enough to audit our own markup and
 * the links an operator wrote by hand. Comments and doctypes are skipped, raw-text elements keep
 * their content as text, end tags close the nearest open element of that name (stray ones are
 * ignored), attribute values are decoded. Not a spec-complete HTML5 parser, and need not be.
 */
export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: new Map(), children: [], parent: null, source: '' };
  let current = root;
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
    const rest = html.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(rest)) {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const close = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>/.exec(rest);
    if (close) {
      const tag = close[1]!.toLowerCase();
      for (let open: HtmlElement | null = current; open && open !== root; open = open.parent) {
        if (open.tag === tag) {
          current = open.parent ?? root;
          break;
        }
      }
      i = lt + close[0].length;
      continue;
    }
    const start = START_TAG.exec(rest);
    if (!start) {
      text('<');
      i = lt + 1;
      continue;
    }
    const tag = start[1]!.toLowerCase();
    const element: HtmlElement = { type: 'element', tag, attrs: readAttributes(start[2] ?? ''), children: [], parent: current, source: start[0] };
    current.children.push(element);
    i = lt + start[0].length;
    if (RAW_TEXT.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, i);
      const stop = end === -1 ? html.length : end;
      element.children.push({ type: 'text', text: html.slice(i, stop) });
      const after = end === -1 ? -1 : html.indexOf('>', end);
      i = after === -1 ? html.length : after + 1;
    } else if (!VOID.has(tag) && !start[3]) {
      current = element;
    }
  }
  return root;
}

function readAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** Every element below `node`, in document order. */
export function* elementsOf(node: HtmlElement): Generator<HtmlElement> {
  for (const child of node.children) {
    if (child.type === 'element') {
      yield child;
      yield* elementsOf(child);
    }
  }
}

export function textOf(node: HtmlNode): string {
  return node.type === 'text' ? node.text : node.children.map(textOf).join('');
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attrs.get('class') ?? '').split(/\s+/).includes(name);
}
