/**
 * Text → syntax tree. Linear in the size of the input, never throws.
 */
import {
  BlockNode,
  PeriodNode,
  CellNode,
  HeadingNode,
  ParagraphNode,
  SubheadingNode,
  SyntaxTree,
  TableLayout,
  TableNode,
  TableRowNode,
  TitleNode,
} from './syntax';
import { Line, Span, TextMemo, cjkNumeralValue, compact, detach, isBlank, isSpaceCode, lastBeforeStars, splitLines, toHalfWidth } from './text';

import { TABLE_SECTIONS, sectionNamed } from '../format/national';
import { FLAT_MIN_LENGTH, Piece, splitFlat } from './flat';
import { TITLE_PHRASE } from './title-phrase';

/** How far into the document a title is looked for. */
const TITLE_SEARCH_LINES = 120;

/**
 * Every class has the same three fields (one shape for the engine: the parse reads a line's class
 * at every step, and classes of different shapes made each of those reads tell them apart). Blank,
 * text and row classes hold nothing of their own and are shared (never changed: a line is given
 * another class, not its class changed).
 */
type LineClass =
  | { readonly kind: 'blank'; readonly layout: undefined; readonly node: undefined }
  | { readonly kind: 'row'; readonly layout: TableLayout; readonly node: undefined }
  | { readonly kind: 'heading'; readonly layout: undefined; readonly node: HeadingNode }
  | { readonly kind: 'subheading'; readonly layout: undefined; readonly node: SubheadingNode }
  | { readonly kind: 'text'; readonly layout: undefined; readonly node: undefined };

const BLANK: LineClass = { kind: 'blank', layout: undefined, node: undefined };
const TEXT: LineClass = { kind: 'text', layout: undefined, node: undefined };
const ROWS: Record<TableLayout, LineClass> = {
  tab: { kind: 'row', layout: 'tab', node: undefined },
  space: { kind: 'row', layout: 'space', node: undefined },
  pipe: { kind: 'row', layout: 'pipe', node: undefined },
  run: { kind: 'row', layout: 'run', node: undefined },
};
const headingClass = (node: HeadingNode): LineClass => ({ kind: 'heading', layout: undefined, node });
const subheadingClass = (node: SubheadingNode): LineClass => ({ kind: 'subheading', layout: undefined, node });

/** A line's content: where it starts and ends once Markdown markup is set aside, and its text. */
class Content {
  private folded: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    /** content text as written */
    readonly raw: string,
  ) {}
  /** content text, full-width forms folded to half-width (same length as the raw content); folded when first asked for */
  get norm(): string {
    return (this.folded ??= toHalfWidth(this.raw));
  }
}

/**
 * Whether a content can start a heading (一、) or a sub-item ((一), 一是, 1.): its first character,
 * folded, is a Chinese numeral, a digit or an opening parenthesis. Most lines of prose cannot, and are
 * not folded for the asking.
 */
function mayBeNumbered(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x28 || c === 0xff08 || '一二三四五六七八九十'.includes(raw[0] ?? '-');
}

const LEADING_MARKUP = /^(?:[ \t\u3000]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\*\*|__))*[ \t\u3000]*/;
/** The characters LEADING_MARKUP can start with: a line that starts with none of them has none (most lines: not run for them). */
const MARKUP_STARTS = ' \t\u3000#>-*+_';

/** Length of the Markdown markup and white space at the start of `s` (LEADING_MARKUP). */
export function leadingMarkup(s: string): number {
  return s.length > 0 && MARKUP_STARTS.includes(s[0]!) ? LEADING_MARKUP.exec(s)![0].length : 0;
}

/** Length of Markdown emphasis and white space at the end of `s`. */
function trailingMarkup(s: string): number {
  let end = s.length;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000';
  while (end > 0 && space(s[end - 1])) end--;
  if (end >= 2 && ((s[end - 1] === '*' && s[end - 2] === '*') || (s[end - 1] === '_' && s[end - 2] === '_'))) {
    end -= 2;
    while (end > 0 && space(s[end - 1])) end--;
  }
  return s.length - end;
}

function contentOf(line: Line): Content {
  const lead = leadingMarkup(line.text);
  const rest = line.text.slice(lead);
  const trail = trailingMarkup(rest);
  const raw = rest.slice(0, rest.length - trail);
  return new Content(line.start + lead, line.start + lead + raw.length, raw);
}


const HEADING_RE = /^([一二三四五六七八九十]{1,3})[ \t]*[、.．,，][ \t]*(\S.*)?$/;
const PAREN_SUB_RE = /^\([ \t]*([一二三四五六七八九十]{1,3})[ \t]*\)[ \t]*/;
const SHI_SUB_RE = /^([一二三四五六七八九十]{1,3})是/;
const ARABIC_SUB_RE = /^(\d{1,2})[ \t]*[.、](?!\d)[ \t]*/;
const LABEL_END_RE = /[。：:；;！!？?]/;

/** Longest line still taken as a heading (longer ones are prose that happens to start with 一、). */
const MAX_HEADING_LENGTH = 60;

/**
 * What a line's text alone says, offsets relative to the line's start: its class, and, asked for
 * when needed, whether it is a space-aligned row, its squeezed content (the title search), its cells
 * in a layout. Remembered per line text, so that on a keystroke only the edited line is read again
 * (one lookup per line for all of it). Bounded.
 */
interface LineFacts {
  /** the line's text: the copy the facts are computed from (see detach), never a slice of a document */
  text: string;
  cls: LineClass;
  spaceRow?: boolean;
  squeezed?: string;
  /** the line's cells as a table row of each layout it was read in */
  cells?: Partial<Record<TableLayout, CellNode[]>>;
  /** a piece of a flattened line: what it is depends on the line around it, so it is never taken by its text alone */
  piece?: true;
  /** a heading's section by its words (0: none), asked for when needed */
  section?: number;
  /** page furniture by its text alone: 1 a page number (-3-, 第 3 页), 2 a bare number (furniture next to a form feed), 0 neither */
  furniture?: 0 | 1 | 2;
  /** where its content stands in it (markup around it left out), and whether that content ends a sentence */
  content?: { start: number; end: number; ends: boolean };
  /** by its text alone, a line that may stand in a table (short, no sentence in it): 1, with a digit 2, else 0 */
  tableLike?: 0 | 1 | 2;
}

