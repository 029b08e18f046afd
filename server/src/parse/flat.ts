/**
 * Reports whose text arrives flattened: a crawled web page or a copy that lost its line breaks puts a
 * whole article on one line — paragraphs run together, headings inline (…做优做实。二、主动公开政府信息
 * 情况第二十条第（一）项…), table cells run together with no separator (规章000行政规范性文件5845546).
 * Such a line is cut here into the pieces a report is made of, each a slice of the line (no text is
 * moved or changed): section headings, sub-items, prose, and table rows — a label and the runs of
 * digits after it, which the model splits into cells where the sums settle how.
 */
import { sectionNamed } from '../format/national';
import { toHalfWidth } from './text';

/** Lines shorter than this are never taken for flattened text. */
export const FLAT_MIN_LENGTH = 100;

export type PieceKind = 'heading' | 'text' | 'run';

/** A piece of a flattened line, offsets relative to the line's start. */
export interface Piece {
  start: number;
  end: number;
  kind: PieceKind;
  /** a table row (kind 'run'): its label, then one cell per group of digits (spaces between groups) */
  cells?: { start: number; end: number }[];
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** a digit, half- or full-width (０–９) */
const isAnyDigit = (c: number) => isDigit(c) || (c >= 0xff10 && c <= 0xff19);
const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
const isMinus = (c: string | undefined) => c === '-' || c === '－' || c === '−';

/** What may not stand before an inline section heading: a numeral (十二、 二十、) or 第. The heading must name its section. */
const BEFORE_HEADING = /[^一二三四五六七八九十第]/;
const HEADING_AT = /[一二三四五六七八九十]{1,2}[、.．]/g;
/**
 * Whether a section heading could start inside a line (not at its start): the matches that step 1 of
 * splitFlat reads further, found in the line before it is folded to half-width (the numerals, 、 and
 * 第 are the same either way; ． and . both match).
 */
function mayHoldHeading(raw: string): boolean {
  HEADING_AT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADING_AT.exec(raw))) if (m.index > 0 && BEFORE_HEADING.test(raw[m.index - 1]!)) return true;
  return false;
}

/** A section title ends with one of these words, or at a digit, a sentence mark or white space. */
const TITLE_END = /情况|事项|措施|概况|概述/;
const MAX_TITLE = 30;

/** Units of measure after a number in prose (2025年, 154件, 11.3%): numbers followed by them are not table cells. */
const MEASURE_CHARS = '年月日时分秒条件个次人家篇期场万亿元%％余多名位户类号批份起天项倍亩米吨辆台套所栋间座处笔宗例张页册轮届岁周小';
const MEASURE = new RegExp(`^[${MEASURE_CHARS}]`);
/** the same by code, for the quick test that reads every number of a long line (hasRowNumbers) */
const MEASURE_CODES = new Set(Array.from(MEASURE_CHARS, (c) => c.charCodeAt(0)));
const SENTENCE_END = /[。；;！!？?]/g;

/** Does the numbering of a label (1. 2、) end at `at`: a full stop or 、 there, and no digit after it? */
function isOrdinalEnd(t: string, at: number): boolean {
  const c = t[at];
  return (c === '.' || c === '．' || c === '、') && at + 1 < t.length && !isDigit(t.charCodeAt(at + 1));
}

/** A comma outside brackets makes a sentence, not a table label (labels have commas only in brackets: （区分处理的，只计这一情形，不计其他情形）). */
function commaOutsideBrackets(label: string): boolean {
  let depth = 0;
  for (const c of label) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if ((c === ',' || c === '，') && depth === 0) return true;
  }
  return false;
}

