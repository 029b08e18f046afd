/**
 * The three statistical tables: every cell mapped to its identity in the
 * national format (table, row, column), whatever the layout it arrived in.
 */
import {
  FormatId,
  TABLE_FORMATS,
  TABLE_HEADER_WORDS,
  Table2SubtableSpec,
  table3ResultRows,
  TABLE3_COLUMNS,
  TABLE3_GROUP_LABELS,
  TABLE4_BLOCKS,
  TABLE4_CELLS,
  Table2RowSpec,
  Table3RowSpec,
} from '../format/national';
import type { CellNode, TableLayout, TableNode, TableRowNode } from '../parse/syntax';
import { TextMemo, cjkNumeral, cjkNumeralValue, countBelow, toHalfWidth } from '../parse/text';
import type { Span } from '../parse/text';
import { CellKind, ModelCell, isCleanNumber, isValueLike, newCell, readCell } from './cells';
import { equations } from './equations';
import { Group, Reading, agreed, blocksOfFive, maxCells, readRow, totalLast } from './runs';
import { LabelInfo, alignRows, labelInfo, labelScore } from './labels';

/** A physical row (or several joined: a wrapped label, numbers on the line before their label) of a table. */
export interface ObservedRow extends Span {
  label: string;
  /** the cells the label was read from */
  labelCells: CellNode[];
  /** cells after the label, trailing empty cells removed */
  values: CellNode[];
  /** the empty cells removed from the end (an empty last cell, or merged cells beyond the table) */
  trailing: CellNode[];
  /** the table rows it was read from */
  rows: TableRowNode[];
}

export type RowShape = 'ok' | 'short' | 'long';

interface MappedRow extends Span {
  label: string;
  /** where the label stands (first label cell to last), or the row when it has none */
  labelSpan: Span;
  observed: ObservedRow;
  /** one entry per column of the format: the cell, or null when none can be placed with certainty */
  cells: (ModelCell | null)[];
  /** the value cells as found, in order */
  found: ModelCell[];
  shape: RowShape;
  /** runs of digits (flattened text) that cannot be told apart into this row's cells: its cells there stay unread */
  merged?: Span[];
}

export interface Table2Row extends MappedRow {
  spec: Table2RowSpec;
}

export interface Table3Row extends MappedRow {
  spec: Table3RowSpec;
}

export interface Table2 extends Span {
  /** which format's rows and columns the table is read in */
  format: FormatId;
  specs: readonly Table2RowSpec[];
  subtableSpecs: readonly Table2SubtableSpec[];
  rows: Map<string, Table2Row>;
  unmapped: ObservedRow[];
  /** the sub-table heading rows found (第二十条第（一）项 …), by item: "（一）", "（五）", "（六）", "（八）" */
  subtables: Map<string, Span>;
  /** the column header row (信息内容 …) of each sub-table, by item */
  headers: Map<string, ObservedRow>;
  /** the layout of its rows (of the first block) */
  layout: TableLayout;
}

export interface Table3 extends Span {
  layout: TableLayout;
  /** which format's rows the table is read in (2019: （六）其他处理 is one row) */
  format: FormatId;
  specs: readonly Table3RowSpec[];
  rows: Map<string, Table3Row>;
  /** rows with numbers that match no row of the format */
  unmapped: ObservedRow[];
  /** rows before the first data row (the header) */
  header: ObservedRow[];
}

export interface Table4 extends Span {
  layout: TableLayout;
  /** the row holding the 15 numbers */
  row?: ObservedRow;
  cells: (ModelCell | null)[];
  found: ModelCell[];
  shape: RowShape;
  header: ObservedRow[];
  /** runs of digits (flattened text) that cannot be told apart into the fifteen cells */
  merged?: Span[];
}

export interface Tables {
  table2?: Table2;
  table3?: Table3;
  table4?: Table4;
}

// ---------------------------------------------------------------------------
// observed rows

function hasDigits(cells: CellNode[]): boolean {
  return cells.some((c) => /[0-9０-９]/.test(c.text));
}

function spanOf(cells: CellNode[], fallback: Span): Span {
  const nonEmpty = cells.filter((c) => c.text !== '');
  if (nonEmpty.length === 0) return { start: fallback.start, end: fallback.start };
  return { start: nonEmpty[0]!.start, end: nonEmpty[nonEmpty.length - 1]!.end };
}

/** Splits a row into label cells and value cells: the label ends at the last cell that is not value-like. */
function observe(row: TableRowNode): ObservedRow {
  const cells = row.cells;
  let boundary = -1;
  for (let k = cells.length - 1; k >= 0; k--) {
    if (!isValueLike(cells[k]!.text)) {
      boundary = k;
      break;
    }
  }
  const labelCells: CellNode[] = [];
  let label = '';
  for (let k = 0; k <= boundary; k++) {
    const c = cells[k]!;
    if (c.text === '') continue;
    label = labelCells.length === 0 ? c.text : label + ' ' + c.text;
    labelCells.push(c);
  }
  let last = cells.length;
  while (last > boundary + 1 && cells[last - 1]!.text === '') last--;
  const values = cells.slice(boundary + 1, last);
  const trailing = cells.slice(last);
  return {
    start: row.start,
    end: row.end,
    label,
    labelCells,
    values,
    trailing,
    rows: [row],
  };
}

function rowsOf(tables: TableNode[], text = ''): ObservedRow[] {
  const out: ObservedRow[] = [];
  for (const t of tables) {
    if (t.layout === 'pipe' && text && ruledRows(t, text)) for (const group of betweenRules(t.rows, text)) out.push(observe(group));
    else {
      let lastWasPipe = false;
      for (const r of t.rows) {
        if (!r.separator) {
          out.push(observe(r));
          lastWasPipe = false;
          continue;
        }
        // two lone pipes one after the other: the empty cell between them (html2text, one cell a line)
        const lone = text !== '' && t.layout === 'pipe' && !isRowRule(r, text);
        if (lone && lastWasPipe) {
          const cell: CellNode = { start: r.start, end: r.start, text: '' };
          const row: TableRowNode = { kind: 'row', start: r.start, end: r.start, line: r.line, cells: [cell] };
          out.push({ start: r.start, end: r.start, label: '', labelCells: [], values: [cell], trailing: [], rows: [row] });
        }
        lastWasPipe = lone;
      }
    }
  }
  return t0Merge(out, tables[0]?.layout);
}

/**
 * A rule between two rows: a line of box drawing (├──┼──┤) or of several pipes (||||). A lone pipe on
 * its line separates two cells (html2text, when a cell's text is a paragraph of its own).
 */
function isRowRule(r: TableRowNode, text: string): boolean {
  if (!r.separator) return false;
  const t = text.slice(r.start, r.end);
  return /[─━├┤┼┌┐└┘┬┴═╋]|-{3,}/.test(t) || (t.match(/[|│┃｜]/g)?.length ?? 0) >= 2;
}