/** Invariant: a line's facts follow from its text alone (no offset, no neighbour in them): the same text, the same facts. */
const factsCache = new TextMemo<LineFacts>(50_000, 'parse.lines');
/**
 * How each long line cuts into pieces (flat.ts), or that it does not (most long lines are paragraphs):
 * a function of the line's text alone, remembered per text like the other facts of a line (a whole
 * article on one line is not: it changes with every keystroke, and would be kept whole).
 * Invariant: what it keeps follows from the line's text alone.
 */
const flatMemo = new TextMemo<Piece[] | null>(2_000, 'parse.flat');

/** Lines longer than this are read every time (a cache of huge keys would hold the text twice). */
const FACTS_CACHE_MAX_LINE = 2_000;

/** Forgets what is remembered of lines (for measuring a check from cold). */
export function clearParseCaches(): void {
  factsCache.clear();
  flatMemo.clear();
}

/** A line's text alone, as a line at offset 0 (what is remembered per line text is read from it). */
function lineOf(text: string): Line {
  return { index: 0, start: 0, end: text.length, text };
}

/**
 * A line's facts with every field there from the start, in one order: facts are read all through the
 * parse, and an object given its fields as they are asked for takes as many shapes as there are orders
 * of asking — each read of a field then has to tell them apart, and the engine's optimized code is
 * thrown away and made again as new shapes turn up.
 */
function newFacts(text: string, cls: LineClass, piece?: true): LineFacts {
  return { text, cls, spaceRow: undefined, squeezed: undefined, cells: undefined, piece, section: undefined, furniture: undefined, content: undefined, tableLike: undefined };
}

const factsOfText = (text: string): LineFacts => newFacts(text, classifyAt(lineOf(text)));

function factsOf(line: Line): LineFacts {
  // (a long line's facts are not remembered by text, but the next parse may take them by position: a copy too)
  return line.text.length > FACTS_CACHE_MAX_LINE ? factsOfText(detach(line.text)) : factsCache.get(line.text, factsOfText);
}

/** A line's class where it stands. */
function classify(facts: LineFacts, start: number): LineClass {
  const cls = facts.cls;
  if (cls.kind === 'heading') return headingClass(shiftHeading(cls.node, start));
  if (cls.kind === 'subheading') return subheadingClass(shiftSubheading(cls.node, start));
  return cls;
}

const at = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function shiftHeading(n: HeadingNode, d: number): HeadingNode {
  return { ...n, start: n.start + d, end: n.end + d, numeralSpan: at(n.numeralSpan, d), textSpan: at(n.textSpan, d) };
}

function shiftSubheading(n: SubheadingNode, d: number): SubheadingNode {
  return { ...n, start: n.start + d, end: n.end + d, markerSpan: at(n.markerSpan, d), labelSpan: at(n.labelSpan, d) };
}

function classifyAt(line: Line): LineClass {
  const t = line.text;
  if (isBlank(t)) {
    // a row of empty cells (two tabs or more) is a row, not a blank line
    return /\t[^\t]*\t/.test(t) && /^[\t ]*$/.test(t) ? ROWS.tab : BLANK;
  }
  // A tab after the first visible character makes a table row (leading tabs are indentation).
  const firstVisible = t.search(/[^\s\u3000]/);
  if (t.indexOf('\t', firstVisible) >= 0) return ROWS.tab;
  if (isPipeRow(t)) return ROWS.pipe;
  if (RULE_LINE_RE.test(t)) return BLANK; // a rule of dashes under a header (pandoc, lynx): nothing

  const c = contentOf(line);
  if (!mayBeNumbered(c.raw)) return TEXT;
  const h = c.raw.length <= MAX_HEADING_LENGTH ? HEADING_RE.exec(c.norm) : null;
  if (h && !/[。；;]$/.test(c.norm)) {
    const number = cjkNumeralValue(h[1]!);
    if (number >= 1) {
      const textStart = h[2] !== undefined ? c.start + c.norm.length - h[2].length : c.end;
      const node: HeadingNode = {
        kind: 'heading',
        start: c.start,
        end: c.end,
        number,
        numeralSpan: { start: c.start, end: c.start + h[1]!.length },
        text: (h[2] ?? '').trim(),
        textSpan: { start: textStart, end: c.end },
      };
      return headingClass(node);
    }
  }
  const sub = subheading(c);
  if (sub) return subheadingClass(sub);
  return TEXT;
}

/** How much of a line the sub-item markers are first read in (markerText). */
const MARKER_HEAD = 24;
/** Every character a sub-item marker (PAREN_SUB_RE, SHI_SUB_RE, ARABIC_SUB_RE, folded) is made of. */
const MARKER_CHARS_RE = /^[()一二三四五六七八九十0-9.、是 \t]*$/;

/**
 * The text the sub-item markers are matched in: the line's first MARKER_HEAD characters, folded,
 * when one of them is a character no marker has — a marker (and the one character ARABIC_SUB_RE looks
 * ahead at) then ends before it, so that the patterns read the same there as in the whole line,
 * folded — else the whole line folded. A line of prose after its marker ((一)…，…) is not folded whole
 * for it: most of a report's long lines.
 */
function markerText(c: Content): string {
  if (c.raw.length <= MARKER_HEAD) return c.norm;
  const head = toHalfWidth(c.raw.slice(0, MARKER_HEAD));
  return MARKER_CHARS_RE.test(head) ? c.norm : head;
}

