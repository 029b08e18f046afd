/**
 * Every cell of the three tables with its identity in the format, for rules
 * that look at cells one by one and for hover.
 */
import { TABLE2_ROWS, TABLE2_SUBTABLES, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_CELLS } from '../format/national';
import type { CellKind, ModelCell } from './cells';
import type { Report } from './report';

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

export function table3Identity(key: string, column: number): { identity: string; name: string } {
  const spec = TABLE3_ROWS.find((r) => r.key === key)!;
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

const cache = new WeakMap<Report['tables'], IndexedCell[]>();

/** Every cell of the report's tables with its identity (computed once per model). */
export function indexCells(report: Report): IndexedCell[] {
  let cells = cache.get(report.tables);
  if (!cells) cache.set(report.tables, (cells = buildIndex(report)));
  return cells;
}

function buildIndex(report: Report): IndexedCell[] {
  const out: IndexedCell[] = [];
  const { table2, table3, table4 } = report.tables;
  if (table2) {
    for (const spec of TABLE2_ROWS) {
      const row = table2.rows.get(spec.label);
      if (!row) continue;
      const sub = TABLE2_SUBTABLES.find((s) => s.rows.includes(spec.label))!;
      row.cells.forEach((cell, k) => {
        if (!cell) return;
        const col = sub.columns[k]!;
        out.push({ cell, table: '二', identity: `表二 · ${sub.heading} · ${spec.label} · ${col}`, name: `表二·${spec.label}·${col.replace(/（.*/, '')}`, kind: spec.kind, row: spec.label, column: k });
      });
    }
  }
  if (table3) {
    for (const spec of TABLE3_ROWS) {
      const row = table3.rows.get(spec.key);
      if (!row) continue;
      row.cells.forEach((cell, k) => {
        if (!cell) return;
        out.push({ cell, table: '三', ...table3Identity(spec.key, k), kind: 'count', row: spec.key, column: k });
      });
    }
  }
  if (table4 && table4.row) {
    table4.cells.forEach((cell, k) => {
      if (!cell) return;
      const block = TABLE4_BLOCKS[Math.floor(k / 5)]!;
      const col = TABLE4_CELLS[k % 5]!;
      out.push({ cell, table: '四', identity: `表四 · ${block.replace('·', ' · ')} · ${col}`, name: `表四·${block.replace('行政诉讼·', '')}·${col}`, kind: 'count', row: String(Math.floor(k / 5)), column: k });
    });
  }
  return out;
}