/**
 * A web page's table copied with a rule between every row (w3m's boxes, one cell a line between
 * |||| lines): a row of the table is the lines between two rules. Markdown's one rule under the
 * header does not count.
 */
function ruledRows(t: TableNode, text: string): boolean {
  const rules = t.rows.filter((r) => isRowRule(r, text)).length;
  const lines = t.rows.filter((r) => !r.separator).length;
  return rules >= 3 && rules * 3 >= lines;
}

/** The lines between rules as one row each: cell by cell where the lines have the same cells (a label wrapped in its box), one after another otherwise. */
function betweenRules(rows: TableRowNode[], text: string): TableRowNode[] {
  const out: TableRowNode[] = [];
  let group: TableRowNode[] = [];
  const flush = () => {
    const lines = group.filter((r) => r.cells.some((c) => c.text !== ''));
    group = [];
    if (lines.length === 0) return;
    if (lines.length === 1) {
      out.push(lines[0]!);
      return;
    }
    const width = lines[0]!.cells.length;
    let cells: CellNode[];
    if (width >= 2 && lines.every((l) => l.cells.length === width)) {
      // column by column: each cell's texts joined (its span from the first line with text to the last)
      cells = Array.from({ length: width }, (_v, k) => {
        const parts = lines.map((l) => l.cells[k]!).filter((c) => c.text !== '');
        if (parts.length === 0) return lines[0]!.cells[k]!;
        if (parts.length === 1) return parts[0]!;
        return { start: parts[0]!.start, end: parts[parts.length - 1]!.end, text: parts.map((c) => c.text).join('') };
      });
    } else cells = lines.flatMap((l) => l.cells.filter((c) => c.text !== ''));
    out.push({ kind: 'row', start: lines[0]!.start, end: lines[lines.length - 1]!.end, line: lines[0]!.line, cells });
  };
  for (const r of rows) {
    if (isRowRule(r, text)) flush();
    else if (!r.separator) group.push(r);
  }
  flush();
  return out;
}

/**
 * Numbers one a line (a web page copied one cell a line: 0 | / 0 | / 0 |, a PDF viewer's copy): the
 * lines of numbers that follow one another, with no label among them, are the cells of one row.
 */
function t0Merge(rows: ObservedRow[], layout: TableLayout | undefined): ObservedRow[] {
  if (layout !== 'pipe' && layout !== 'space') return rows;
  // a line of values only (numbers, or an empty cell), and one value alone on its line
  const values = (r: ObservedRow) => r.label === '' && r.values.length > 0 && r.values.every((c) => c.text === '' || isValueLike(c.text));
  const cellsOf = (r: ObservedRow) => (r.values.some((c) => c.text !== '') ? r.values.filter((c) => c.text !== '') : r.values.slice(0, 1));
  const single = (r: ObservedRow) => values(r) && cellsOf(r).length === 1;
  if (rows.filter((r) => single(r) && r.values.some((c) => c.text !== '')).length < 3) return rows;
  const out: ObservedRow[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && single(r) && values(prev)) {
      out[out.length - 1] = { ...prev, end: Math.max(prev.end, r.end), values: [...prev.values, ...cellsOf(r)], rows: [...prev.rows, ...r.rows] };
    } else out.push(single(r) ? { ...r, values: cellsOf(r) } : r);
  }
  return out;
}

function joinRows(a: ObservedRow, b: ObservedRow, values: CellNode[]): ObservedRow {
  return {
    trailing: values === a.values ? a.trailing : b.trailing,
    start: Math.min(a.start, b.start),
    end: Math.max(a.end, b.end),
    label: a.label + b.label,
    labelCells: [...a.labelCells, ...b.labelCells],
    values,
    rows: [...a.rows, ...b.rows],
  };
}

// ---------------------------------------------------------------------------
// generic mapping of rows to the format's rows

interface Canon {
  info: LabelInfo;
}

/**
 * Label scores against every row of a format table, cached by label: a report is
 * re-checked on every keystroke and its labels rarely change. Bounded.
 * Invariant: a label's scores follow from the label's text and the format table alone.
 */
let scoreCache = new WeakMap<readonly Canon[], TextMemo<Float64Array>>();

/** Forgets the remembered label scores (for measuring a check from cold). */
export function clearTableCaches(): void {
  scoreCache = new WeakMap();
}

function scoresFor(label: string, canon: readonly Canon[], remove: readonly string[]): Float64Array {
  let byLabel = scoreCache.get(canon);
  if (!byLabel) scoreCache.set(canon, (byLabel = new TextMemo(20_000, 'model.labels')));
  return byLabel.get(label, (own) => {
    const info = labelInfo(own, remove);
    const scores = new Float64Array(canon.length);
    for (let j = 0; j < canon.length; j++) scores[j] = labelScore(info, canon[j]!.info);
    return scores;
  });
}

function bestOf(scores: Float64Array): number {
  let best = -Infinity;
  for (const v of scores) if (v > best) best = v;
  return best;
}


const STRONG = 0.5;
const WEAK = 0.45;

/**
 * Joins rows that belong together: a label wrapped onto a row without numbers,
 * numbers on the line before their label, a label on the line before its numbers.
 */
function joinContinuations(rows: ObservedRow[], canon: readonly Canon[], remove: readonly string[]): ObservedRow[] {
  const out: ObservedRow[] = [];
  const memo = new Map<string, number>();
  const best = (label: string) => {
    let b = memo.get(label);
    if (b === undefined) memo.set(label, (b = bestOf(scoresFor(label, canon, remove))));
    return b;
  };
  for (const row of rows) {
    const prev = out[out.length - 1];
    const numbered = hasDigits(row.values);
    if (prev) {
      const prevNumbered = hasDigits(prev.values);
      if (!numbered && prevNumbered && row.label !== '') {
        // a row without numbers after a row with numbers: its wrapped label, or the label the numbers belong to
        const bPrev = best(prev.label);
        const bRow = best(row.label);
        const bJoined = best(prev.label + row.label);
        if (bJoined > Math.max(bPrev, bRow) + 0.1 || (bPrev < WEAK && bRow >= STRONG)) {
          out[out.length - 1] = joinRows(prev, row, prev.values);
          continue;
        }
      } else if (numbered && !prevNumbered && prev.label !== '') {
        // a label alone on the line before its numbers
        const bPrev = best(prev.label);
        const bRow = row.label === '' ? -1 : best(row.label);
        const bJoined = best(prev.label + row.label);
        // numbers with no label at all belong to the label above; a label of their own (even garbled) keeps them apart
        if (bJoined > Math.max(bPrev, bRow) + 0.1 || (row.label === '' && bPrev >= STRONG && !isHeaderLike(prev))) {
          out[out.length - 1] = joinRows(prev, row, row.values);
          continue;
        }
      }
    }
    out.push(row);
  }
  return out;
}