function subheading(c: Content): SubheadingNode | undefined {
  const t = markerText(c);
  let m = PAREN_SUB_RE.exec(t);
  let style: SubheadingNode['style'] | undefined;
  let ordinal = NaN;
  if (m) {
    style = 'paren';
    ordinal = cjkNumeralValue(m[1]!);
  } else if ((m = SHI_SUB_RE.exec(t))) {
    style = 'shi';
    ordinal = cjkNumeralValue(m[1]!);
  } else if ((m = ARABIC_SUB_RE.exec(t))) {
    style = 'arabic';
    ordinal = Number(m[1]);
  }
  if (!m || !style || !(ordinal >= 1)) return undefined;
  const markerLen = style === 'shi' ? m[1]!.length + 1 : m[0].length;
  // read in the line as written: LABEL_END_RE has each of its marks in both widths, so it stops where it would in the folded line
  const after = c.raw.slice(markerLen);
  const stop = after.search(LABEL_END_RE);
  const labelText = c.raw.slice(markerLen, markerLen + (stop >= 0 ? stop : after.length)).trimEnd();
  const labelStart = c.start + markerLen;
  return {
    kind: 'subheading',
    start: c.start,
    end: c.end,
    style,
    ordinal,
    markerSpan: { start: c.start, end: c.start + (style === 'shi' ? markerLen : m[0].trimEnd().length) },
    label: labelText,
    labelSpan: { start: labelStart, end: labelStart + labelText.length },
  };
}

/** Where a line's content stands in it, and whether it ends a sentence: by its text alone, remembered with its facts. */
function contentOfFacts(f: LineFacts): { start: number; end: number; ends: boolean } {
  if (!f.content) {
    const lead = leadingMarkup(f.text);
    const end = Math.max(lead, f.text.length - trailingMarkup(f.text.slice(lead)));
    f.content = { start: lead, end, ends: endsSentence(f.text.slice(lead, end)) };
  }
  return f.content;
}

/** The marks a sentence ends with (endsSentence). */
const SENTENCE_END_MARKS = '。！？；：.!?;:）)」』”"';

/**
 * A paragraph is complete when its last line ends a sentence — one of SENTENCE_END_MARKS, then perhaps
 * Markdown stars and white space (/[marks]\**[ \t\u3000]*$/); otherwise a page break may have cut it.
 * Read backwards from the line's end (a search for that pattern would try it at every character).
 */
export function endsSentence(text: string): boolean {
  const i = lastBeforeStars(text, 0, text.length, isLineSpace);
  return i >= 0 && SENTENCE_END_MARKS.includes(text[i]!);
}

/** The white space endsSentence sets aside at a line's end: space, tab, ideographic space. */
const isLineSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000;

/** The characters that separate cells in text copied from web pages: | (Markdown, html2text), │ ┃ (box drawing: w3m), ｜. */
const PIPE_CHARS_RE = /[|│┃｜]/;
/** A line that only draws a table's rules: |---|---|, ├──┼──┤, ||||, | |||, +----+. */
const SEPARATOR_LINE_RE = /^[\s\u3000|│┃｜─━┄┅┈┉╌╍\-+=:：├┤┼┌┐└┘┬┴╋┣┫┳┻╔╗╚╝╠╣╦╩╬═║╞╡╪╤╧╒╕╘╛]*$/;
/** A rule line without any cell separator: dashes or = under a header. */
const RULE_LINE_RE = /^[\s\u3000]*[-=─━]{3,}[\s\u3000\-=─━]*$/;
/** The border between the rows of a grid table (pandoc, psql): +-----+-----+ or +=====+=====+. */
const GRID_BORDER_RE = /^[ \t\u3000]*\+(?:[-=:]+\+)+[ \t\u3000]*$/;
/** Box-drawing characters that only stand in a separator line (├──┼──┤), even where a merged cell's text runs through it. */
const BOX_JOINT_RE = /[├┤┼┬┴╋┣┫┳┻╠╣╦╩╬╞╡╪╤╧]/;

/**
 * A row of a table copied from a web page: cells between pipes (| a | b |), after a leading pipe only
 * (| a), before a trailing pipe only (a | b |, one cell a line: a |), or between cells only
 * (a| b| c, html2text), and lines that only draw the rules.
 */
function isPipeRow(t: string): boolean {
  if (GRID_BORDER_RE.test(t)) return true;
  // two searches, not one for either: a regular expression for a short class of characters is the quicker (measured)
  if (!PIPE_CHARS_RE.test(t) && !BOX_JOINT_RE.test(t)) return false;
  if (SEPARATOR_LINE_RE.test(t) || BOX_JOINT_RE.test(t)) return true;
  const s = t.trim();
  const first = s[0]!;
  const last = s[s.length - 1]!;
  if (PIPE_CHARS_RE.test(first) || PIPE_CHARS_RE.test(last)) return true;
  return /[|｜][ \t\u3000]|[ \t\u3000][|｜]/.test(s);
}

/** Is a pipe row a separator (a rule line, or a line with a box joint in it: its text is a merged cell's, read elsewhere)? */
function isRuleRow(t: string): boolean {
  return SEPARATOR_LINE_RE.test(t) || BOX_JOINT_RE.test(t) || GRID_BORDER_RE.test(t);
}

/** A row's cells where it stands: read once per line text and layout (offsets from the line's start), then placed. */
function cellsOf(line: Line, facts: LineFacts, layout: TableLayout): CellNode[] {
  const at = line.start;
  // facts no cache keeps (a batch) are read once: the cells made where they stand, not made and copied
  if (!facts.cells?.[layout] && !factsCache.remembers()) return splitCells(facts.text, layout, at);
  const byLayout = (facts.cells ??= {});
  const cells = (byLayout[layout] ??= splitCells(facts.text, layout));
  const out: CellNode[] = new Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    out[k] = { start: c.start + at, end: c.end + at, text: c.text };
  }
  return out;
}