/** Where the title of an inline heading at `at` (its numeral) ends, and the section it names; undefined when it names none. */
function headingAt(t: string, at: number, numeralLength: number): { end: number } | undefined {
  const from = at + numeralLength + 1;
  let end = from;
  const limit = Math.min(t.length, from + MAX_TITLE);
  while (end < limit) {
    const c = t.charCodeAt(end);
    if (isDigit(c) || isSpace(c) || /[。，,；;：:]/.test(t[end]!)) break;
    end++;
    const m = TITLE_END.exec(t.slice(from, end));
    if (m && from + m.index + m[0].length === end) break;
  }
  if (end === from) return undefined;
  const numeral = t.slice(at, at + numeralLength);
  const n = '一二三四五六七八九十'.indexOf(numeral) + 1;
  return sectionNamed(t.slice(from, end), n) !== undefined ? { end } : undefined;
}

/** A sub-item marker （一） after a sentence's end (or white space after digits: a table's end). */
const SUB_AT = /[（(][一二三四五六七八九十]{1,2}[）)]/g;

interface Unit {
  /** where the label starts (after any sentence before it) */
  start: number;
  labelEnd: number;
  end: number;
  /** the groups of digits: [start, end) each */
  groups: { start: number; end: number }[];
  digits: number;
}

/**
 * The table rows in t[from, to): maximal runs of units — a label with no sentence in it followed by
 * digits that no unit of measure follows (those are prose: 154件, 2025年) — two units or more, or one
 * long row (table 四's fifteen cells).
 */
