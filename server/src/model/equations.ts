/**
 * The sums the tables must satisfy (format-spec §6), evaluated on the model:
 * which cells take part, what each side adds up to, and whether it holds.
 * Shared by the arithmetic rules and by hover.
 */
import { TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_CELLS, table3RowName } from '../format/national';
import type { ModelCell } from './cells';
import { once } from './once';
import type { Tables } from './tables';

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

function evaluate(kind: EquationKind, subject: string, left: Term[], right: Term[]): Equation {
  const all = [...left, ...right];
  const known = all.every((t) => t.cell !== null);
  const leftSum = left.reduce((s, t) => s + cellValue(t.cell), 0);
  const rightSum = right.reduce((s, t) => s + cellValue(t.cell), 0);
  return {
    kind,
    subject,
    left,
    right,
    known,
    leftSum,
    rightSum,
    unreadable: all.filter((t) => isUnreadable(t.cell)),
    holds: Math.abs(leftSum - rightSum) < 1e-9,
  };
}

/** Short names of table 三's rows: "一", "（一）", "（三）1", "（七）", "四". */
export function table3Short(key: string): string {
  const spec = TABLE3_ROWS.find((r) => r.key === key)!;
  const numerals = ['', '一', '二', '三', '四', '五', '六', '七'];
  if (spec.paren === undefined) return numerals[spec.lead]!;
  return `（${numerals[spec.paren]}）${spec.arabic ?? ''}`;
}

/** The 21 rows of 办理结果 that add up to （七）总计. */
export const RESULT_ROWS = TABLE3_ROWS.filter((r) => r.key.startsWith('三.') && r.key !== '三.七').map((r) => r.key);

const APPLICANTS = TABLE3_COLUMNS.slice(0, 6);

/** Names of table 三's cells, computed once. */
const T3_NAMES = new Map(
  TABLE3_ROWS.map((spec) => {
    const short = table3Short(spec.key);
    return [
      spec.key,
      {
        short,
        name: TABLE3_COLUMNS.map((c) => `${table3RowName(spec)}·${c}`),
        label: TABLE3_COLUMNS.map((c) => `${short}·${c}`),
      },
    ] as const;
  }),
);

export function equations(tables: Tables): Equation[] {
  const out: Equation[] = [];
  const t3 = tables.table3;
  if (t3) {
    const cell = (key: string, col: number): ModelCell | null => t3.rows.get(key)?.cells[col] ?? null;
    const term = (key: string, col: number, short: 'row' | 'col'): Term => {
      const names = T3_NAMES.get(key)!;
      return { cell: cell(key, col), name: names.name[col]!, short: short === 'row' ? names.short : TABLE3_COLUMNS[col]!, label: names.label[col]! };
    };
    // T3-row: 总计 = the six applicant columns, for each row present
    for (const spec of TABLE3_ROWS) {
      if (!t3.rows.has(spec.key)) continue;
      out.push(evaluate('T3-row', table3Short(spec.key), [term(spec.key, 6, 'col')], APPLICANTS.map((_c, k) => term(spec.key, k, 'col'))));
    }
    // T3-column: （七）总计 = the 21 result rows, for each column
    if (t3.rows.has('三.七')) {
      TABLE3_COLUMNS.forEach((col, k) => {
        out.push(evaluate('T3-column', col, [term('三.七', k, 'row')], RESULT_ROWS.map((key) => term(key, k, 'row'))));
      });
    }
    // T3-balance: 一 + 二 = （七） + 四, for each column
    if (['一', '二', '三.七', '四'].every((k) => t3.rows.has(k))) {
      TABLE3_COLUMNS.forEach((col, k) => {
        out.push(evaluate('T3-balance', col, [term('一', k, 'row'), term('二', k, 'row')], [term('三.七', k, 'row'), term('四', k, 'row')]));
      });
    }
  }
  const t4 = tables.table4;
  if (t4 && t4.row) {
    TABLE4_BLOCKS.forEach((block, b) => {
      const blockName = block.replace('行政诉讼·', '');
      const term = (k: number): Term => ({ cell: t4.cells[b * 5 + k] ?? null, name: `${blockName}·${TABLE4_CELLS[k]}`, short: TABLE4_CELLS[k]!, label: `${blockName}·${TABLE4_CELLS[k]}` });
      out.push(evaluate('T4-block', blockName, [term(4)], [0, 1, 2, 3].map(term)));
    });
  }
  return out;
}

const EQUATIONS = Symbol('equations');
const SOLE_UNREADABLE = Symbol('sole unreadable');

/** The equations of a report's tables, computed once per model. */
export function equationsOf(tables: Tables): Equation[] {
  return once(tables, EQUATIONS, equations);
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