/** A row's cells in a layout: offsets from the start of its text `t`, plus `at`. */
function splitCells(t: string, layout: TableLayout, at = 0): CellNode[] {
  const cells: CellNode[] = [];
  let parts: { start: number; end: number }[] = [];
  if (layout === 'tab') {
    let s = 0;
    for (let i = t.indexOf('\t'); ; i = t.indexOf('\t', s)) {
      const e = i < 0 ? t.length : i;
      let a = s;
      let b = e;
      while (a < b && isSpaceCode(t.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(t.charCodeAt(b - 1))) b--;
      cells.push({ start: a + at, end: b + at, text: t.slice(a, b) });
      if (i < 0) return cells;
      s = i + 1;
    }
  } else if (layout === 'space') {
    parts = spaceSegments(t);
  } else {
    // cells between pipes; a leading or trailing pipe opens or closes the row, and may be missing
    const cuts: number[] = [];
    for (let i = 0; i < t.length; i++) if (PIPE_CHARS_RE.test(t[i]!) && (t[i] !== '|' || t[i - 1] !== '\\')) cuts.push(i);
    if (cuts.length === 0) parts = [{ start: 0, end: t.length }];
    else {
      const trailing = t.slice(cuts[cuts.length - 1]! + 1).trim() === '';
      // a leading pipe is the row's border when a trailing one closes it (| a | b |) or it is the only one (| a);
      // otherwise it ends an empty first cell (html2text: | | 0| 0)
      const leading = t.slice(0, cuts[0]).trim() === '' && (trailing || cuts.length === 1);
      let s = leading ? cuts[0]! + 1 : 0;
      for (let k = leading ? 1 : 0; k < cuts.length; k++) {
        parts.push({ start: s, end: cuts[k]! });
        s = cuts[k]! + 1;
      }
      if (!trailing) parts.push({ start: s, end: t.length });
    }
  }
  for (const p of parts) {
    let a = p.start;
    let b = p.end;
    while (a < b && isSpaceCode(t.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(t.charCodeAt(b - 1))) b--;
    cells.push({ start: a + at, end: b + at, text: t.slice(a, b) });
  }
  return cells;
}

/** A cell of a space-aligned row: text separated from the next by two or more spaces. */
const SEGMENT_RE = /[^\s]+(?: [^\s]+)*/g;
/** A label followed by numbers separated by single spaces: "（一）予以公开 144 1". */
const TRAILING_NUMBERS_RE = /^(.*?[^\d\s.,，])? ?((?:[0-9０-９][0-9０-９.,，]*)(?: [0-9０-９][0-9０-９.,，]*)*)$/;

/** Segments of a space-aligned line, as [start, end) offsets within the line. */
export function spaceSegments(t: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  SEGMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEGMENT_RE.exec(t))) {
    const seg = m[0];
    const base = m.index;
    const n = seg.length <= 400 && /[0-9０-９]$/.test(seg) ? TRAILING_NUMBERS_RE.exec(seg) : null;
    if (n && (n[1] === undefined || n[2]!.includes(' ') || /[^\d\s]$/.test(n[1]))) {
      let offset = 0;
      if (n[1] !== undefined && n[1] !== '') {
        out.push({ start: base, end: base + n[1].length });
        offset = seg.length - n[2]!.length;
      }
      const numbers = n[2]!;
      let k = 0;
      for (const num of numbers.split(' ')) {
        const at = numbers.indexOf(num, k);
        out.push({ start: base + offset + at, end: base + offset + at + num.length });
        k = at + num.length;
      }
    } else {
      out.push({ start: base, end: base + seg.length });
    }
  }
  return out;
}

const NUMERIC_SEGMENT_RE = /^[0-9０-９][0-9０-９.,，]*$/;

/** Is this line, alone, a row of a table whose columns are aligned with spaces? (remembered with its facts) */
function isSpaceRow(facts: LineFacts): boolean {
  return (facts.spaceRow ??= isSpaceRowText(facts.text));
}

function isSpaceRowText(t: string): boolean {
  const trimmed = t.trim();
  if (/[。；;]$/.test(trimmed)) return false;
  if (t.indexOf('  ') < 0 && t.indexOf('\u3000') < 0) {
    // numbers separated by single spaces after a label: "一、本年新收政府信息公开申请数量 343 1 0 0 0 0 344"
    // only the end of the line can hold the numbers (and a regex on a 1 MB line must not backtrack over all of it)
    if (!/[0-9０-９]$/.test(trimmed) || trimmed.length > 400) return false;
    const m = TRAILING_NUMBERS_RE.exec(trimmed);
    return !!m && m[2]!.split(' ').length >= 3 && !/[，,。]/.test(m[1] ?? '');
  }
  const segs = spaceSegments(t);
  if (segs.length < 2) return false;
  let numeric = 0;
  for (const seg of segs) {
    const text = t.slice(seg.start, seg.end);
    if (text.length > 25 && /[。，,；]/.test(text)) return false; // prose that happens to hold a double space
    if (NUMERIC_SEGMENT_RE.test(text)) numeric++;
  }
  return numeric >= 1 || segs.length >= 3;
}

/** A short indented fragment next to a space-aligned row: a wrapped label or a sub-table heading. */
function isSpaceContinuation(t: string): boolean {
  if (!/^[ \u3000]{2,}\S/.test(t)) return false;
  const c = compact(t);
  return c.length > 0 && c.length <= 40 && !/[。；;]$/.test(c);
}

/** A header line of a space-aligned table: two or more segments, none of them a sentence. */
function isSpaceHeaderLine(t: string): boolean {
  if (t.indexOf('  ') < 0) return false;
  const segs = spaceSegments(t);
  return segs.length >= 2 && segs.every((s) => s.end - s.start <= 40) && !/[。；;]\s*$/.test(t);
}

/** The section a heading line names (its words and numeral: namesSection), remembered with the line's facts; 0 for none or no heading. */
function sectionOf(facts: LineFacts): number {
  const cls = facts.cls;
  if (cls.kind !== 'heading') return 0;
  return (facts.section ??= sectionNamed(cls.node.text, cls.node.number) ?? 0);
}

/** Upgrades lines of space-aligned tables to rows (this needs the lines around them). */
function markSpaceRows(lines: Line[], classes: LineClass[], facts: LineFacts[]): void {
  const isRow = (k: number) => {
    const c = classes[k];
    return c !== undefined && c.kind === 'row' && c.layout === 'space';
  };
  for (let i = 0; i < lines.length; i++) {
    const c = classes[i]!;
    if (c.kind === 'blank' || c.kind === 'row') continue;
    if (isSpaceRow(facts[i]!)) classes[i] = ROWS.space;
  }
  const near = (i: number, step: number): boolean => {
    for (let k = i + step, seen = 0; k >= 0 && k < lines.length && seen < 2; k += step) {
      if (classes[k]!.kind === 'blank') {
        seen++;
        continue;
      }
      return isRow(k);
    }
    return false;
  };
  for (const step of [-1, 1]) {
    // downwards looking up, then upwards looking down, so that a run of fragments joins its rows
    for (let k = 0; k < lines.length; k++) {
      const i = step === -1 ? k : lines.length - 1 - k;
      const c = classes[i]!;
      if (c.kind === 'blank' || c.kind === 'row') continue;
      if (c.kind === 'heading' && sectionOf(facts[i]!) > 0) continue; // an indented section heading (PDF text)
      const t = lines[i]!.text;
      if (near(i, step) && (isSpaceContinuation(t) || isSpaceHeaderLine(t))) classes[i] = ROWS.space;
    }
  }
}

