/**
 * One table cell as the model sees it: its raw text, where it is, and the
 * number it holds, or why it holds none.
 */
import type { Span } from '../parse/text';
import { toHalfWidth } from '../parse/text';

export type CellIssue =
  /** nothing in the cell (the format wants 0) */
  | 'empty'
  /** "/", "—", "无" where a number is meant */
  | 'placeholder'
  /** text mixed into a number (OCR residue such as "政许可 421808") */
  | 'residue'
  /** no digit at all where a number belongs */
  | 'text'
  /** a negative number */
  | 'negative'
  /** a count that is not a whole number */
  | 'fraction';

/** Notes on a cell whose number was read but written unusually. */
export type CellNote = 'fullwidth' | 'separator';

export interface ModelCell extends Span {
  raw: string;
  /** the number, when the cell holds exactly one clean number (negative and fractional counts included) */
  value: number | null;
  issue?: CellIssue;
  notes?: CellNote[];
  /** the numbers found inside a cell with residue, for "use 421808" fixes */
  candidates?: number[];
  /** not in the text: a cell of a short row whose value the sums leave no doubt about (0 where all else is 0) */
  inferred?: true;
}

/**
 * A cell with every field there from the start, in one order (one shape for the engine: cells are
 * read by every table rule, and cells given `issue` or `notes` later took shapes of their own).
 */
export function newCell(start: number, end: number, raw: string, value: number | null, issue?: CellIssue, inferred?: true): ModelCell {
  return { start, end, raw, value, issue, notes: undefined, candidates: undefined, inferred };
}

/** count: a whole number ≥ 0; amount: ≥ 0, decimals allowed (万元); delta: a whole number, negative allowed (the 2019 format's 本年增/减) */
export type CellKind = 'count' | 'amount' | 'delta';

const PLACEHOLDER_RE = /^(?:[\/／\\—–\-－─━_＿…·.。]+|无|空|暂无|—+|-+)$/;
const CLEAN_NUMBER_RE = /^[-−]?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER_RE = /^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DIGIT_RUN_RE = /\d+(?:\.\d+)?/g;
/** 1 to 15 ASCII digits (the common case of a cell; a loop is quicker than a regular expression here). */
function isPlain(raw: string): boolean {
  const n = raw.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Reads a cell. `kind` says whether a fraction is acceptable (amounts in 万元) or an issue (counts). */
export function readCell(raw: string, span: Span, kind: CellKind = 'count'): ModelCell {
  // the common case first: a plain whole number
  if (isPlain(raw)) return newCell(span.start, span.end, raw, Number(raw));
  const cell = newCell(span.start, span.end, raw, null);
  const half = toHalfWidth(raw).replace(/\s+/g, '').replace(/，/g, ',');
  if (half === '') {
    cell.issue = 'empty';
    return cell;
  }
  if (PLACEHOLDER_RE.test(half)) {
    cell.issue = 'placeholder';
    return cell;
  }
  const notes: CellNote[] = [];
  if (half !== raw.replace(/\s+/g, '') && /[０-９．－]/.test(raw)) notes.push('fullwidth');
  let text = half.replace('−', '-');
  if (GROUPED_NUMBER_RE.test(text)) {
    notes.push('separator');
    text = text.replace(/,/g, '');
  }
  if (CLEAN_NUMBER_RE.test(text)) {
    const value = Number(text);
    cell.value = value;
    if (value < 0 && kind !== 'delta') cell.issue = 'negative';
    else if (kind !== 'amount' && !Number.isInteger(value)) cell.issue = 'fraction';
    if (notes.length > 0) cell.notes = notes;
    return cell;
  }
  const candidates = (half.match(DIGIT_RUN_RE) ?? []).map(Number);
  if (candidates.length === 0) {
    cell.issue = 'text';
    return cell;
  }
  cell.issue = 'residue';
  cell.candidates = candidates;
  return cell;
}

/**
 * Whether a text has a Chinese character that no value-like text has: none of a number's, and of the
 * placeholders only 无, 空 and 暂无 are words. Such a text (a row's label: most of the cells that are
 * not plain numbers) is told without folding it.
 */
function hasLabelWord(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && c !== 0x65e0 && c !== 0x7a7a && c !== 0x6682) return true;
  }
  return false;
}

/** Is this raw text something that stands where a number should (a number, empty, a placeholder, residue with digits)? */
export function isValueLike(raw: string): boolean {
  if (raw === '' || isPlain(raw)) return true;
  if (hasLabelWord(raw)) return false;
  // not remembered: measured (npm run bench, caches off), a memo of these texts saved nothing
  const half = toHalfWidth(raw).replace(/\s+/g, '');
  return half === '' || PLACEHOLDER_RE.test(half) || CLEAN_NUMBER_RE.test(half.replace(/,/g, ''));
}


/** A clean number, alone in the cell (full-width digits and separators allowed). */
export function isCleanNumber(raw: string): boolean {
  const half = toHalfWidth(raw).replace(/\s+/g, '').replace(/，/g, ',');
  return CLEAN_NUMBER_RE.test(half) || GROUPED_NUMBER_RE.test(half);
}
