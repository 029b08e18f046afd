/**
 * Low-level text helpers shared by the parser and everything above it.
 * Offsets are UTF-16 code unit offsets into the document string, exactly as
 * LSP counts `character`.
 */
import { CacheName, cacheKeyMax, cacheLimit, cacheOff } from '../caches';

export interface Span {
  /** inclusive start offset */
  start: number;
  /** exclusive end offset */
  end: number;
}

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One physical line of the document, without its line terminator. */
export interface Line extends Span {
  /** 0-based line number */
  index: number;
  text: string;
}

/** Splits text into lines on \r\n, \n and \r (as LSP does). Linear time. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  if (text.indexOf('\r') < 0) {
    // the common case: \n only, found by indexOf
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
    lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
    return lines;
  }
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index: lines.length, start, end: n, text: text.slice(start, n) });
  return lines;
}

/** Maps offsets to LSP positions and back. */
export class LineIndex {
  private readonly starts: number[];
  private readonly ends: number[];
  constructor(private readonly text: string, lines?: Line[]) {
    const all = lines ?? splitLines(text);
    this.starts = all.map((l) => l.start);
    this.ends = all.map((l) => l.end);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    // a character past the line's end means its end (LSP): never the next line
    return Math.min(this.starts[pos.line]! + Math.max(0, pos.character), this.ends[pos.line]!, this.text.length);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/**
 * Folds full-width ASCII forms (０-９, （）, ．, Ａ-Ｚ …) and the ideographic
 * space to their half-width forms. Keeps the string length, so offsets into
 * the result are offsets into the input.
 */
/** Each full-width form's half-width character, by code from FULLWIDTH_START. */
const HALF_WIDTH: readonly string[] = Array.from({ length: FULLWIDTH_END - FULLWIDTH_START + 1 }, (_v, k) => String.fromCharCode(FULLWIDTH_START + k - 0xfee0));

export function toHalfWidth(s: string): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= FULLWIDTH_START && c <= FULLWIDTH_END) || c === 0x3000) break;
  }
  if (i === n) return s; // nothing to fold: no copy
  // the stretches between folded characters copied whole (a regular expression's replace called a
  // function per character: most lines of prose have full-width punctuation)
  let out = s.slice(0, i);
  let from = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const half = c >= FULLWIDTH_START && c <= FULLWIDTH_END ? HALF_WIDTH[c - FULLWIDTH_START]! : c === 0x3000 ? ' ' : undefined;
    if (half === undefined) continue;
    if (from < i) out += s.slice(from, i);
    out += half;
    from = i + 1;
  }
  return from < n ? out + s.slice(from) : out;
}

/** FNV-1a (32 bits, unsigned) over a string's UTF-16 code units: a stable hash of a short text. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A copy of a string that does not keep alive the text it was cut from. (V8 keeps a slice as a view
 * of the whole string: a cache keyed by a line of each keystroke's text would hold every version of
 * the document — measured: 2 000 sixty-character keys cut from a 12 KB report held 20 MB.) For what
 * caches keep beyond one check.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * Values computed from a text (a line, a cell, a label, a sentence), remembered by that text for the
 * checks to come: a report's texts mostly stay the same from one keystroke to the next. Keyed by a
 * copy of the text (see detach), and the value is computed from that copy, so that nothing kept
 * holds a whole version of the document. Bounded: forgets everything when full.
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();

  /** `name`: the cache it is (caches.ts), which measurements may switch off */
  constructor(
    private readonly limit: number,
    private readonly name?: CacheName,
  ) {}

  /** Whether what `get` computes is kept (the cache is not switched off). */
  remembers(): boolean {
    return !(this.name && cacheOff(this.name));
  }

  get(text: string, compute: (own: string) => V): V {
    if (!this.remembers()) return compute(text);
    // a text too long to be kept: computed from a copy, as a kept one is (what it computes may be kept elsewhere)
    if (text.length > cacheKeyMax()) return compute(detach(text));
    let value = this.values.get(text);
    if (value === undefined) {
      if (this.values.size >= cacheLimit(this.limit)) this.values.clear();
      const own = detach(text);
      value = compute(own);
      this.values.set(own, value);
    }
    return value;
  }

  clear(): void {
    this.values.clear();
  }
}

/** How many numbers of ascending `sorted` are less than `value` (the index of the first one at or after it). */
export function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The place of the last character of text[start, end) once the white space at its end (as `space`
 * tells it) and then the Markdown stars before that are set aside (start − 1 when nothing is left): the
 * mark a line or paragraph ends with, read in place from its end.
 */
export function lastBeforeStars(text: string, start: number, end: number, space: (c: number) => boolean): number {
  let i = end - 1;
  while (i >= start && space(text.charCodeAt(i))) i--;
  while (i >= start && text.charCodeAt(i) === 0x2a) i--;
  return i;
}

/** White space as /\s/ knows it (the ideographic space included), by character code. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || c === 9) return true;
  if (c < 9 || (c > 13 && c < 160)) return false;
  return c <= 13 || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Removes all white space (including the ideographic space). */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

export function isBlank(s: string): boolean {
  return /^[\s\u3000]*$/.test(s);
}

const CJK_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral from 一 to 九十九 (十, 十一, 二十三 …); NaN otherwise. */
export function cjkNumeralValue(s: string): number {
  if (s.length === 0) return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) {
    return s.length === 1 && s in CJK_DIGITS ? CJK_DIGITS[s]! : NaN;
  }
  const tensPart = s.slice(0, ten);
  const unitsPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? CJK_DIGITS[tensPart] ?? NaN : NaN;
  const units = unitsPart === '' ? 0 : unitsPart.length === 1 ? CJK_DIGITS[unitsPart] ?? NaN : NaN;
  return tens * 10 + units;
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十 (enough for section and sub-item numbers). */
export function cjkNumeral(n: number): string {
  if (n >= 1 && n <= 10) return NUMERALS[n]!;
  if (n > 10 && n < 20) return '十' + NUMERALS[n - 10];
  return String(n);
}