/**
 * A short line without sentence punctuation between two rows of the same table belongs to the table.
 * In space-aligned tables (PDF text) a row's label wraps over several lines around its numbers, and a
 * merged group label is written a few characters a line between the rows (（三）不 / 予公开): up to
 * eight such lines, commas allowed (labels have them), numbered lines too, but never a section heading.
 */
function markSandwichedRows(lines: Line[], classes: LineClass[], facts: LineFacts[]): void {
  let prevRow = -1;
  for (let i = 0; i < lines.length; i++) {
    const c = classes[i]!;
    if (c.kind === 'row') {
      if (prevRow >= 0 && i - prevRow > 1) {
        const layout = (classes[prevRow] as { layout: TableLayout }).layout;
        if (layout === c.layout) {
          const space = layout === 'space';
          const between: number[] = [];
          let ok = true;
          for (let k = prevRow + 1; k < i && ok; k++) {
            const ck = classes[k]!;
            if (ck.kind === 'blank') continue;
            const cc = compact(lines[k]!.text);
            if (ck.kind === 'heading' && (!space || sectionOf(facts[k]!) > 0)) ok = false;
            else if (cc.length > 40 || (space ? cc.includes('。') || /[；;]$/.test(cc) : /[。；;，,]/.test(cc))) ok = false;
            else between.push(k);
          }
          if (ok && between.length > 0 && between.length <= (space ? 8 : 2)) for (const k of between) classes[k] = ROWS[layout];
        }
      }
      prevRow = i;
    } else if (c.kind === 'heading' && (prevRow < 0 || (classes[prevRow] as { layout: TableLayout }).layout !== 'space' || sectionOf(facts[i]!) > 0)) prevRow = -1;
  }
}

/**
 * In the sections that hold the tables (二, 三, 四), the lines between table rows, or before or after
 * them up to the next section heading, belong to the table when none of them is a sentence: labels
 * and headers that stand alone on their lines in PDF text (pdftotext -raw, a viewer's copy: 规章 2 0 3
 * on one line, 行政许可 380599 on the next, a wrapped label, a header word a line). A run of lines with
 * a 。 is prose and stays prose.
 */
function markTableRegions(lines: Line[], classes: LineClass[], facts: LineFacts[]): void {
  let section = 0;
  const n = lines.length;
  const sectionHeading = (k: number): number | undefined => (classes[k]!.kind === 'heading' ? sectionOf(facts[k]!) || undefined : undefined);
  let lastRow = -1;
  for (let i = 0; i < n; ) {
    const c = classes[i]!;
    const named = sectionHeading(i);
    if (named !== undefined) {
      section = named;
      lastRow = -1;
      i++;
      continue;
    }
    if (c.kind === 'row') lastRow = i;
    if (c.kind === 'row' || c.kind === 'blank' || !TABLE_SECTIONS.has(section)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < n; j++) {
      const cj = classes[j]!;
      if (cj.kind === 'row' || sectionHeading(j) !== undefined) break;
      if (cj.kind !== 'blank') run.push(j);
    }
    const before = lastRow >= 0 ? (classes[lastRow] as { layout: TableLayout }).layout : undefined;
    const after = j < n && classes[j]!.kind === 'row' ? (classes[j] as { layout: TableLayout }).layout : undefined;
    const tableLike = run.every((k) => tableLikeOf(facts[k]!) > 0);
    if (tableLike && (before || after || run.some((k) => facts[k]!.tableLike === 2))) {
      const layout = before ?? after ?? 'space';
      for (const k of run) classes[k] = ROWS[layout];
    }
    i = j;
  }
}

/** Whether a line may stand in a table by its text alone (short, no sentence in it), and has a digit: remembered with its facts. */
function tableLikeOf(f: LineFacts): 0 | 1 | 2 {
  if (f.tableLike === undefined) {
    const cc = compact(f.text);
    f.tableLike = cc.length <= 40 && !cc.includes('。') && !/[；;]$/.test(cc) ? (/\d/.test(f.text) ? 2 : 1) : 0;
  }
  return f.tableLike;
}

/** A page number as PDF text carries it in a footer: -3-, — 3 —, 第 3 页 共 9 页, 3/9, Page 3. */
const PAGE_NUMBER_RE =
  /^[\s\u3000]*(?:[-—–－―─]{1,2}[ \u3000]*\d{1,3}[ \u3000]*[-—–－―─]{1,2}|第[ \u3000]*\d{1,3}[ \u3000]*页(?:[ \u3000]*[，,/／]?[ \u3000]*共[ \u3000]*\d{1,3}[ \u3000]*页)?|\d{1,3}[ \u3000]*[/／][ \u3000]*\d{1,3}|[Pp]age[ \u3000]*\d{1,3}(?:[ \u3000]*of[ \u3000]*\d{1,3})?)[\s\u3000]*$/;

/**
 * Page furniture of PDF text (pdftotext, a viewer's copy): page numbers, and a bare number on the
 * line before or after a page break (form feed). Read as blank lines, so that a table or a paragraph
 * runs on across the page break.
 */
function markFurniture(lines: Line[], classes: LineClass[], facts: LineFacts[]): void {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.length > 40 || classes[i]!.kind === 'blank') continue;
    const f = facts[i]!;
    const kind = (f.furniture ??= PAGE_NUMBER_RE.test(t) ? 1 : /^[\s\u3000]*\d{1,3}[\s\u3000]*$/.test(t) ? 2 : 0);
    if (kind === 1) classes[i] = BLANK;
    else if (kind === 2) {
      const next = lines[i + 1]?.text ?? '';
      if (t.includes('\f') || next.startsWith('\f')) classes[i] = BLANK;
    }
  }
}