function tableStretches(t: string, from: number, to: number): Unit[][] {
  const units: (Unit | null)[] = [];
  let p = from;
  let labelStart = from;
  while (p < to) {
    // the next digit that starts a number (1. 2、 are the numbering of a label: 1.属于国家秘密)
    let d = p;
    for (;;) {
      while (d < to && !isDigit(t.charCodeAt(d))) d++;
      let e = d;
      while (e < to && isDigit(t.charCodeAt(e))) e++;
      if (d < to && e - d <= 2 && isOrdinalEnd(t, e)) d = e + 1;
      else break;
    }
    if (d >= to) break;
    // the groups of digits (a decimal point inside a group; white space between groups)
    const groups: { start: number; end: number }[] = [];
    let q = d;
    let digits = 0;
    for (;;) {
      const g = q;
      // a minus sign starts a group of its own (the 2019 format's 本年增/减: 2648-18538)
      if (isMinus(t[q]) && q + 1 < to && isDigit(t.charCodeAt(q + 1))) q++;
      while (q < to && (isDigit(t.charCodeAt(q)) || (t[q] === '.' && isDigit(t.charCodeAt(q + 1)) && q > g))) q++;
      groups.push({ start: g, end: q });
      digits += q - g - (isMinus(t[g]) ? 1 : 0);
      let s = q;
      while (s < to && isSpace(t.charCodeAt(s))) s++;
      if (s < to && (isDigit(t.charCodeAt(s)) || (isMinus(t[s]) && s + 1 < to && isDigit(t.charCodeAt(s + 1)))) && (s > q || isMinus(t[s]))) q = s;
      else break;
    }
    let end = q;
    const last = groups[groups.length - 1]!;
    // the numbering of the next label run into the digits: …相关政府信息4910000502.没有现成信息
    if (isOrdinalEnd(t, end)) {
      if (last.end - last.start >= 2) {
        last.end--;
        end--;
        digits--;
      } else if (groups.length > 1) {
        groups.pop();
        digits--;
        end = groups[groups.length - 1]!.end;
      }
    }
    // a year of the prose after the table run into its last cell: 行政事业性收费02025年
    let a = end;
    while (a < to && isSpace(t.charCodeAt(a))) a++;
    const after = t.slice(a, a + 1);
    // an amount's unit is no prose: 采购总金额 73802895.90元
    let prose = MEASURE.test(after) && !/^[.．、]/.test(after) && !(after === '元' && t.slice(last.start, last.end).includes('.'));
    if (prose && after === '年' && last.end - last.start > 4 && /^(?:19|20)\d\d$/.test(t.slice(last.end - 4, last.end))) {
      last.end -= 4;
      end -= 4;
      digits -= 4;
      prose = false;
    }
    // the label: from the end of the last sentence before the digits
    let start = labelStart;
    SENTENCE_END.lastIndex = labelStart;
    let broken = false;
    // test, not exec (each match is one character: it ends where lastIndex stands)
    while (SENTENCE_END.test(t) && SENTENCE_END.lastIndex <= d) {
      start = SENTENCE_END.lastIndex;
      broken = true;
    }
    while (start < d && isSpace(t.charCodeAt(start))) start++;
    let labelEnd = d;
    while (labelEnd > start && isSpace(t.charCodeAt(labelEnd - 1))) labelEnd--;
    const label = t.slice(start, labelEnd);
    const ok =
      !prose &&
      digits > 0 &&
      label.length <= 160 &&
      /[\u3400-\u9fff]/.test(label) &&
      (isCjk(label.charCodeAt(label.length - 1)) || /[）)”"」]$/.test(label)) &&
      !commaOutsideBrackets(label);
    if (broken) units.push(null); // a sentence between this unit and the one before: a new stretch
    units.push(ok ? { start, labelEnd, end, groups, digits } : null);
    labelStart = end;
    p = end > d ? end : d + 1;
  }
  const stretches: Unit[][] = [];
  let current: Unit[] = [];
  const close = () => {
    if (current.length >= 2 || (current.length === 1 && current[0]!.digits >= 10)) stretches.push(current);
    current = [];
  };
  for (const u of units) {
    if (u) current.push(u);
    else close();
  }
  close();
  return stretches;
}

/** 。；;！!？? — a sentence's end, in either width (tableStretches reads SENTENCE_END on the half-width line) */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f;
/** what a row's label may end in, in either width: a Chinese character or a closing bracket or quote （ ）)”"＂」 */
const endsLabel = (c: number) => isCjk(c) || c === 0xff09 || c === 0x29 || c === 0x201d || c === 0x22 || c === 0xff02 || c === 0x300d;

/**
 * Whether a text may hold `n` table rows in one run (tableStretches): `n` numbers that could start a
 * row — after a label that ends in a Chinese character or a closing bracket, and followed by no unit of
 * measure (154件, 70.57万 are prose) unless it is an amount (73802895.90元) or a year run into a cell
 * (more than four digits before 年) — with
 * no sentence's end between them (a sentence's end starts a new run of rows, and stands between them
 * as text). Every row of a run has such a number (its first; an amount, 73802895.90元, has the run
 * before its point), so the test lets more through, never fewer. Full-width digits, marks and brackets
 * count as their half-width forms: the test says the same of a line before and after it is folded.
 */
function hasRowNumbers(t: string, n: number): boolean {
  let count = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    // most characters (Chinese, letters, most marks) are neither a digit nor a sentence's end: passed over at once
    if (c > 0x3f && c !== 0x3002 && c < 0xff01) continue;
    if (isSentenceEnd(c)) {
      count = 0;
      continue;
    }
    if (!isAnyDigit(c)) continue;
    const d = k;
    // a number with its decimals, as a cell's group of digits is read (70.57万 is prose as a whole)
    let point = false;
    for (; k < t.length; k++) {
      const x = t.charCodeAt(k);
      if (isAnyDigit(x)) continue;
      if ((x === 0x2e || x === 0xff0e) && k > d && k + 1 < t.length && isAnyDigit(t.charCodeAt(k + 1))) point = true;
      else break;
    }
    let b = d - 1;
    while (b >= 0 && isSpace(t.charCodeAt(b))) b--;
    if (b >= 0 && endsLabel(t.charCodeAt(b))) {
      let a = k;
      while (a < t.length && isSpace(t.charCodeAt(a))) a++;
      const after = a < t.length ? t.charCodeAt(a) : -1;
      // an amount's unit is no prose (73802895.90元); a year run into a cell is a cell (收费02025年)
      const prose = MEASURE_CODES.has(after) && !(after === 0x5143 && point) && !(after === 0x5e74 && k - d > 4);
      if (!prose && ++count >= n) return true;
    }
    // the character after the digits is read next (it may end a sentence)
    k--;
  }
  return false;
}