/** The numbering a row label of the format starts with: 一、 （一） 1. */
const MARKER_RE = /^(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.．、](?![\d.．]))/;

/** Does one of a row's label cells start with a row's numbering? (PDF text may put a group label's fragment before it: 年度办 3.补正后…) */
function hasMarker(row: ObservedRow): boolean {
  return row.labelCells.some((c) => MARKER_RE.test(c.text.trimStart()));
}

function joinAll(parts: ObservedRow[], anchor: ObservedRow): ObservedRow {
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k++) out = joinRows(out, parts[k]!, anchor.values);
  return { ...out, values: anchor.values, trailing: anchor.trailing };
}

/**
 * Rows of PDF text (space-aligned), assembled into the table's rows. A label that wraps over several
 * lines has its numbers on one of them — the middle one, as the numbers stand centred in their cell —
 * and a merged group label (三、本年度办理结果, （三）不予公开) is spread a few characters a line
 * between the rows. The lines without numbers between two lines with numbers are shared out: those
 * before the first line that starts with a row's numbering (1. （二） 一、) end the label above; from
 * there on, each numbered line starts a label of its own, and the last of them is the head of the
 * label below when that row has no numbering of its own. Without any numbering to go by, the lines
 * are shared so that the label above is as long below its numbers as above them.
 */
function assembleRecords(rows: ObservedRow[]): ObservedRow[] {
  const out: ObservedRow[] = [];
  let pending: ObservedRow[] = [];
  let last = -1; // index in out of the last row with numbers
  let lastHead = 0; // how many lines of its label stood above its numbers
  const addTail = (tail: ObservedRow[]) => {
    if (tail.length === 0) return;
    if (last < 0) out.push(...tail);
    else out[last] = joinAll([out[last]!, ...tail], out[last]!);
  };
  for (const row of rows) {
    if (!hasDigits(row.values)) {
      pending.push(row);
      continue;
    }
    const first = pending.findIndex(hasMarker);
    let head: ObservedRow[] = [];
    if (first < 0) {
      if (hasMarker(row) || last < 0) addTail(pending);
      else {
        // no numbering anywhere: as many lines end the label above as began it, the rest begin this one
        const cut = Math.min(pending.length, lastHead);
        addTail(pending.slice(0, cut));
        head = pending.slice(cut);
      }
    } else {
      addTail(pending.slice(0, first));
      // each numbered line starts a label; the last one is this row's head unless it has numbering of its own
      const groups: ObservedRow[][] = [];
      for (const p of pending.slice(first)) {
        if (hasMarker(p) || groups.length === 0) groups.push([p]);
        else groups[groups.length - 1]!.push(p);
      }
      if (!hasMarker(row)) head = groups.pop()!;
      for (const g of groups) out.push(g.length === 1 ? g[0]! : joinAll(g, { ...g[0]!, values: [], trailing: [] }));
    }
    pending = [];
    out.push(head.length > 0 ? joinAll([...head, row], row) : row);
    last = out.length - 1;
    lastHead = head.length;
  }
  const first = pending.findIndex(hasMarker);
  addTail(first < 0 ? pending : pending.slice(0, first));
  if (first >= 0) {
    const groups: ObservedRow[][] = [];
    for (const p of pending.slice(first)) {
      if (hasMarker(p) || groups.length === 0) groups.push([p]);
      else groups[groups.length - 1]!.push(p);
    }
    for (const g of groups) out.push(g.length === 1 ? g[0]! : joinAll(g, { ...g[0]!, values: [], trailing: [] }));
  }
  return out;
}

/** Do the labels mostly stand apart from their numbers (one cell a line: a label line, then a line of numbers)? */
function labelsApart(rows: readonly ObservedRow[]): boolean {
  let together = 0;
  let apart = 0;
  for (const r of rows) {
    const digits = hasDigits(r.values);
    if (digits && r.label !== '') together++;
    else if (digits) apart++;
  }
  return apart > together;
}

function isHeaderLike(row: ObservedRow): boolean {
  return /自然人|商业企业|申请人情况|信息内容|勾稽/.test(row.label);
}

/** Maps rows to format rows by label and order. Rows without numbers take part only when their label is clear. */
function mapRows<S>(
  rows: ObservedRow[],
  specs: readonly S[],
  canon: readonly Canon[],
  remove: readonly string[],
): { mapped: Map<number, ObservedRow>; unmapped: ObservedRow[]; firstData: number } {
  const rowScores = rows.map((r) => scoresFor(r.label, canon, remove));
  const candidates: number[] = [];
  rows.forEach((r, k) => {
    const numbered = hasDigits(r.values);
    if ((numbered && !isHeaderLike(r)) || bestOf(rowScores[k]!) >= 0.6) candidates.push(k);
  });
  const assignment = alignRows(candidates.length, specs.length, (i, j) => rowScores[candidates[i]!]![j]!);
  const mapped = new Map<number, ObservedRow>();
  const unmapped: ObservedRow[] = [];
  candidates.forEach((rowIndex, i) => {
    const j = assignment[i]!;
    if (j >= 0) mapped.set(j, rows[rowIndex]!);
    else if (hasDigits(rows[rowIndex]!.values)) unmapped.push(rows[rowIndex]!);
  });
  return { mapped, unmapped, firstData: candidates.length > 0 ? candidates[0]! : rows.length };
}

/** Places a row's value cells in the format's columns. */
function placeCells(found: ModelCell[], width: number, totalLast: boolean, summed = totalLast): { cells: (ModelCell | null)[]; shape: RowShape } {
  const cells = new Array<ModelCell | null>(width).fill(null);
  let list = found;
  // leading empty cells beyond the width are merged label cells, not values
  while (list.length > width && list[0]!.issue === 'empty') list = list.slice(1);
  if (list.length === width) {
    list.forEach((c, k) => (cells[k] = c));
    return { cells, shape: 'ok' };
  }
  if (list.length > width) return { cells, shape: 'long' };
  // Too few cells, all of them 0, in a row its sums tie together (table 三's rows, table 四): wherever
  // the missing ones stood, the sums leave them no value but 0. The row is still short.
  if (summed && list.length > 0 && list.every((c) => c.value === 0 && !c.issue)) {
    const last = list[list.length - 1]!;
    list.forEach((c, k) => (cells[k] = c));
    for (let k = list.length; k < width; k++) cells[k] = newCell(last.end, last.end, '', 0, undefined, true);
    return { cells, shape: 'short' };
  }
  // Otherwise only what can be justified. A last number equal to the sum of the others is the total,
  // and so is an empty last cell after numbers.
  if (totalLast && list.length >= 2 && list[list.length - 1]!.issue === 'empty' && list.slice(0, -1).every((c) => c.value !== null)) {
    cells[width - 1] = list[list.length - 1]!;
    return { cells, shape: 'short' };
  }
  if (totalLast && list.length >= 2) {
    const last = list[list.length - 1]!;
    const others = list.slice(0, -1);
    if (last.value !== null && others.every((c) => c.value !== null)) {
      const sum = others.reduce((s, c) => s + (c.value ?? 0), 0);
      if (sum === last.value) cells[width - 1] = last;
    }
  }
  return { cells, shape: 'short' };
}

