/**
 * A web page → report text. The page is parsed by htmlparser2 (a tolerant, streaming HTML parser:
 * implied end tags, entities); nothing of it is run. Its declared charset is honoured (many government
 * sites serve GBK). Only the article is read: the smallest element that holds all the report's section
 * headings the page holds, with the report's title found before it when the article lacks it;
 * navigation, scripts, styles, forms and hidden elements are dropped. Tables are laid out on their grid
 * (rowspan, colspan) as tab-separated rows; a table used for the page's layout (tables inside it, or
 * paragraphs of prose in its cells) is read as the blocks it holds.
 */
import { Parser } from 'htmlparser2';
import { TITLE_PHRASE, sectionNamed } from '../format/national';
import { GridCell, TextBuilder, cellText, gridLines, layoutGrid } from './layout';
import type { ReadResult } from './types';
import { READ_LIMITS, refuse } from './types';

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  /** the sections (bit id-1) whose key words its text holds */
  mask: number;
}

/** Elements whose content is never the report's text. */
const DROPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'select', 'button', 'textarea', 'input', 'nav', 'canvas', 'audio', 'video', 'map']);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'caption', 'body', 'html', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot',
]);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);

/** Bytes of a page → its text, by its byte order mark, its declared charset, or what decodes. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  const utf8 = (): string | undefined => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
  if (declared && !/^utf-?8$/i.test(declared)) {
    // GB2312 and GBK pages are decoded as GB18030, which holds both
    const label = /^(?:gb2312|gbk|gb_2312-80|x-gbk|cp936|gb18030|csgb2312|chinese)$/i.test(declared) ? 'gb18030' : declared;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: what decodes
    }
  }
  // a page that says UTF-8 but is not (sites copy their templates' meta tags): GB18030
  return utf8() ?? new TextDecoder('gb18030').decode(bytes);
}

/** The charset a page declares in its first 4 KB (<meta charset>, or http-equiv Content-Type). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  let s = '';
  for (let k = 0; k < head.length; k++) s += String.fromCharCode(head[k]!);
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(s);
  return m?.[1];
}

/** The page's elements, scripts and the like left out (never run: their text is not even kept). */
function parsePage(html: string): { root: El; title: string } {
  const root: El = { tag: '#root', attrs: {}, children: [], mask: 0 };
  const stack: El[] = [root];
  let dropped = 0;
  let inTitle = false;
  let title = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (dropped > 0 || DROPPED.has(name) || hidden(attrs)) {
          if (!VOID.has(name)) dropped++;
          return;
        }
        const el: El = { tag: name, attrs, children: [], mask: 0 };
        const parent = stack[stack.length - 1]!;
        parent.children.push(el);
        if (!VOID.has(name) && stack.length < READ_LIMITS.maxDepth) stack.push(el);
      },
      ontext(text) {
        if (inTitle) title += text;
        if (dropped > 0) return;
        stack[stack.length - 1]!.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (VOID.has(name)) return;
        if (dropped > 0) {
          dropped--;
          return;
        }
        // the element closed: the nearest open one of its name (implied ends close the ones above it)
        for (let k = stack.length - 1; k > 0; k--) {
          if (stack[k]!.tag === name) {
            stack.length = k;
            break;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { root, title: title.replace(/\s+/g, ' ').trim() };
}

function hidden(attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  const style = attrs['style'];
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** A section heading at a line's start or inline (a flattened page): its numeral and the words after it. */
const SECTION_HEADING_RE = /(?:^|[\n。；！？\s\d）)])\s*([一二三四五六])\s*[、.．]\s*([^\n。，,；\d]{2,24})/g;

/** The sections whose headings (一、总体情况 …) a text holds, as bits (section id - 1). */
function headingsIn(text: string): number {
  let mask = 0;
  SECTION_HEADING_RE.lastIndex = 0;
  for (let m = SECTION_HEADING_RE.exec(text); m; m = SECTION_HEADING_RE.exec(text)) {
    const numeral = '一二三四五六'.indexOf(m[1]!) + 1;
    if (sectionNamed(m[2]!, numeral) === numeral) mask |= 1 << (numeral - 1);
  }
  return mask;
}

/**
 * Each element's mask: the section headings its text holds (a heading may be split over inline
 * elements: <strong>一、</strong>总体情况). Returns the element's text.
 */
function markSections(el: El): string {
  let text = '';
  let mask = 0;
  let own = false;
  for (const c of el.children) {
    if (typeof c === 'string') {
      text += c;
      if (!own && c.trim() !== '') own = true;
    } else {
      text += markSections(c);
      mask |= c.mask;
    }
  }
  // a block, or an element with text of its own, is read whole (the headings its parts make together)
  if ((own || BLOCKS.has(el.tag)) && text.length > 3) mask |= headingsIn(text);
  el.mask = mask;
  return text;
}

function bits(n: number): number {
  let k = 0;
  for (; n; n &= n - 1) k++;
  return k;
}

/** The smallest element that holds every section the page names. */
function article(root: El): El {
  let el = root;
  for (;;) {
    const inner = el.children.find((c): c is El => typeof c !== 'string' && c.mask === el.mask);
    if (!inner) return el;
    el = inner;
  }
}

/** Lines of an element's content, blocks on lines of their own. */
class Lines {
  readonly lines: string[] = [];
  private current = '';
  private pre = 0;

  text(t: string): void {
    if (this.pre > 0) {
      const parts = t.split(/\r\n|\r|\n/);
      parts.forEach((p, k) => {
        if (k > 0) this.flush();
        this.current += p;
      });
      return;
    }
    // white space as a browser shows it: runs of it one space, none at a line's start
    const collapsed = t.replace(/[ \t\n\r\f]+/g, ' ');
    this.current += this.current === '' || this.current.endsWith(' ') ? collapsed.replace(/^ /, '') : collapsed;
  }

  flush(): void {
    const line = this.current.replace(/^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/g, '');
    if (line !== '') this.lines.push(line);
    this.current = '';
  }

  enterPre(): void {
    this.pre++;
  }
  leavePre(): void {
    this.pre--;
  }
}

/** A table that lays the page out rather than holding data: tables inside it, or prose in a cell. */
function isLayoutTable(table: El): boolean {
  let layout = false;
  const visit = (el: El, depth: number): void => {
    for (const c of el.children) {
      if (layout) return;
      if (typeof c === 'string') continue;
      if (c.tag === 'table' && depth > 0) layout = true;
      else if (c.tag === 'td' || c.tag === 'th') {
        const t = textOf(c);
        if (t.length > 300 && /[。；]/.test(t)) layout = true;
        else visit(c, depth + 1);
      } else visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return layout;
}

function textOf(el: El): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** The rows of a table (its own, not those of tables inside it), with their cells. */
function rowsOf(table: El): El[] {
  const rows: El[] = [];
  const visit = (el: El): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'tr') rows.push(c);
      else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

function span(value: string | undefined): number {
  const n = value ? parseInt(value, 10) : 1;
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** Reads an element's content into the builder: paragraphs as lines, tables as tab-separated rows. */
class Reader {
  private tables = 0;
  private paragraphs = 0;

  constructor(private readonly out: TextBuilder) {}

  block(el: El, lines: Lines): void {
    for (const c of el.children) {
      if (typeof c === 'string') {
        lines.text(c);
        continue;
      }
      if (c.tag === 'br') {
        lines.flush();
        this.emit(lines);
        continue;
      }
      if (c.tag === 'table' && !isLayoutTable(c)) {
        lines.flush();
        this.emit(lines);
        this.table(c);
        continue;
      }
      const isBlock = BLOCKS.has(c.tag);
      if (isBlock) {
        lines.flush();
        this.emit(lines);
      }
      if (c.tag === 'pre') lines.enterPre();
      this.block(c, lines);
      if (c.tag === 'pre') lines.leavePre();
      if (isBlock) {
        lines.flush();
        this.emit(lines);
      }
    }
  }

  /** Writes the lines gathered so far. */
  emit(lines: Lines): void {
    for (const l of lines.lines) this.out.line(l, `p ${++this.paragraphs}`);
    lines.lines.length = 0;
  }

  table(table: El): void {
    const t = ++this.tables;
    for (const c of table.children) {
      if (typeof c !== 'string' && c.tag === 'caption') {
        const l = new Lines();
        this.inline(c, l);
        l.flush();
        for (const line of l.lines) this.out.line(line, `table ${t} caption`);
      }
    }
    const rows: GridCell[][] = rowsOf(table).map((tr) =>
      tr.children
        .filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
        .map((td) => {
          const l = new Lines();
          this.inline(td, l);
          l.flush();
          return { text: cellText(l.lines), rowSpan: span(td.attrs['rowspan']), colSpan: span(td.attrs['colspan']) };
        }),
    );
    this.out.line('');
    gridLines(layoutGrid(rows)).forEach((line, r) => this.out.line(line, `table ${t} row ${r + 1}`));
    this.out.line('');
  }

  /** A cell's content as lines (its paragraphs and breaks), tables in it read as text. */
  private inline(el: El, lines: Lines): void {
    for (const c of el.children) {
      if (typeof c === 'string') lines.text(c);
      else if (c.tag === 'br' || BLOCKS.has(c.tag)) {
        lines.flush();
        this.inline(c, lines);
        lines.flush();
      } else this.inline(c, lines);
    }
  }
}

/** A page → the report it holds; a page without one is refused. */
export function readHtml(bytes: Uint8Array): ReadResult {
  const { root, title } = parsePage(decodeHtml(bytes));
  markSections(root);
  if (bits(root.mask) < 3) {
    return refuse(
      'no-report',
      '网页中没有找到年报正文（没有“一、总体情况”“二、主动公开政府信息情况”等部分标题）。请打开年报所在的页面，或把正文另存为文本。',
      'The page holds no report text (no section headings such as 一、总体情况, 二、主动公开政府信息情况). Open the page the report is on, or save its text.',
    );
  }
  const body = article(root);
  const out = new TextBuilder();
  const reader = new Reader(out);
  // the report's title, when the article does not carry it: a heading before it, or the page's <title>
  if (!squeeze(textOf(body)).slice(0, 200).includes(TITLE_PHRASE)) {
    const heading = titleBefore(root, body) ?? titleFromPageTitle(title);
    if (heading) out.line(heading, 'title');
  }
  const lines = new Lines();
  if (BLOCKS.has(body.tag) || body.tag === '#root') reader.block(body, lines);
  else reader.block({ tag: 'div', attrs: {}, children: [body], mask: body.mask }, lines);
  lines.flush();
  reader.emit(lines);
  return { ok: true, read: out.result('html') };
}

function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/** The last short text before the article (in page order) that names the report: the page's heading. */
function titleBefore(root: El, body: El): string | undefined {
  let found: string | undefined;
  let done = false;
  const visit = (el: El): void => {
    for (const c of el.children) {
      if (done) return;
      if (c === body) {
        done = true;
        return;
      }
      if (typeof c === 'string') {
        const t = c.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
        if (t.length <= 80 && squeeze(t).includes(TITLE_PHRASE)) found = t;
      } else visit(c);
    }
  };
  visit(root);
  return found;
}

/** The part of a page's <title> that names the report (sites add their own name after a separator). */
function titleFromPageTitle(title: string): string | undefined {
  const parts = title.split(/\s*[-_|｜—–]\s*/);
  return parts.find((p) => squeeze(p).includes(TITLE_PHRASE));
}