/**
 * Running headers of PDF text: a line that stands first on two pages or more (after a form feed) is
 * the page's header, whatever it says.
 */
function markPageHeaders(lines: Line[], classes: LineClass[], facts: LineFacts[]): void {
  const firsts = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.text.includes('\f')) continue;
    // the first non-blank line from the form feed on
    let k = i;
    if (compact(lines[k]!.text.replace(/\f/g, '')) === '') {
      k++;
      while (k < lines.length && classes[k]!.kind === 'blank') k++;
    }
    if (k >= lines.length || lines[k]!.text.length > 120) continue;
    const key = squeezed(facts[k]!).replace(/\f/g, '');
    if (key === '') continue;
    const list = firsts.get(key);
    if (list) list.push(k);
    else firsts.set(key, [k]);
  }
  for (const list of firsts.values()) if (list.length >= 2) for (const k of list) classes[k] = BLANK;
}

/** Running headers of PDF text: the report's title again at the top of a page. */
function markRunningHeaders(lines: Line[], classes: LineClass[], facts: LineFacts[], title: TitleNode, after: number): void {
  // an ideograph of the title (its last): folding to half-width and squeezing leave it as it is, so that
  // a line without it is not the title again — most lines, which are then not squeezed for the asking
  let witness = '';
  for (let k = title.text.length - 1; k >= 0 && !witness; k--) {
    const c = title.text.charCodeAt(k);
    if (c >= 0x3400 && c <= 0x9fff) witness = title.text[k]!;
  }
  for (let i = after; i < lines.length; i++) {
    const c = classes[i]!;
    if (c.kind !== 'text' && c.kind !== 'row') continue;
    // the title squeezed is no longer than the line it stands in
    const line = lines[i]!.text;
    const length = line.length;
    if (length < title.text.length || length > title.text.length * 2 + 40 || (witness && !line.includes(witness))) continue;
    if (squeezed(facts[i]!) === title.text) classes[i] = BLANK;
  }
}

function isSeparatorRow(cells: CellNode[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.text.replace(/\s/g, '')));
}

/**
 * A line's content, half-width, without white space: what the title is looked for in. Remembered
 * with the line's facts (the lines above the title, a cover letter among them, come again on every
 * keystroke).
 */
function squeezed(facts: LineFacts): string {
  return (facts.squeezed ??= compact(contentOf(lineOf(facts.text)).norm));
}

function findTitle(lines: Line[], classes: LineClass[], facts: LineFacts[]): { title: TitleNode; firstLine: number; lastLine: number } | undefined {
  const limit = Math.min(lines.length, TITLE_SEARCH_LINES);
  const nonBlankBefore = (i: number): number => {
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (classes[k]!.kind !== 'blank') return k;
    return -1;
  };
  const nonBlankAfter = (i: number): number => {
    for (let k = i + 1; k < limit && k <= i + 3; k++) if (classes[k]!.kind !== 'blank') return k;
    return -1;
  };
  const titleLike = (c: string): boolean =>
    c.length <= 80 && !/关于|报送|的函|《|》|。$/.test(c) && !c.includes('根据');
  const fragmentLike = (c: string): boolean => c.length > 0 && c.length <= 30 && !/[。，,：:；;《》、]/.test(c);

  for (let i = 0; i < limit; i++) {
    const cls = classes[i]!;
    if (cls.kind === 'heading') break; // the body has started
    if (cls.kind !== 'text' && cls.kind !== 'subheading') continue;
    const c = squeezed(facts[i]!);
    if (c.includes(TITLE_PHRASE) && titleLike(c)) {
      let first = i;
      // "2023年政府信息公开工作年度报告" with the agency on the line above
      if (/^(\d{4}年度?|[〇零一二三四五六七八九]{4}年度?)?政府信息公开工作年度报告$/.test(c)) {
        const p = nonBlankBefore(i);
        if (p >= 0 && classes[p]!.kind === 'text' && fragmentLike(squeezed(facts[p]!))) first = p;
      }
      return { title: makeTitle(lines, first, i), firstLine: first, lastLine: i };
    }
    // "吴忠市2023年政府信息公开" / "工作年度报告"
    const j = nonBlankAfter(i);
    if (j >= 0 && fragmentLike(c) && classes[j]!.kind === 'text') {
      const cj = squeezed(facts[j]!);
      if (!cj.includes(TITLE_PHRASE) && (c + cj).includes(TITLE_PHRASE) && titleLike(c + cj)) {
        return { title: makeTitle(lines, i, j), firstLine: i, lastLine: j };
      }
    }
  }
  return undefined;
}

const CJK_YEAR_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

const TITLE_LABEL_RE = /^(?:文章标题|标题|题目|名称|Title)[ \t]*[:：][ \t]*/;

