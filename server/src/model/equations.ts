/**
 * The sums the tables must satisfy (format-spec §6), evaluated on the model:
 * which cells take part, what each side adds up to, and whether it holds.
 * Shared by the arithmetic rules and by hover.
 */
import { FormatId, TABLE3_COLUMNS, TABLE3_ROW_BY_KEY, TABLE4_BLOCKS, TABLE4_CELLS, TABLE_FORMATS, table3ResultRows, table3RowName } from '../format/national';
import type { ModelCell } from './cells';
import { once } from './once';
import type { Table3, Table4, Tables } from './tables';

export type EquationKind = 'T3-row' | 'T3-column' | 'T3-balance' | 'T4-block';

export interface Term {
  /** the cell, or null when the report has no cell at that place */
  cell: ModelCell | null;
  /** how the cell is named in messages: "（六）其他处理 1.…·自然人", "复议·总计" */
  name: string;
  /** short name inside an equation: "（六）1" or "自然人" */
  short: string;
  /** short full name: "（六）1·自然人", "行政复议·总计" */
  label: string;
}

export interface Equation {
  kind: EquationKind;
  /** what the equation is about: "（六）1", "自然人", "行政复议" */
  subject: string;
  left: Term[];
  right: Term[];
  /** every cell is placed (no missing row, no short row): the equation can be evaluated */
  known: boolean;
  leftSum: number;
  rightSum: number;
  /** cells that count as 0 because they are empty or unreadable */
  unreadable: Term[];
  holds: boolean;
}

/** A cell's number for arithmetic: its value when clean, else 0 (and it is unreadable). */
export function cellValue(cell: ModelCell | null): number {
  if (!cell || cell.value === null) return 0;
  return cell.value;
}

export function isUnreadable(cell: ModelCell | null): boolean {
  return !!cell && (cell.value === null || cell.issue === 'residue' || cell.issue === 'text');
}

/** Short names of table 三's rows: "一", "（一）", "（三）1", "（七）", "四". */
export function table3Short(key: string): string {
  const spec = TABLE3_ROW_BY_KEY.get(key)!;
  const numerals = ['', '一', '二', '三', '四', '五', '六', '七'];
  if (spec.paren === undefined) return numerals[spec.lead]!;
  return `（${numerals[spec.paren]}）${spec.arabic ?? ''}`;
}


/**
 * One side's term of a sum, as the format defines it: where its cell is — a row of table 三 (its place
 * in the format's rows) and a column, or (row -1) an index into table 四's cells — and how it is named.
 */
interface TermShape {
  row: number;
  column: number;
  name: string;
  short: string;
  label: string;
}

/** One sum of the format (format-spec §6), before any report's numbers are put in. */
interface EquationShape {
  kind: EquationKind;
  subject: string;
  left: TermShape[];
  right: TermShape[];
  /** table 三 rows the sum needs, all present, for it to apply (places in the format's rows) */
  rows: number[];
}

/** Where each row of table 三 stands among its format's rows (a term's row is that place). */
const T3_ROW_PLACE: Record<FormatId, Map<string, number>> = {
  '2021': new Map(TABLE_FORMATS['2021'].table3Rows.map((r, k) => [r.key, k])),
  '2019': new Map(TABLE_FORMATS['2019'].table3Rows.map((r, k) => [r.key, k])),
};

function t3Term(format: FormatId, key: string, column: number, short: 'row' | 'col'): TermShape {
  const spec = TABLE3_ROW_BY_KEY.get(key)!;
  const rowShort = table3Short(key);
  return {
    row: T3_ROW_PLACE[format].get(key)!,
    column,
    name: `${table3RowName(spec)}·${TABLE3_COLUMNS[column]}`,
    short: short === 'row' ? rowShort : TABLE3_COLUMNS[column]!,
    label: `${rowShort}·${TABLE3_COLUMNS[column]}`,
  };
}

/** The sums of table 三 in a format, in the order they are reported: T3-row per row, T3-column and T3-balance per column. */
const t3Shapes = (format: FormatId): EquationShape[] => [
  // T3-row: 总计 = the six applicant columns, for each row present
  ...TABLE_FORMATS[format].table3Rows.map((spec): EquationShape => ({
    kind: 'T3-row',
    subject: table3Short(spec.key),
    left: [t3Term(format, spec.key, 6, 'col')],
    right: TABLE3_COLUMNS.slice(0, 6).map((_c, k) => t3Term(format, spec.key, k, 'col')),
    rows: [T3_ROW_PLACE[format].get(spec.key)!],
  })),
  // T3-column: （七）总计 = the 21 result rows, for each column
  ...TABLE3_COLUMNS.map((col, k): EquationShape => ({
    kind: 'T3-column',
    subject: col,
    left: [t3Term(format, '三.七', k, 'row')],
    right: table3ResultRows(TABLE_FORMATS[format].table3Rows).map((key) => t3Term(format, key, k, 'row')),
    rows: [T3_ROW_PLACE[format].get('三.七')!],
  })),
  // T3-balance: 一 + 二 = （七） + 四, for each column
  ...TABLE3_COLUMNS.map((col, k): EquationShape => ({
    kind: 'T3-balance',
    subject: col,
    left: [t3Term(format, '一', k, 'row'), t3Term(format, '二', k, 'row')],
    right: [t3Term(format, '三.七', k, 'row'), t3Term(format, '四', k, 'row')],
    rows: ['一', '二', '三.七', '四'].map((key) => T3_ROW_PLACE[format].get(key)!),
  })),
];