// ---------------------------------------------------------------------------
// space-aligned rows: where a number is missing can be told by where the others stand

/**
 * How far along its line a character stands. Text aligned by hand in a monospaced editor gives a
 * CJK character two columns; pdftotext -layout gives every character one. Which one a table was
 * laid out in is told by its complete rows: the measure that lines their columns up best.
 */
type Measure = 'wide' | 'narrow';

function charWidth(code: number, measure: Measure): number {
  return measure === 'wide' && (code >= 0x2e80 || (code >= 0x1100 && code <= 0x115f)) ? 2 : 1;
}

/** Display column of an offset, from the start of its line. */
function displayColumn(text: string, lineStart: number, offset: number, measure: Measure): number {
  if (measure === 'narrow') return Math.min(offset, text.length) - lineStart;
  let col = 0;
  for (let i = lineStart; i < offset && i < text.length; i++) col += charWidth(text.charCodeAt(i), measure);
  return col;
}

/** Offset in a line at a display column (the line's end when it is shorter). */
function offsetAtColumn(text: string, lineStart: number, lineEnd: number, column: number, measure: Measure): number {
  let col = 0;
  let i = lineStart;
  while (i < lineEnd && col < column) col += charWidth(text.charCodeAt(i++), measure);
  return i;
}

function centre(text: string, row: Span, cell: Span, measure: Measure): number {
  return (displayColumn(text, row.start, cell.start, measure) + displayColumn(text, row.start, cell.end, measure)) / 2;
}

/**
 * Column positions of a space-aligned table: in which measure, and per page of PDF text (pdftotext
 * lays each page out on its own grid; pages are told by form feeds).
 */
interface Columns {
  measure: Measure;
  /** page → column centres */
  pages: Map<number, number[]>;
}

/** The page (count of form feeds before it) of each offset asked for; the form feeds are found once. */
function pager(text: string): (offset: number) => number {
  const feeds: number[] = [];
  for (let i = text.indexOf('\f'); i >= 0; i = text.indexOf('\f', i + 1)) feeds.push(i);
  return (offset) => countBelow(feeds, offset);
}

function anchorsOnPage(columns: Columns, page: number): number[] | undefined {
  const exact = columns.pages.get(page);
  if (exact) return exact;
  let best: number[] | undefined;
  let distance = Infinity;
  for (const [p, anchors] of columns.pages) {
    if (Math.abs(p - page) < distance) {
      distance = Math.abs(p - page);
      best = anchors;
    }
  }
  return best;
}

/**
 * Places the cells of a short space-aligned row by the columns they stand in.
 * Returns the row's cells with an empty cell where a number is missing, or
 * undefined when the positions do not tell.
 */
function placeByPosition(text: string, row: ObservedRow, found: ModelCell[], anchors: number[], measure: Measure): ModelCell[] | undefined {
  const line = lineOfCells(row, found);
  if (!line || anchors.length <= found.length || found.some((c) => c.start < line.start || c.end > line.end)) return undefined;
  const centres = found.map((c) => centre(text, line, c, measure));
  const n = found.length;
  const m = anchors.length;
  // cost[i][j]: best cost placing the first i cells among the first j columns, in order
  const INF = Number.POSITIVE_INFINITY;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const take: boolean[][] = Array.from({ length: n + 1 }, () => new Array<boolean>(m + 1).fill(false));
  for (let j = 0; j <= m; j++) cost[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= m; j++) {
      const skip = cost[i]![j - 1]!;
      const use = cost[i - 1]![j - 1]! + Math.abs(centres[i - 1]! - anchors[j - 1]!);
      if (use <= skip) {
        cost[i]![j] = use;
        take[i]![j] = true;
      } else cost[i]![j] = skip;
    }
  }
  const placed = new Array<ModelCell | null>(m).fill(null);
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (take[i]![j]) {
      placed[j - 1] = found[i - 1]!;
      i--;
    }
    j--;
  }
  if (i > 0) return undefined;
  // every number must stand clearly in its column
  let pitch = Infinity;
  for (let k = 1; k < m; k++) pitch = Math.min(pitch, anchors[k]! - anchors[k - 1]!);
  const tolerance = Math.max(1.5, pitch / 2 - 0.5);
  for (let k = 0; k < m; k++) {
    const c = placed[k];
    if (c && Math.abs(centre(text, line, c, measure) - anchors[k]!) > tolerance) return undefined;
  }
  return placed.map((c, k) => {
    if (c) return c;
    const at = offsetAtColumn(text, line.start, line.end, Math.round(anchors[k]!), measure);
    return newCell(at, at, '', null, 'empty');
  });
}

/** Column centres of a space-aligned table, from its complete rows: per page, in the measure that lines them up best. */
function anchorsFromRows(text: string, rows: { observed: ObservedRow; found: ModelCell[]; shape: RowShape }[], width: number): Columns | undefined {
  const pageOf = pager(text);
  const complete: { line: TableRowNode; cells: ModelCell[]; page: number }[] = [];
  for (const r of rows) {
    if (r.shape !== 'ok' || r.found.length !== width) continue;
    const line = lineOfCells(r.observed, r.found);
    if (!line || r.found.some((c) => c.start < line.start || c.end > line.end)) continue;
    complete.push({ line, cells: r.found, page: pageOf(line.start) });
  }
  if (complete.length < 2) return undefined;
  let best: Columns | undefined;
  let bestSpread = Infinity;
  for (const measure of ['wide', 'narrow'] as const) {
    const byPage = new Map<number, number[][]>();
    for (const c of complete) {
      let columns = byPage.get(c.page);
      if (!columns) byPage.set(c.page, (columns = Array.from({ length: width }, () => [])));
      c.cells.forEach((cell, k) => columns![k]!.push(centre(text, c.line, cell, measure)));
    }
    let spread = 0;
    let widest = 0;
    const pages = new Map<number, number[]>();
    for (const [page, columns] of byPage) {
      for (const cs of columns) {
        const s = Math.max(...cs) - Math.min(...cs);
        spread += s;
        widest = Math.max(widest, s);
      }
      pages.set(page, columns.map((cs) => cs.sort((a, b) => a - b)[cs.length >> 1]!));
    }
    // columns that do not line up (numbers after labels of their own lengths, single-spaced: pdftotext -raw) tell nothing
    if (widest > 3) continue;
    if (spread < bestSpread) {
      bestSpread = spread;
      best = { measure, pages };
    }
  }
  return best;
}

