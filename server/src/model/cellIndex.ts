/**
 * Every cell of the three tables with its identity in the format, for rules
 * that look at cells one by one and for hover.
 */
import { TABLE3_COLUMNS, TABLE3_ROW_BY_KEY, TABLE4_BLOCKS, TABLE4_CELLS, Table2SubtableSpec } from '../format/national';
import type { CellKind, ModelCell } from './cells';
import { once } from './once';
import type { Report } from './report';
import type { Table2, Table3, Table4 } from './tables';

export interface IndexedCell {
  cell: ModelCell;
  table: '二' | '三' | '四';
  /** "表三 · （六）其他处理 · 1.申请人无正当理由逾期不补正… · 自然人" */
  identity: string;
  /** short name for messages: "表三（六）1·自然人", "表二·行政许可·本年处理决定数量" */
  name: string;
  kind: CellKind;
  /** table 三 row key, table 二 row label, or table 四 block index */
  row: string;
  column: number;
}

const GROUPS: Record<number, string> = { 1: '（一）', 2: '（二）', 3: '（三）不予公开', 4: '（四）无法提供', 5: '（五）不予处理', 6: '（六）其他处理', 7: '（七）' };

/** A long label cut at its first pause (、，) or at n characters. */
function shorten(s: string, n = 16): string {
  const pause = s.search(/[、，,]/);
  if (pause > 0 && pause <= n) return s.slice(0, pause) + '…';
  return s.length > n ? s.slice(0, n) + '…' : s;
}

/** How each cell of table 三 is named, per row key and column (a pure function of the format: computed once). */
const T3_IDENTITIES = new Map([...TABLE3_ROW_BY_KEY.keys()].map((key) => [key, TABLE3_COLUMNS.map((_c, k) => nameTable3Cell(key, k))]));

export function table3Identity(key: string, column: number): { identity: string; name: string } {
  return T3_IDENTITIES.get(key)?.[column] ?? nameTable3Cell(key, column);
}

function nameTable3Cell(key: string, column: number): { identity: string; name: string } {
  const spec = TABLE3_ROW_BY_KEY.get(key)!;
  const numerals = ['', '一', '二', '三', '四', '五', '六', '七'];
  const col = TABLE3_COLUMNS[column]!;
  if (spec.paren === undefined) {
    return { identity: `表三 · ${numerals[spec.lead]}、${spec.label} · ${col}`, name: `表三${numerals[spec.lead]}·${col}` };
  }
  if (spec.arabic === undefined) {
    return { identity: `表三 · ${GROUPS[spec.paren]}${shorten(spec.label)} · ${col}`, name: `表三（${numerals[spec.paren]}）·${col}` };
  }
  return {
    identity: `表三 · ${GROUPS[spec.paren]} · ${spec.arabic}.${shorten(spec.label)} · ${col}`,
    name: `表三（${numerals[spec.paren]}）${spec.arabic}·${col}`,
  };
}

const table2Cache = new Map<readonly Table2SubtableSpec[], Map<string, { identity: string; name: string }[]>>();

/** How the cells of a table 二 row are named, per column (computed once per row of each format). */
function table2Names(label: string, subtables: readonly Table2SubtableSpec[]): { identity: string; name: string }[] {
  let byLabel = table2Cache.get(subtables);
  if (!byLabel) table2Cache.set(subtables, (byLabel = new Map()));
  let names = byLabel.get(label);
  if (!names) {
    const sub = subtables.find((s) => s.rows.includes(label))!;
    names = sub.columns.map((col) => ({ identity: `表二 · ${sub.heading} · ${label} · ${col}`, name: `表二·${label}·${col.replace(/（.*/, '')}` }));
    byLabel.set(label, names);
  }
  return names;
}

const TABLE4_NAMES = TABLE4_BLOCKS.flatMap((block) =>
  TABLE4_CELLS.map((col) => ({ identity: `表四 · ${block.replace('·', ' · ')} · ${col}`, name: `表四·${block.replace('行政诉讼·', '')}·${col}` })),
);

const INDEX = Symbol('cells');

/**
 * Every cell of the report's tables that stands in the text (not the ones the sums fill in), with its identity (computed once per model — per table model,
 * so that a table kept across checks (reuse.ts) keeps its index).
 */
export function indexCells(report: Report): IndexedCell[] {
  return once(report.tables, INDEX, ({ table2, table3, table4 }) => {
    const out: IndexedCell[] = [];
    if (table2) for (const c of once(table2, INDEX, index2)) out.push(c);
    if (table3) for (const c of once(table3, INDEX, index3)) out.push(c);
    if (table4) for (const c of once(table4, INDEX, index4)) out.push(c);
    return out;
  });
}

function index2(table2: Table2): IndexedCell[] {
  const out: IndexedCell[] = [];
  for (const spec of table2.specs) {
    const row = table2.rows.get(spec.label);
    if (!row) continue;
    const names = table2Names(spec.label, table2.subtableSpecs);
    row.cells.forEach((cell, k) => {
      const named = names[k];
      if (!cell || !named || cell.inferred) return;
      out.push({ cell, table: '二', identity: named.identity, name: named.name, kind: spec.columnKinds?.[k] ?? spec.kind, row: spec.label, column: k });
    });
  }
  return out;
}

function index3(table3: Table3): IndexedCell[] {
  const out: IndexedCell[] = [];
  for (const spec of table3.specs) {
    const row = table3.rows.get(spec.key);
    if (!row) continue;
    const names = T3_IDENTITIES.get(spec.key)!;
    row.cells.forEach((cell, k) => {
      if (!cell || cell.inferred) return;
      const { identity, name } = names[k]!;
      out.push({ cell, table: '三', identity, name, kind: 'count', row: spec.key, column: k });
    });
  }
  return out;
}

function index4(table4: Table4): IndexedCell[] {
  const out: IndexedCell[] = [];
  if (!table4.row) return out;
  table4.cells.forEach((cell, k) => {
    if (!cell || cell.inferred) return;
    const { identity, name } = TABLE4_NAMES[k]!;
    out.push({ cell, table: '四', identity, name, kind: 'count', row: String(Math.floor(k / 5)), column: k });
  });
  return out;
}
