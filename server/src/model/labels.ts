/**
 * Row labels as written (wrapped, split over cells, garbled by OCR) compared
 * with the format's labels, and an order-preserving alignment of observed rows
 * to the format's rows.
 */
import { cjkNumeralValue, toHalfWidth } from '../parse/text';

export interface LabelInfo {
  /** the label without numbering, white space and punctuation */
  text: string;
  /** 一、 at the start */
  lead?: number;
  /** the last （一） */
  paren?: number;
  /** the last 1. before text */
  arabic?: number;
  bigrams: Set<string>;
}

const LEAD_RE = /^([一二三四五六七八九十])[、.]/;
const PAREN_RE = /\(\s*([一二三四五六七八九十])\s*\)/g;
const ARABIC_RE = /(\d{1,2})\s*[.、](?!\d)/g;
const STRIP_RE = /[\s()（）、,，.．:：;；"“”'‘’「」\[\]【】{}_|\\/*#+\-—－~～!！?？。<>《》]/g;

function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length === 1) out.add(s);
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Reads a label. `remove` lists texts to drop before comparing (group labels that carry no numbers). */
export function labelInfo(raw: string, remove: readonly string[] = []): LabelInfo {
  const half = toHalfWidth(raw).replace(/\s+/g, '');
  const lead = LEAD_RE.exec(half);
  let paren: number | undefined;
  let arabic: number | undefined;
  let m: RegExpExecArray | null;
  PAREN_RE.lastIndex = 0;
  while ((m = PAREN_RE.exec(half))) paren = cjkNumeralValue(m[1]!);
  ARABIC_RE.lastIndex = 0;
  while ((m = ARABIC_RE.exec(half))) arabic = Number(m[1]);
  let text = half.replace(LEAD_RE, '').replace(PAREN_RE, '').replace(ARABIC_RE, '');
  for (const r of remove) if (text.length > r.length) text = text.split(r).join('');
  text = text.replace(STRIP_RE, '');
  // every field there, numbering or not: one shape, for the scores that compare every label with every row of the format
  return { text, lead: lead ? cjkNumeralValue(lead[1]!) : undefined, paren, arabic, bigrams: bigramsOf(text) };
}

/** Dice coefficient over character bigrams: 1 for the same text, 0 for nothing in common. */
export function textSimilarity(a: LabelInfo, b: LabelInfo): number {
  if (a.bigrams.size === 0 || b.bigrams.size === 0) return 0;
  let common = 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a.bigrams, b.bigrams] : [b.bigrams, a.bigrams];
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.bigrams.size + b.bigrams.size);
}

/** How well an observed label fits a format label: text similarity, adjusted by agreeing or conflicting numbering. */
export function labelScore(observed: LabelInfo, canonical: LabelInfo): number {
  let score = textSimilarity(observed, canonical);
  if (observed.arabic !== undefined && canonical.arabic !== undefined) score += observed.arabic === canonical.arabic ? 0.25 : -0.25;
  if (observed.paren !== undefined && canonical.paren !== undefined) score += observed.paren === canonical.paren ? 0.15 : -0.15;
  if (observed.lead !== undefined && canonical.lead !== undefined) score += observed.lead === canonical.lead ? 0.1 : -0.1;
  return score;
}

/** What a match is worth beyond its label score: enough that a garbled row at a clear position still matches. */
const POSITION_WEIGHT = 0.3;

/**
 * Aligns observed rows to the format's rows, keeping their order. Returns, for
 * each observed row, the index of the format row it is, or -1. `score(i, j)`
 * is the label score of observed row i against format row j.
 */
export function alignRows(observed: number, canonical: number, score: (i: number, j: number) => number): number[] {
  if (ownRowsAreBest(observed, canonical, score)) return Array.from({ length: observed }, (_v, i) => i);
  return alignRowsBySearch(observed, canonical, score);
}

/** Two totals closer than this are not told apart (sums of a few dozen scores round far below it). */
const MARGIN = 1e-9;

/**
 * Whether matching each observed row to the format row in its own place is the one best alignment: the
 * common case, a table with the format's rows in the format's order. It is when there are as many rows
 * as format rows, and each row's own format row scores above every other by more than rounding can blur,
 * and more than nothing with the position's weight: any other alignment then gives some row less and
 * none more (a row left out gets nothing), and so does any other alignment of the first k rows, so that
 * alignRowsBySearch's table steps along the diagonal and answers the same (tested on random scores).
 */
function ownRowsAreBest(n: number, m: number, score: (i: number, j: number) => number): boolean {
  if (n !== m) return false;
  for (let i = 0; i < n; i++) {
    const own = score(i, i);
    if (own + POSITION_WEIGHT <= MARGIN) return false;
    for (let j = 0; j < m; j++) if (j !== i && score(i, j) > own - MARGIN) return false;
  }
  return true;
}

/** alignRows by a search of every alignment (dynamic programming over rows × format rows). */
export function alignRowsBySearch(observed: number, canonical: number, score: (i: number, j: number) => number): number[] {
  const n = observed;
  const m = canonical;
  // best[i][j]: best total for the first i observed rows and first j format rows
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  const move = new Uint8Array((n + 1) * w); // 0 match, 1 skip observed, 2 skip format row
  const at = (i: number, j: number) => i * w + j;
  // row 0: only format rows skipped
  for (let j = 1; j <= m; j++) {
    best[j] = best[j - 1]!;
    move[j] = 2;
  }
  for (let i = 1; i <= n; i++) {
    const row = i * w;
    const above = row - w;
    // column 0: only observed rows skipped
    best[row] = best[above]!;
    move[row] = 1;
    for (let j = 1; j <= m; j++) {
      let value = -Infinity;
      const matched = best[above + j - 1]! + POSITION_WEIGHT + score(i - 1, j - 1);
      if (matched > value) value = matched;
      let how = 0;
      if (best[above + j]! > value) {
        value = best[above + j]!;
        how = 1;
      }
      if (best[row + j - 1]! > value) {
        value = best[row + j - 1]!;
        how = 2;
      }
      best[row + j] = value;
      move[row + j] = how;
    }
  }
  const result = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = move[at(i, j)];
    if (i > 0 && j > 0 && how === 0) {
      result[i - 1] = j - 1;
      i--;
      j--;
    } else if (i > 0 && (how === 1 || j === 0)) i--;
    else j--;
  }
  return result;
}