/** A row short of cells with the empty cells trimmed from its end given back (its last cells empty), or undefined. */
function withTrailing(row: ObservedRow, width: number): CellNode[] | undefined {
  let lead = 0;
  while (lead < row.values.length && row.values[lead]!.text === '') lead++;
  const count = row.values.length - lead;
  if (count >= width || row.trailing.length === 0) return undefined;
  return [...row.values, ...row.trailing.slice(0, width - count)];
}

/** Does a row end in more empty cells than the nearest complete row (a sign its last cell is empty)? */
function moreTrailingThanNeighbours(table: Table3, key: string): boolean {
  const keys = table.specs.map((r) => r.key);
  const j = keys.indexOf(key);
  const complete = (k: string | undefined) => {
    const r = k ? table.rows.get(k) : undefined;
    return r && r.shape === 'ok' && r.cells.every((c) => c !== null && c.value !== null) ? r : undefined;
  };
  // the nearest complete row on each side; rows of a table often differ in how many empty cells they end with
  let before: Table3Row | undefined;
  let after: Table3Row | undefined;
  for (let d = 1; d < keys.length && !before; d++) before = complete(keys[j - d]);
  for (let d = 1; d < keys.length && !after; d++) after = complete(keys[j + d]);
  const usual = Math.max(before?.observed.trailing.length ?? -1, after?.observed.trailing.length ?? -1);
  return usual >= 0 && table.rows.get(key)!.observed.trailing.length > usual;
}

/** How many column sums and balances of table 三 fail (the model's own equations, for the ambiguous rows). */
function unbalancedColumns(table: Table3): number {
  return equations({ table3: table }).filter((e) => (e.kind === 'T3-column' || e.kind === 'T3-balance') && e.known && !e.holds).length;
}

/** The physical line of a joined row that holds its numbers. */
function lineOfCells(row: ObservedRow, cells: Span[]): TableRowNode | undefined {
  const first = cells[0];
  if (!first) return undefined;
  return row.rows.find((r) => r.start <= first.start && first.end <= r.end);
}

function readAll(values: CellNode[], kind: CellKind | ((column: number) => CellKind)): ModelCell[] {
  return values.map((c, k) => readCell(c.text, c, typeof kind === 'function' ? kind(k) : kind));
}

function labelSpanOf(row: ObservedRow): Span {
  return row.labelCells.length > 0 ? spanOf(row.labelCells, row) : { start: row.start, end: row.end };
}

// ---------------------------------------------------------------------------
// table 三

/** The format's rows as label infos, built once per list of rows. */
const canonOf = (() => {
  const memo = new Map<readonly unknown[], readonly Canon[]>();
  return <S extends { label: string }>(specs: readonly S[]): readonly Canon[] => {
    let canon = memo.get(specs);
    if (!canon) {
      canon = specs.map((s) => {
        const info = labelInfo(s.label);
        const t3 = s as unknown as Partial<Table3RowSpec>;
        if (t3.lead !== undefined) info.lead = t3.lead;
        if (t3.paren !== undefined) info.paren = t3.paren;
        if (t3.arabic !== undefined) info.arabic = t3.arabic;
        return { info };
      });
      memo.set(specs, canon);
    }
    return canon;
  };
})();

/** Which format table 三 is in: the 2019 trial format has one （六）其他处理 row with numbers, and none of the 2021 format's （六）1–3. */
function table3Format(rows: readonly ObservedRow[], hint: FormatId): FormatId {
  let otherWithNumbers = false;
  for (const r of rows) {
    // (most labels hold none of the words: read without white space only those that may)
    if (!/[逾费其]/.test(r.label)) continue;
    const label = r.label.replace(/[\s\u3000]+/g, '');
    if (/逾期不补正|逾期未按|收费通知|缴纳费用/.test(label)) return '2021';
    if (/其他处理/.test(label) && hasDigits(r.values)) otherWithNumbers = true;
  }
  return otherWithNumbers || hint === '2019' ? '2019' : '2021';
}

/** Table 三's rows mapped to a format's, and the table with none of them read yet. */
function mapTable3(tables: TableNode[], rows: ObservedRow[], format: FormatId): { mapped: Map<number, ObservedRow>; result: Table3 } {
  const specs = TABLE_FORMATS[format].table3Rows;
  const { mapped, unmapped, firstData } = mapRows(rows, specs, canonOf(specs), TABLE3_GROUP_LABELS);
  const result: Table3 = {
    layout: tables[0]!.layout,
    format,
    specs,
    start: tables[0]!.start,
    end: tables[tables.length - 1]!.end,
    rows: new Map(),
    unmapped,
    header: rows.slice(0, firstData),
  };
  return { mapped, result };
}

