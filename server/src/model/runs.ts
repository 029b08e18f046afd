/**
 * Table cells run together (flattened text: 15130000154 for 151 | 3 | 0 | 0 | 0 | 0 | 154): the
 * ways a row's groups of digits can be read as its cells, and which of them the table's sums allow.
 * A number never starts with 0 unless it is 0; white space between groups is always a cell boundary.
 * Nothing is guessed: where more than one reading fits everything the table says, the cells the
 * readings disagree on stay unread.
 */
import type { Span } from '../parse/text';

/** A group of digits as it stands in the text (one cell, or several run together). */
export interface Group extends Span {
  text: string;
}

/** One number of a reading, where it stands. */
export interface Part extends Span {
  raw: string;
  value: number;
}

export type Reading = Part[];

/** Limits: a search that would take longer says it cannot tell. */
const MAX_READINGS = 5_000;
const MAX_STEPS = 50_000;
/** More digits than this a cell (a row's run is no table's: a number of 9 digits is already rare) is not read; a decimal's digits after its point count as none (they are one number's, never split). */
const MAX_DIGITS_PER_CELL = 9;

/** Is `s` a number as a cell writes it: 0, or no leading 0; a decimal point only where allowed. */
function isNumber(s: string, decimals: boolean): boolean {
  const dot = s.indexOf('.');
  if (dot >= 0) {
    if (!decimals || dot === 0 || dot === s.length - 1 || s.indexOf('.', dot + 1) >= 0) return false;
    const whole = s.slice(0, dot);
    return whole === '0' || whole[0] !== '0';
  }
  return s === '0' || s[0] !== '0';
}

/** How many numbers a group can hold at most (every digit a number, a decimal run as one). */
function maxParts(g: Group): number {
  // every digit may end a number, but those after a decimal point, which end the group's last number
  const t = g.text.replace(/^-/, '');
  const dot = t.indexOf('.');
  return dot >= 0 ? dot : t.length;
}

export function maxCells(groups: readonly Group[]): number {
  let n = 0;
  for (const g of groups) n += maxParts(g);
  return n;
}

export interface ReadOptions {
  /** may the cell in this column have decimals (table 二's fee amount) */
  decimals?: (column: number) => boolean;
  /** may the cell in this column be negative (the 2019 format's 本年增/减); a group that starts with a minus starts with it */
  negatives?: (column: number) => boolean;
  /** does a complete reading satisfy what the row itself says (its sums)? */
  accept?: (values: number[]) => boolean;
}

/**
 * The readings of a row's groups as exactly `width` numbers, in order. `complete` is false when the
 * search was cut short (too many ways): then the caller must not take a reading for certain.
 */
export function readRow(groups: readonly Group[], width: number, options: ReadOptions = {}): { readings: Reading[]; complete: boolean } {
  const readings: Reading[] = [];
  const parts: Part[] = [];
  let steps = 0;
  let complete = true;
  const decimals = options.decimals ?? (() => false);
  // cells still to fill after group gi can hold at least (groups left) and at most (their digits)
  const maxAfter: number[] = new Array(groups.length + 1).fill(0);
  for (let k = groups.length - 1; k >= 0; k--) maxAfter[k] = maxAfter[k + 1]! + maxParts(groups[k]!);
  const walk = (gi: number, pos: number): void => {
    if (!complete) return;
    if (++steps > MAX_STEPS || readings.length >= MAX_READINGS) {
      complete = false;
      return;
    }
    if (gi === groups.length) {
      if (parts.length === width && (!options.accept || options.accept(parts.map((p) => p.value)))) readings.push(parts.slice());
      return;
    }
    const g = groups[gi]!;
    const left = width - parts.length;
    // every group left needs a number; no group holds more numbers than it has digits
    if (left < groups.length - gi || left > g.text.length - pos + maxAfter[gi + 1]!) return;
    // a minus starts the group's first number, in a column that may be negative
    const minus = pos === 0 && g.text[0] === '-';
    if (minus && !(options.negatives?.(parts.length) ?? false)) return;
    // the next number of this group: from pos to cut
    for (let cut = pos + (minus ? 2 : 1); cut <= g.text.length; cut++) {
      const s = g.text.slice(pos + (minus ? 1 : 0), cut);
      if (!isNumber(s, decimals(parts.length))) {
        if (s[0] === '0' && s !== '0' && !s.startsWith('0.')) break; // longer slices start with 0 too
        continue;
      }
      // a group ends on a number's end only
      parts.push({ start: g.start + pos, end: g.start + cut, raw: (minus ? '-' : '') + s, value: minus ? -Number(s) : Number(s) });
      if (parts.length <= width) {
        if (cut === g.text.length) walk(gi + 1, 0);
        else if (g.text[cut] !== '.') walk(gi, cut);
      }
      parts.pop();
      if (!complete) return;
    }
  };
  let digits = 0;
  for (const g of groups) digits += maxParts(g);
  if (digits > width * MAX_DIGITS_PER_CELL) return { readings, complete: false };
  if (groups.length > 0 && width >= groups.length && width <= maxAfter[0]!) walk(0, 0);
  return { readings, complete };
}

/** The values every reading agrees on (null where they differ), or undefined when there is none. */
export function agreed(readings: readonly Reading[], width: number): (Part | null)[] | undefined {
  if (readings.length === 0) return undefined;
  const out: (Part | null)[] = readings[0]!.slice();
  for (let r = 1; r < readings.length; r++) {
    for (let k = 0; k < width; k++) {
      const a = out[k];
      const b = readings[r]![k]!;
      if (a && (a.start !== b.start || a.end !== b.end)) out[k] = null;
    }
  }
  return out;
}

/** Sum of the first n values equals value n (a row of table 三: six applicants and the total). */
export const totalLast = (values: number[]): boolean => {
  let s = 0;
  for (let k = 0; k < values.length - 1; k++) s += values[k]!;
  return s === values[values.length - 1];
};

/** Each block of five: 维持 + 纠正 + 其他 + 尚未审结 = 总计 (table 四). */
export const blocksOfFive = (values: number[]): boolean => {
  for (let b = 0; b + 5 <= values.length; b += 5) {
    if (values[b]! + values[b + 1]! + values[b + 2]! + values[b + 3]! !== values[b + 4]) return false;
  }
  return true;
};