/**
 * Cuts a flattened line into pieces, or says it is not one (undefined): a line is taken for
 * flattened text when it is long and has a section heading, a sub-item or a table run inside it.
 * (`screen` false: without the quick test that a line cannot hold four table rows — for tests.)
 */
export function splitFlat(raw: string, screen = true): Piece[] | undefined {
  if (raw.length < FLAT_MIN_LENGTH) return undefined;
  // without a heading inline, only a table run of four rows or more makes a line flattened, and that
  // takes four numbers that could end a row: a paragraph with fewer is not cut (most long lines: their
  // numbers are counts of something, 154件; the answer below would be the same, found at the cost of
  // reading every run). Told on the line as it is: a line of prose is not even folded to half-width.
  const rows = !screen || hasRowNumbers(raw, 4);
  if (!rows && !mayHoldHeading(raw)) return undefined;
  const t = toHalfWidth(raw);
  // 1. section headings inline
  const cuts: { at: number; end: number; kind: 'heading' | 'sub' }[] = [];
  HEADING_AT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADING_AT.exec(t))) {
    const at = m.index;
    if (at > 0 && !BEFORE_HEADING.test(t[at - 1]!)) continue;
    const h = headingAt(t, at, m[0].length - 1);
    if (h) cuts.push({ at, end: h.end, kind: 'heading' });
  }
  if (!rows && !cuts.some((c) => c.kind === 'heading' && c.at > 0)) return undefined;
  // 2. sub-items after a sentence's end
  SUB_AT.lastIndex = 0;
  while ((m = SUB_AT.exec(t))) {
    const at = m.index;
    let b = at - 1;
    while (b >= 0 && isSpace(t.charCodeAt(b))) b--;
    const prev = b >= 0 ? t[b]! : '';
    if (b < 0 || /[。；;！!？?]/.test(prev) || (b < at - 1 && isDigit(t.charCodeAt(b)))) cuts.push({ at, end: at, kind: 'sub' });
  }
  cuts.sort((a, b) => a.at - b.at);
  // 3. segments between the cuts, with the table runs inside them
  const pieces: Piece[] = [];
  const text = (start: number, end: number) => {
    while (start < end && isSpace(t.charCodeAt(start))) start++;
    while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
    if (end > start) pieces.push({ start, end, kind: 'text' });
  };
  const segment = (start: number, end: number) => {
    let p = start;
    for (const stretch of tableStretches(t, start, end)) {
      text(p, stretch[0]!.start);
      for (const u of stretch) {
        pieces.push({ start: u.start, end: u.end, kind: 'run', cells: [{ start: u.start, end: u.labelEnd }, ...u.groups] });
      }
      p = stretch[stretch.length - 1]!.end;
    }
    text(p, end);
  };
  let p = 0;
  let tables = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const cut = cuts[k];
    const segEnd = cut ? cut.at : t.length;
    if (segEnd < p) continue; // a sub-item inside a heading's title
    const before = pieces.length;
    segment(p, segEnd);
    tables += pieces.slice(before).filter((x) => x.kind === 'run').length;
    if (!cut) break;
    if (cut.kind === 'heading') {
      pieces.push({ start: cut.at, end: cut.end, kind: 'heading' });
      p = cut.end;
    } else p = cut.at;
  }
  // flattened: a section heading inline (not only at the line's start), or a table run of four rows or more
  const longest = pieces.reduce((best, x, k) => {
    if (x.kind !== 'run') return best;
    let n = 1;
    while (pieces[k - n]?.kind === 'run') n++;
    return Math.max(best, n);
  }, 0);
  if (!cuts.some((c) => c.kind === 'heading' && c.at > 0) && longest < 4) return undefined;
  void tables;
  return pieces;
}