export function buildTable3(tables: TableNode[], text = '', hint: FormatId = '2021'): Table3 | undefined {
  if (tables.length === 0) return undefined;
  if (tables[0]!.layout === 'run') return buildRunTable3(tables, hint);
  const observed = rowsOf(tables, text);
  const format = table3Format(observed, hint);
  const specs = TABLE_FORMATS[format].table3Rows;
  const canon = canonOf(specs);
  const rows = joinContinuations(tables[0]!.layout === 'space' || labelsApart(observed) ? assembleRecords(observed) : observed, canon, TABLE3_GROUP_LABELS);
  const { mapped, result } = mapTable3(tables, rows, format);
  // An empty last cell (总计) is trimmed with the empty cells some rows carry beyond the
  // table, and an empty first cell looks like a merged label cell. Where a row could be
  // read either way, the reading that leaves fewer column sums unbalanced wins.
  const alternatives: { key: string; other: { cells: (ModelCell | null)[]; found: ModelCell[]; shape: RowShape } }[] = [];
  specs.forEach((spec, j) => {
    const row = mapped.get(j);
    if (!row) return;
    const plain = readAll(row.values, 'count');
    const placedPlain = placeCells(plain, TABLE3_COLUMNS.length, true);
    const restored = result.layout !== 'space' ? withTrailing(row, TABLE3_COLUMNS.length) : undefined;
    let chosen = { cells: placedPlain.cells, found: plain, shape: placedPlain.shape };
    if (restored) {
      const found = readAll(restored, 'count');
      const placed = placeCells(found, TABLE3_COLUMNS.length, true);
      const withRestore = { cells: placed.cells, found, shape: placed.shape };
      if (placedPlain.shape === 'ok') alternatives.push({ key: spec.key, other: withRestore });
      else chosen = withRestore;
    }
    result.rows.set(spec.key, { spec, label: row.label, labelSpan: labelSpanOf(row), observed: row, start: row.start, end: row.end, ...chosen });
  });
  for (const alt of alternatives) {
    const row = result.rows.get(alt.key)!;
    const current = { cells: row.cells, found: row.found, shape: row.shape };
    const before = unbalancedColumns(result);
    Object.assign(row, alt.other);
    const after = unbalancedColumns(result);
    if (after > before || (after === before && !moreTrailingThanNeighbours(result, alt.key))) Object.assign(row, current);
  }
  if (result.layout === 'space' && text) {
    const columns = anchorsFromRows(text, [...result.rows.values()], TABLE3_COLUMNS.length);
    if (columns) {
      const pageOf = pager(text);
      for (const row of result.rows.values()) {
        if (row.shape !== 'short') continue;
        const line = lineOfCells(row.observed, row.found);
        const anchors = line && anchorsOnPage(columns, pageOf(line.start));
        const placed = anchors && placeByPosition(text, row.observed, row.found, anchors, columns.measure);
        if (placed) {
          row.cells = placed;
          row.shape = 'ok';
        }
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// table 二

const SUBTABLE_RE = /第二十条第\(([一二三四五六七八九十\d]+)\)项/;


/** In table 二 the label is the first cell; everything after it is a value, however garbled. */
function observeT2(row: ObservedRow): ObservedRow {
  const cells = row.rows.length === 1 ? row.rows[0]!.cells : row.rows.flatMap((r) => r.cells);
  let first = 0;
  while (first < cells.length && cells[first]!.text === '') first++;
  if (first === cells.length) return row;
  if (isValueLike(cells[first]!.text)) return row;
  const values = cells.slice(first + 1);
  const trailing: CellNode[] = [];
  while (values.length > 0 && values[values.length - 1]!.text === '') trailing.unshift(values.pop()!);
  return { ...row, label: cells[first]!.text, labelCells: [cells[first]!], values, trailing };
}

export function buildTable2(tables: TableNode[], format: FormatId = '2021', text = ''): Table2 | undefined {
  if (tables.length === 0) return undefined;
  const { table2Rows: specs, table2Subtables: subtableSpecs } = TABLE_FORMATS[format];
  const observed = rowsOf(tables, text);
  // a label on the line before its numbers (one cell a line) joins them
  const all = (labelsApart(observed) ? joinContinuations(observed, canonOf(specs), []) : observed).map(observeT2);
  const subtables = new Map<string, Span>();
  const headers = new Map<string, ObservedRow>();
  let currentItem: string | undefined;
  for (const r of all) {
    const m = SUBTABLE_RE.exec(toHalfWidth(r.label).replace(/\s+/g, ''));
    if (m) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : cjkNumeralValue(m[1]!);
      currentItem = `（${cjkNumeral(n)}）`;
      if (!subtables.has(currentItem)) subtables.set(currentItem, labelSpanOf(r));
    } else if (/信息内容/.test(r.label) && currentItem && !headers.has(currentItem)) headers.set(currentItem, r);
  }
  const result: Table2 = {
    layout: tables[0]!.layout,
    format,
    specs,
    subtableSpecs,
    start: tables[0]!.start,
    end: tables[tables.length - 1]!.end,
    rows: new Map(),
    unmapped: [],
    subtables,
    headers,
  };
  if (result.layout === 'run') {
    buildRunTable2(tables, result, all.map((r) => observeRun(r, 2)));
    return result;
  }
  const rows = all.filter((r) => !/第二十条|信息内容/.test(r.label));
  const { mapped, unmapped } = mapRows(rows, specs, canonOf(specs), []);
  result.unmapped = unmapped;
  specs.forEach((spec, j) => {
    const row = mapped.get(j);
    if (!row) return;
    const found = readAll(withTrailing(row, spec.columns.length) ?? row.values, (k) => spec.columnKinds?.[k] ?? spec.kind);
    const { cells, shape } = placeCells(found, spec.columns.length, false);
    result.rows.set(spec.label, { spec, label: row.label, labelSpan: labelSpanOf(row), observed: row, start: row.start, end: row.end, cells, found, shape });
  });
  return result;
}

// ---------------------------------------------------------------------------
// table 四

export const TABLE4_WIDTH = TABLE4_BLOCKS.length * TABLE4_CELLS.length;

/**
 * Table 四's numbers placed under its header's columns: a header row with one label per column, or
 * (PDF text, where each label wraps: 结果 / 维持) the words of the header lines on the data row's
 * page, gathered into fifteen columns.
 */
function placeTable4ByHeader(text: string, table: Table4): ModelCell[] | undefined {
  const row = table.row!;
  const header = [...table.header].reverse().find((h) => h.rows.length === 1 && h.rows[0]!.cells.length === TABLE4_WIDTH);
  if (header) {
    const line = header.rows[0]!;
    const anchors = line.cells.map((c) => centre(text, line, c, 'wide'));
    const placed = placeByPosition(text, row, table.found, anchors, 'wide');
    if (placed) return placed;
  }
  // a header line of fifteen words, single-spaced (lynx): each word stands over its column
  for (const h of [...table.header].reverse()) {
    for (const line of h.rows) {
      const words = [...text.slice(line.start, line.end).matchAll(/[^\s\u3000]+/g)];
      if (words.length !== TABLE4_WIDTH) continue;
      for (const measure of ['wide', 'narrow'] as const) {
        const anchors = words.map((m) => centre(text, line, { start: line.start + m.index!, end: line.start + m.index! + m[0].length }, measure));
        const placed = placeByPosition(text, row, table.found, anchors, measure);
        if (placed) return placed;
      }
    }
  }
  const pageOf = pager(text);
  const dataLine = lineOfCells(row, table.found);
  if (!dataLine) return undefined;
  const page = pageOf(dataLine.start);
  const lines = table.header.flatMap((h) => h.rows).filter((r) => pageOf(r.start) === page);
  for (const measure of ['narrow', 'wide'] as const) {
    const centres: number[] = [];
    for (const line of lines) {
      const t = text.slice(line.start, line.end);
      for (const m of t.matchAll(/[^\s\u3000]+/g)) {
        const at = line.start + m.index!;
        centres.push(centre(text, line, { start: at, end: at + m[0].length }, measure));
      }
    }
    centres.sort((a, b) => a - b);
    const clusters: number[][] = [];
    for (const c of centres) {
      const last = clusters[clusters.length - 1];
      if (last && c - last[last.length - 1]! <= 1.5) last.push(c);
      else clusters.push([c]);
    }
    if (clusters.length !== TABLE4_WIDTH) continue;
    const anchors = clusters.map((cs) => cs.reduce((a, b) => a + b, 0) / cs.length);
    const placed = placeByPosition(text, row, table.found, anchors, measure);
    if (placed) return placed;
  }
  return undefined;
}

export function buildTable4(tables: TableNode[], text = ''): Table4 | undefined {
  if (tables.length === 0) return undefined;
  const rows = rowsOf(tables, text);
  // the data row: the row with the most clean numbers (the last of equals)
  let data = -1;
  let most = 0;
  rows.forEach((r, k) => {
    const clean = r.values.filter((c) => isCleanNumber(c.text)).length;
    if (clean >= most && clean >= 3) {
      most = clean;
      data = k;
    }
  });
  const result: Table4 = {
    layout: tables[0]!.layout,
    start: tables[0]!.start,
    end: tables[tables.length - 1]!.end,
    cells: new Array<ModelCell | null>(TABLE4_WIDTH).fill(null),
    found: [],
    shape: 'short',
    header: data >= 0 ? rows.slice(0, data) : rows,
  };
  if (result.layout === 'run') {
    result.header = rows;
    buildRunTable4(result, rows);
    return result;
  }
  if (data < 0) {
    // a data row not filled in yet: a row of empty cells only, as wide as the table
    for (let k = rows.length - 1; k >= 0 && data < 0; k--) {
      const cells = rows[k]!.rows[0]!.cells;
      if (rows[k]!.rows.length === 1 && cells.length >= TABLE4_WIDTH && cells.every((c) => c.text === '')) {
        data = k;
        rows[k] = { ...rows[k]!, values: cells.slice(cells.length - TABLE4_WIDTH) };
      }
    }
    if (data < 0) return result;
    result.header = rows.slice(0, data);
  }
  if (result.layout !== 'space') {
    const restored = withTrailing(rows[data]!, TABLE4_WIDTH);
    if (restored) rows[data] = { ...rows[data]!, values: restored };
  }
  result.row = rows[data]!;
  result.found = readAll(rows[data]!.values, 'count');
  const placed = placeCells(result.found, TABLE4_WIDTH, false, true);
  result.cells = placed.cells;
  result.shape = placed.shape;
  if (placed.shape === 'short' && result.layout === 'space' && text) {
    const byPosition = placeTable4ByHeader(text, result);
    if (byPosition) {
      result.cells = byPosition;
      result.shape = 'ok';
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// tables run together (flattened text: layout 'run')

/** A header word matched where it stands, white space allowed between its characters. */
function headerWordRe(word: string | RegExp): RegExp {
  if (typeof word !== 'string') return new RegExp(word.source, 'y');
  return new RegExp(word.split('').map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[\\s\\u3000]*'), 'y');
}

const HEADER_RES: Record<2 | 3 | 4, RegExp[]> = {
  2: TABLE_HEADER_WORDS[2].map(headerWordRe),
  3: TABLE_HEADER_WORDS[3].map(headerWordRe),
  4: TABLE_HEADER_WORDS[4].map(headerWordRe),
};

/**
 * A run row's label without the header run into it: the first row of a flattened table carries
 * the table's header before its own label (…商业企业科研机构…其他一、本年新收…数量).
 */
function observeRun(row: ObservedRow, kind: 2 | 3 | 4): ObservedRow {
  const cell = row.labelCells[0];
  if (!cell) return row;
  const t = toHalfWidth(cell.text);
  let p = 0;
  for (let moved = true; moved; ) {
    moved = false;
    while (p < t.length && /[\s\u3000]/.test(t[p]!)) p++;
    for (const re of HEADER_RES[kind]) {
      re.lastIndex = p;
      const m = re.exec(t);
      // a word that is the whole rest is the row's own label (其他, 总计)
      if (m && m[0].length > 0 && p + m[0].length < t.length) {
        p += m[0].length;
        moved = true;
        break;
      }
    }
  }
  if (p === 0) return row;
  const own: CellNode = { start: cell.start + p, end: cell.end, text: cell.text.slice(p) };
  return { ...row, label: own.text, labelCells: [own, ...row.labelCells.slice(1)] };
}

const asGroups = (cells: CellNode[]): Group[] => cells.map((c) => ({ start: c.start, end: c.end, text: toHalfWidth(c.text).replace('−', '-') }));

const partCell = (p: { start: number; end: number; raw: string; value: number }): ModelCell => newCell(p.start, p.end, p.raw, p.value);

/** A row's cells from a reading where every reading agrees, null elsewhere; the runs where they disagree. */
function cellsOfReadings(readings: readonly Reading[], width: number, groups: Group[]): { cells: (ModelCell | null)[]; merged?: Span[] } {
  const parts = agreed(readings, width);
  if (!parts) return { cells: new Array<ModelCell | null>(width).fill(null), merged: groups.map((g) => ({ start: g.start, end: g.end })) };
  const cells = parts.map((p) => (p ? partCell(p) : null));
  if (cells.every((c) => c !== null)) return { cells };
  // the groups holding a cell the readings disagree on
  const merged = groups.filter((g) => readings.some((r) => r.some((p, k) => parts[k] === null && p.start >= g.start && p.end <= g.end))).map((g) => ({ start: g.start, end: g.end }));
  return { cells, merged };
}

/**
 * A run row with fewer digits than cells: some cells were blank. White space between groups where
 * exactly that many cells are missing stands for them (a page's &nbsp; cell: 0 00000); otherwise
 * where they are missing cannot be told — but a row whose numbers are all 0 has only one reading.
 */
function shortRun(groups: Group[], width: number): { cells: (ModelCell | null)[]; found: ModelCell[]; shape: RowShape } {
  const digits: ModelCell[] = [];
  for (const g of groups) {
    for (let k = 0; k < g.text.length; k++) {
      if (g.text[k] === '.') continue;
      digits.push({ start: g.start + k, end: g.start + k + 1, raw: g.text[k]!, value: Number(g.text[k]) });
    }
  }
  const missing = width - digits.length;
  if (groups.length - 1 === missing && groups.every((g) => !g.text.includes('.'))) {
    const cells: ModelCell[] = [];
    groups.forEach((g, gi) => {
      if (gi > 0) {
        const at = groups[gi - 1]!.end + 1;
        cells.push(newCell(at, at, '', null, 'empty'));
      }
      for (const d of digits) if (d.start >= g.start && d.end <= g.end) cells.push(d);
    });
    return { cells, found: cells, shape: 'ok' };
  }
  if (digits.length > 0 && digits.every((d) => d.value === 0)) {
    // all 0: the missing cells are 0 too, wherever they stood (the row is still short)
    const last = digits[digits.length - 1]!;
    const cells = [...digits];
    while (cells.length < width) cells.push(newCell(last.end, last.end, '', 0, undefined, true));
    return { cells, found: digits, shape: 'short' };
  }
  const placed = placeCells(digits, width, true);
  return { cells: placed.cells, found: digits, shape: 'short' };
}

/** Reads a run row of `width` cells: what the row's own sums (`accept`) allow, else the only reading there is. */
function runReadings(groups: Group[], width: number, accept?: (values: number[]) => boolean, decimals?: (column: number) => boolean, negatives?: (column: number) => boolean): Reading[] | undefined {
  const kinds = { ...(decimals ? { decimals } : {}), ...(negatives ? { negatives } : {}) };
  const first = readRow(groups, width, accept ? { accept, ...kinds } : kinds);
  if (!first.complete) return undefined;
  if (first.readings.length > 0 || !accept) return first.readings;
  // nothing adds up: the row has a wrong sum; read it only if it can be read one way
  const plain = readRow(groups, width, kinds);
  return plain.complete && plain.readings.length === 1 ? plain.readings : undefined;
}

/** How many of table 三's column sums and balances hold, for rows given as values (null: not known). */
function table3Holds(values: Map<string, (number | null)[]>, resultRows: readonly string[]): number {
  let holds = 0;
  const v = (key: string, k: number) => values.get(key)?.[k] ?? null;
  for (let k = 0; k < TABLE3_COLUMNS.length; k++) {
    const total = v('三.七', k);
    let sum = 0;
    let known = total !== null;
    for (const key of resultRows) {
      const x = v(key, k);
      if (x === null) known = false;
      else sum += x;
    }
    if (known && sum === total) holds++;
    const a = v('一', k);
    const b = v('二', k);
    const c = v('四', k);
    if (a !== null && b !== null && total !== null && c !== null && a + b === total + c) holds++;
  }
  return holds;
}

/** Most ways of reading the ambiguous rows of a table tried together. */
const MAX_COMBINATIONS = 20_000;

function buildRunTable3(tables: TableNode[], hint: FormatId): Table3 {
  const rows = rowsOf(tables).map((r) => observeRun(r, 3));
  const format = table3Format(rows, hint);
  const specs = TABLE_FORMATS[format].table3Rows;
  const { mapped, result } = mapTable3(tables, rows, format);
  const width = TABLE3_COLUMNS.length;
  const pending: { key: string; readings: Reading[]; groups: Group[] }[] = [];
  specs.forEach((spec, j) => {
    const row = mapped.get(j);
    if (!row) return;
    const groups = asGroups(row.values);
    const base = { spec, label: row.label, labelSpan: labelSpanOf(row), observed: row, start: row.start, end: row.end };
    if (groups.length === 0) {
      result.rows.set(spec.key, { ...base, cells: new Array<ModelCell | null>(width).fill(null), found: [], shape: 'short' });
      return;
    }
    if (maxCells(groups) < width) {
      result.rows.set(spec.key, { ...base, ...shortRun(groups, width) });
      return;
    }
    const readings = runReadings(groups, width, totalLast);
    const entry: Table3Row = { ...base, cells: new Array<ModelCell | null>(width).fill(null), found: [], shape: 'ok' };
    result.rows.set(spec.key, entry);
    if (!readings || readings.length === 0) {
      entry.merged = groups.map((g) => ({ start: g.start, end: g.end }));
      return;
    }
    pending.push({ key: spec.key, readings, groups });
  });
  // rows read more than one way: the readings the column sums and balances agree with most
  const settled = new Map<string, (number | null)[]>();
  for (const [key, row] of result.rows) if (!pending.some((p) => p.key === key)) settled.set(key, row.cells.map((c) => c?.value ?? null));
  for (const p of pending) if (p.readings.length === 1) settled.set(p.key, p.readings[0]!.map((x) => x.value));
  const open = pending.filter((p) => p.readings.length > 1);
  const resultRows = table3ResultRows(specs);
  const combinations = open.reduce((n, p) => n * p.readings.length, 1);
  const best = new Map<string, Reading[]>(open.map((p) => [p.key, p.readings]));
  if (open.length > 0 && combinations <= MAX_COMBINATIONS) {
    let top = -1;
    let winners: number[][] = [];
    const choice = new Array<number>(open.length).fill(0);
    for (let n = 0; n < combinations; n++) {
      let rest = n;
      open.forEach((p, k) => {
        choice[k] = rest % p.readings.length;
        rest = Math.floor(rest / p.readings.length);
        settled.set(p.key, p.readings[choice[k]!]!.map((x) => x.value));
      });
      const holds = table3Holds(settled, resultRows);
      if (holds > top) {
        top = holds;
        winners = [choice.slice()];
      } else if (holds === top) winners.push(choice.slice());
    }
    open.forEach((p, k) => best.set(p.key, [...new Set(winners.map((w) => w[k]!))].map((i) => p.readings[i]!)));
  }
  for (const p of pending) {
    const row = result.rows.get(p.key)!;
    const readings = best.get(p.key) ?? p.readings;
    const { cells, merged } = cellsOfReadings(readings, width, p.groups);
    row.cells = cells;
    row.found = cells.filter((c): c is ModelCell => c !== null);
    if (merged) row.merged = merged;
  }
  return result;
}

function buildRunTable2(tables: TableNode[], result: Table2, rows: ObservedRow[]): void {
  const { mapped, unmapped } = mapRows(rows, result.specs, canonOf(result.specs), []);
  result.unmapped = unmapped;
  result.specs.forEach((spec, j) => {
    const row = mapped.get(j);
    if (!row) return;
    const width = spec.columns.length;
    const groups = asGroups(row.values);
    const base = { spec, label: row.label, labelSpan: labelSpanOf(row), observed: row, start: row.start, end: row.end };
    if (groups.length === 0 || maxCells(groups) < width) {
      result.rows.set(spec.label, { ...base, ...(groups.length === 0 ? { cells: new Array<ModelCell | null>(width).fill(null), found: [], shape: 'short' as const } : shortRun(groups, width)) });
      return;
    }
    const kind = (k: number) => spec.columnKinds?.[k] ?? spec.kind;
    const readings = runReadings(groups, width, undefined, (k) => kind(k) === 'amount', (k) => kind(k) === 'delta') ?? [];
    const { cells, merged } = cellsOfReadings(readings, width, groups);
    const entry: Table2Row = { ...base, cells, found: cells.filter((c): c is ModelCell => c !== null), shape: 'ok' };
    if (merged) entry.merged = merged;
    result.rows.set(spec.label, entry);
  });
  void tables;
}

function buildRunTable4(result: Table4, rows: ObservedRow[]): void {
  // the data row: the one with the most digits
  let data = -1;
  rows.forEach((r, k) => {
    if (r.values.length > 0 && (data < 0 || maxCells(asGroups(r.values)) >= maxCells(asGroups(rows[data]!.values)))) data = k;
  });
  if (data < 0) return;
  const row = rows[data]!;
  result.row = row;
  result.header = rows.slice(0, data);
  const groups = asGroups(row.values);
  if (maxCells(groups) < TABLE4_WIDTH) {
    const short = shortRun(groups, TABLE4_WIDTH);
    result.cells = short.cells;
    result.found = short.found;
    result.shape = short.shape;
    return;
  }
  const readings = runReadings(groups, TABLE4_WIDTH, blocksOfFive) ?? [];
  const { cells, merged } = cellsOfReadings(readings, TABLE4_WIDTH, groups);
  result.cells = cells;
  result.found = cells.filter((c): c is ModelCell => c !== null);
  result.shape = 'ok';
  if (merged) result.merged = merged;
}