function makeTitle(lines: Line[], first: number, last: number): TitleNode {
  const spans: Span[] = [];
  let text = '';
  for (let k = first; k <= last; k++) {
    const c = contentOf(lines[k]!);
    if (c.end <= c.start) continue;
    // a web page's or a crawler's field name before the title: "标题: …"
    const label = k === first ? TITLE_LABEL_RE.exec(c.norm) : null;
    const skip = label ? label[0].length : 0;
    spans.push({ start: c.start + skip, end: c.end });
    text += compact(c.norm.slice(skip));
  }
  const node: TitleNode = { kind: 'title', start: spans[0]!.start, end: spans[spans.length - 1]!.end, lines: spans, text };
  const m = /^(.*?)(\d{4}|[〇零一二三四五六七八九]{4})年/.exec(text);
  if (m) {
    const digits = m[2]!.replace(/[〇零一二三四五六七八九]/g, (d) => CJK_YEAR_DIGITS[d]!);
    node.year = Number(digits);
    const agency = m[1]!.replace(/^[《“"]+/, '');
    if (agency) node.agency = agency;
  } else {
    const idx = text.indexOf('政府信息公开');
    const agency = idx > 0 ? text.slice(0, idx).replace(/^[《“"]+/, '') : '';
    if (agency) node.agency = agency;
  }
  return node;
}

/** The lines the parser read (physical lines, and the pieces of flattened ones) with their facts, kept on the tree out of sight (for the parse of the next version). */
const FACTS = Symbol('line facts');

interface ReadLines {
  lines: Line[];
  facts: LineFacts[];
  /** the physical lines, and which of them were flattened text cut into pieces */
  physical: Line[];
  flat: boolean[];
}

/**
 * The lines as the parser reads them: the physical lines, with a flattened line (a whole article on
 * one line: flat.ts) cut into its pieces — each a Line of its own, a slice of the physical line that
 * keeps its index. Undefined when no line is flattened (the common case: no copy made).
 */
function flatPieces(physical: Line[], flat: boolean[], old: ReadLines | undefined, same: Int32Array | undefined): { lines: Line[]; facts: (LineFacts | undefined)[] } | undefined {
  let out: Line[] | undefined;
  let facts: (LineFacts | undefined)[] | undefined;
  // a long line the edit left alone, not flattened text before, is not now (taken by position, without a lookup by text)
  const wasPlain = (k: number): boolean => !!old && !!same && same[k]! >= 0 && !old.flat[same[k]!];
  for (let k = 0; k < physical.length; k++) {
    const line = physical[k]!;
    const n = line.text.length;
    const pieces =
      n < FLAT_MIN_LENGTH || wasPlain(k)
        ? null
        : n > FACTS_CACHE_MAX_LINE
          ? (splitFlat(line.text) ?? null)
          : flatMemo.get(line.text, (t) => splitFlat(t) ?? null);
    flat[k] = pieces !== null;
    if (!pieces) {
      if (out) {
        out.push(line);
        facts!.push(undefined);
      }
      continue;
    }
    if (!out) {
      out = physical.slice(0, k);
      facts = new Array<LineFacts | undefined>(k).fill(undefined);
    }
    for (const p of pieces) {
      const text = line.text.slice(p.start, p.end);
      const piece: Line = { index: line.index, start: line.start + p.start, end: line.start + p.end, text };
      const own = detach(text);
      let cls: LineClass;
      const f = newFacts(own, TEXT, true);
      if (p.kind === 'run') {
        cls = ROWS.run;
        f.cells = { run: p.cells!.map((c) => ({ start: c.start - p.start, end: c.end - p.start, text: own.slice(c.start - p.start, c.end - p.start) })) };
      } else {
        cls = classifyAt(lineOf(own));
        // a piece is never a row of another layout (its tabs and pipes are the page's)
        if (cls.kind === 'row') cls = TEXT;
      }
      f.cls = cls;
      out.push(piece);
      facts!.push(f);
    }
  }
  return out ? { lines: out, facts: facts! } : undefined;
}

/** How many characters two strings share at their start: found by halving, each step one comparison of slices (native). */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  // a[0, lo) === b[0, lo); the answer is in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many characters two strings share at their end (not counting more than `max`). */
function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length, max);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For each line, the line of the text before with the same text at the same index, or as many lines
 * further as the edit added (-1 when neither). The texts' common start and end settle most lines
 * without comparing them: a line ended by a break inside the common start is the same line of the
 * text before; a line whose break before it is inside the common end is the same line counted from
 * the end. The lines around the edit are compared.
 */
function sameLines(text: string, lines: Line[], beforeText: string, before: Line[]): Int32Array {
  const n = lines.length;
  const out = new Int32Array(n).fill(-1);
  const shift = n - before.length;
  const prefix = commonPrefix(text, beforeText);
  const suffix = commonSuffix(text, beforeText, Math.min(text.length, beforeText.length) - prefix);
  const tailStart = text.length - suffix;
  // lines [0, head) end inside the common start; lines [tail, n) start after a break inside the common end
  const head = Math.min(firstLine(lines, (l) => l.end >= prefix), before.length);
  const tail = Math.max(firstLine(lines, (l) => l.start > tailStart), head, shift);
  for (let k = 0; k < head; k++) out[k] = k;
  for (let k = tail; k < n; k++) out[k] = k - shift;
  for (let k = head; k < tail; k++) {
    const t = lines[k]!.text;
    if (k < before.length && before[k]!.text === t) out[k] = k;
    else {
      const j = k - shift;
      if (j >= 0 && j < before.length && before[j]!.text === t) out[k] = j;
    }
  }
  return out;
}

/** The first index whose line meets `test` (a test false then true along the lines), or the number of lines. */
function firstLine(lines: Line[], test: (line: Line) => boolean): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(lines[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The facts of every line. With the tree of the text before (an edit), a line the edit left alone
 * stands at the same index in it, or, after the edit, as many lines further as the edit added:
 * its facts (a function of its text alone) are taken from there when the text is the same, without
 * a lookup by text.
 */
function readLines(text: string, physical: Line[], before: SyntaxTree | undefined): ReadLines {
  const old = before && (before as { [FACTS]?: ReadLines })[FACTS];
  const same = old ? sameLines(text, physical, before!.text, old.physical) : undefined;
  const flatLines = new Array<boolean>(physical.length);
  const flat = flatPieces(physical, flatLines, old, same);
  const lines = flat ? flat.lines : physical;
  const given = flat?.facts;
  const fresh = (line: Line, k: number): LineFacts => given?.[k] ?? factsOf(line);
  if (!old) return { lines, facts: lines.map(fresh), physical, flat: flatLines };
  // the common case, no flattened line now or before: each line's facts from the line it is the same as
  if (!flat && old.lines === old.physical && same) {
    const facts = lines.map((line, k) => (same[k]! >= 0 ? old.facts[same[k]!]! : factsOf(line)));
    return { lines, facts, physical, flat: flatLines };
  }
  const oldLines = old.lines;
  const shift = lines.length - oldLines.length;
  const facts = lines.map((line, k) => {
    if (given?.[k]) return given[k]!;
    const t = line.text;
    if (k < oldLines.length && oldLines[k]!.text === t && !old.facts[k]!.piece) return old.facts[k]!;
    const j = k - shift;
    if (j >= 0 && j < oldLines.length && oldLines[j]!.text === t && !old.facts[j]!.piece) return old.facts[j]!;
    return factsOf(line);
  });
  return { lines, facts, physical, flat: flatLines };
}

/** The lines of a text, read and classified as far as the title is looked for (parse, parseTitle). */
function classifiedLines(text: string, before?: SyntaxTree): { physical: Line[]; read: ReadLines; classes: LineClass[] } {
  const physical = splitLines(text);
  const read = readLines(text, physical, before);
  const { lines, facts } = read;
  const classes = lines.map((line, i) => classify(facts[i]!, line.start));
  markFurniture(lines, classes, facts);
  if (text.indexOf('\f') >= 0) markPageHeaders(lines, classes, facts);
  markSpaceRows(lines, classes, facts);
  markSandwichedRows(lines, classes, facts);
  markTableRegions(lines, classes, facts);
  return { physical, read, classes };
}

/**
 * The title parse(text) finds, without the rest of the tree (its blocks, preamble and period, which
 * come after the title is found and do not change it): for reading the titles of many files.
 */
export function parseTitle(text: string): TitleNode | undefined {
  const { read, classes } = classifiedLines(text);
  return findTitle(read.lines, classes, read.facts)?.title;
}

/**
 * Parses a report. Never throws: anything unexpected becomes plain paragraphs. `before`: the tree of
 * the same document's text before an edit, if at hand: the lines the edit left alone are read from it
 * (it is not changed).
 */
export function parse(text: string, before?: SyntaxTree): SyntaxTree {
  const { physical, read, classes } = classifiedLines(text, before);
  const { lines, facts } = read;
  const tree: SyntaxTree = { text, lines: physical, blocks: [], problems: [] };
  if (lines !== physical) tree.pieces = lines;
  Object.defineProperty(tree, FACTS, { value: read, enumerable: false });

  let bodyStart = 0;
  const found = findTitle(lines, classes, facts);
  if (found) {
    tree.title = found.title;
    bodyStart = found.lastLine + 1;
    markRunningHeaders(lines, classes, facts, found.title, bodyStart);
    const before = lines.slice(0, found.firstLine).filter((_l, k) => classes[k]!.kind !== 'blank');
    if (before.length > 0) tree.preface = { start: before[0]!.start, end: before[before.length - 1]!.end };
  }

  const blocks: BlockNode[] = tree.blocks;
  let table: TableNode | undefined;
  let paragraph: ParagraphNode | undefined;
  // whether the paragraph's last line ends a sentence
  let lastEnds = true;

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const cls = classes[i]!;
    if (cls.kind === 'blank') continue;

    if (cls.kind === 'row') {
      paragraph = undefined;
      const cells = cellsOf(line, facts[i]!, cls.layout);
      const row: TableRowNode = { kind: 'row', start: line.start, end: line.end, line: line.index, cells };
      if (cls.layout === 'pipe' && (isSeparatorRow(cells) || isRuleRow(line.text))) row.separator = true;
      if (table && table.layout === cls.layout) {
        table.rows.push(row);
        table.end = line.end;
      } else {
        table = { kind: 'table', layout: cls.layout, start: line.start, end: line.end, rows: [row] };
        blocks.push(table);
      }
      continue;
    }
    table = undefined;

    if (cls.kind === 'heading' || cls.kind === 'subheading') {
      paragraph = undefined;
      blocks.push(cls.node);
      continue;
    }

    // plain text: continue a paragraph cut by a page break, or start a new one
    const own = contentOfFacts(facts[i]!);
    const c = { start: line.start + own.start, end: line.start + own.end };
    if (paragraph && !lastEnds) {
      paragraph.lines.push({ start: c.start, end: c.end });
      paragraph.end = c.end;
    } else {
      paragraph = { kind: 'paragraph', start: c.start, end: c.end, lines: [{ start: c.start, end: c.end }] };
      blocks.push(paragraph);
    }
    lastEnds = own.ends;
  }
  // Blank lines inside a table do not end it: rows are appended above as long as no
  // other block came between them, because `table` is only reset by non-row lines.
  findPreamble(tree);
  return tree;
}

const PERIOD_RE =
  /(?:统计|涵盖|期限|时限)[^。；\n]{0,20}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起\s*)?(?:至|到|—+|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** One of the words PERIOD_RE starts with. */
const PERIOD_WORD_RE = /统计|涵盖|期限|时限/;

/** The preamble and, in it (or just after it), the statistics-period sentence. */
function findPreamble(tree: SyntaxTree): void {
  const firstHeading = tree.blocks.findIndex((b) => b.kind === 'heading');
  const preambleBlocks = tree.blocks.slice(0, firstHeading < 0 ? tree.blocks.length : firstHeading);
  if (preambleBlocks.length > 0) tree.preamble = { start: preambleBlocks[0]!.start, end: preambleBlocks[preambleBlocks.length - 1]!.end };
  // the period sentence: in the preamble, else in the first paragraphs after it
  const searched = tree.blocks.slice(0, Math.max(preambleBlocks.length + 3, 3));
  for (const block of searched) {
    if (block.kind !== 'paragraph') continue;
    const raw = tree.text.slice(block.start, block.end);
    // PERIOD_RE's first words are Chinese (the same folded or not): a paragraph without them is not folded for it
    if (!PERIOD_WORD_RE.test(raw)) continue;
    const half = toHalfWidth(raw);
    const m = PERIOD_RE.exec(half);
    if (!m) continue;
    const node: PeriodNode = {
      kind: 'period',
      start: block.start + m.index,
      end: block.start + m.index + m[0].length,
      from: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
      to: { month: Number(m[5]), day: Number(m[6]) },
      fromSpan: { start: 0, end: 0 },
      toSpan: { start: 0, end: 0 },
    };
    if (m[4] !== undefined) node.to.year = Number(m[4]);
    const fromAt = half.indexOf(m[1]!, m.index);
    const fromEnd = half.indexOf('日', fromAt) + 1;
    node.fromSpan = { start: block.start + fromAt, end: block.start + fromEnd };
    const toEnd = m.index + m[0].length;
    const toStart = m[4] !== undefined ? half.lastIndexOf(m[4], toEnd - 1) : half.lastIndexOf(m[5]!, half.lastIndexOf('月', toEnd - 1));
    node.toSpan = { start: block.start + toStart, end: block.start + toEnd };
    tree.period = node;
    return;
  }
}