const T3_SHAPES: Record<FormatId, EquationShape[]> = { '2021': t3Shapes('2021'), '2019': t3Shapes('2019') };

/** The sums of table 四: per block, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
const T4_SHAPES: EquationShape[] = TABLE4_BLOCKS.map((block, b) => {
  const blockName = block.replace('行政诉讼·', '');
  const term = (k: number): TermShape => ({ row: -1, column: b * 5 + k, name: `${blockName}·${TABLE4_CELLS[k]}`, short: TABLE4_CELLS[k]!, label: `${blockName}·${TABLE4_CELLS[k]}` });
  return { kind: 'T4-block', subject: blockName, left: [term(4)], right: [0, 1, 2, 3].map(term), rows: [] };
});

/**
 * A sum with a report's cells put in: which are there, what each side adds up to, whether it holds.
 * `rows`: the cells of table 三's rows, by their place in the format's rows (undefined: the report has
 * no such row); `row4`: table 四's cells.
 */
function instantiate(shape: EquationShape, rows: readonly ((ModelCell | null)[] | undefined)[], row4: readonly (ModelCell | null)[]): Equation {
  let known = true;
  const unreadable: Term[] = [];
  const side = (terms: TermShape[]): [Term[], number] => {
    const out = new Array<Term>(terms.length);
    let sum = 0;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const cell = (t.row < 0 ? row4[t.column] : rows[t.row]?.[t.column]) ?? null;
      const term: Term = { cell, name: t.name, short: t.short, label: t.label };
      out[i] = term;
      if (cell === null) known = false;
      else if (isUnreadable(cell)) unreadable.push(term);
      sum += cellValue(cell);
    }
    return [out, sum];
  };
  const [left, leftSum] = side(shape.left);
  const [right, rightSum] = side(shape.right);
  return { kind: shape.kind, subject: shape.subject, left, right, known, leftSum, rightSum, unreadable, holds: Math.abs(leftSum - rightSum) < 1e-9 };
}

/** table 四's cells in table 三's sums, and table 三's rows in table 四's: none */
const NO_CELLS: (ModelCell | null)[] = [];
const NO_ROWS: (ModelCell | null)[][] = [];

function table3Equations(t3: Table3): Equation[] {
  // each row of the format looked up once, not once for each of the ~380 terms
  const rows = TABLE_FORMATS[t3.format].table3Rows.map((spec) => t3.rows.get(spec.key)?.cells);
  const out: Equation[] = [];
  for (const shape of T3_SHAPES[t3.format]) if (shape.rows.every((r) => rows[r] !== undefined)) out.push(instantiate(shape, rows, NO_CELLS));
  return out;
}

function table4Equations(t4: Table4): Equation[] {
  if (!t4.row) return [];
  return T4_SHAPES.map((shape) => instantiate(shape, NO_ROWS, t4.cells));
}

/** The equations of the tables, computed afresh (also for a table still being built). */
export function equations(tables: Tables): Equation[] {
  return [...(tables.table3 ? table3Equations(tables.table3) : []), ...(tables.table4 ? table4Equations(tables.table4) : [])];
}

const EQUATIONS = Symbol('equations');
const SOLE_UNREADABLE = Symbol('sole unreadable');

/**
 * The equations of a report's tables, computed once per model — per table model, so that a table
 * kept across checks (reuse.ts) keeps its sums.
 */
export function equationsOf(tables: Tables): Equation[] {
  return once(tables, EQUATIONS, ({ table3, table4 }) => [
    ...(table3 ? once(table3, EQUATIONS, table3Equations) : []),
    ...(table4 ? once(table4, EQUATIONS, table4Equations) : []),
  ]);
}

/** What a term would have to be for its equation to hold, the other cells as they are. */
export function neededValue(eq: Equation, term: Term): number {
  const onLeft = eq.left.includes(term);
  const own = cellValue(term.cell);
  return onLeft ? eq.rightSum - (eq.leftSum - own) : eq.leftSum - (eq.rightSum - own);
}

/**
 * The number an empty or unreadable cell must hold for the sums it takes part in
 * to balance, when it is the only such cell in them and they agree; else undefined.
 */
export function fillValue(tables: Tables, cell: { start: number; end: number }): number | undefined {
  let value: number | undefined;
  for (const eq of soleUnreadable(tables).get(cell) ?? []) {
    const v = neededValue(eq, eq.unreadable[0]!);
    if (value !== undefined && value !== v) return undefined;
    value = v;
  }
  return value !== undefined && value >= 0 && Number.isInteger(value) ? value : undefined;
}

/** Per cell, the evaluable equations in which it is the only unreadable cell (computed once per model). */
function soleUnreadable(tables: Tables): Map<object, Equation[]> {
  return once(tables, SOLE_UNREADABLE, () => {
    const byCell = new Map<object, Equation[]>();
    for (const eq of equationsOf(tables)) {
      if (!eq.known || eq.unreadable.length !== 1) continue;
      const cell = eq.unreadable[0]!.cell!;
      const list = byCell.get(cell);
      if (list) list.push(eq);
      else byCell.set(cell, [eq]);
    }
    return byCell;
  });
}
