/**
 * Tables and rows in the national format, written in a given layout: empty, for
 * quick fixes that insert what is missing (no number is ever invented), or with
 * numbers a caller gives (the sums of 汇总).
 */
import type { TableLayout } from '../parse/syntax';
import { TABLE2_SUBTABLES, TABLE3_HEADER_ROWS, TABLE3_ROWS, TABLE3_ROW_BY_KEY, TABLE4_HEADER_ROWS, Table2SubtableSpec, table3RowLabel } from './national';

/** One row in a layout. */
export function formatRow(cells: readonly string[], layout: TableLayout): string {
  switch (layout) {
    case 'pipe':
      return '| ' + cells.join(' | ') + ' |';
    case 'space':
      return cells.filter((c) => c !== '').join('    ');
    default:
      return cells.join('\t');
  }
}

function lines(rows: readonly (readonly string[])[], layout: TableLayout): string[] {
  const out = rows.map((r) => formatRow(r, layout));
  if (layout === 'pipe' && rows.length > 0) {
    out.splice(1, 0, '|' + rows[0]!.map(() => ' --- ').join('|') + '|');
  }
  return out;
}

/** The text of a number cell, by table, row (table 二's label, table 三's key) and column; empty in a skeleton. */
export type CellText = (table: '二' | '三' | '四', row: string, column: number) => string;
const EMPTY: CellText = () => '';

export function table2Skeleton(layout: TableLayout, items?: readonly string[], cell: CellText = EMPTY, subtables: readonly Table2SubtableSpec[] = TABLE2_SUBTABLES): string[] {
  const rows: string[][] = [];
  for (const sub of subtables) {
    if (items && !items.includes(sub.item)) continue;
    const width = 1 + sub.columns.length;
    rows.push([sub.heading, ...new Array<string>(3).fill('')].slice(0, Math.max(width, 4)));
    rows.push(['信息内容', ...sub.columns, ...new Array<string>(Math.max(0, 3 - sub.columns.length)).fill('')]);
    for (const r of sub.rows) rows.push([r, ...Array.from({ length: 3 }, (_v, k) => (k < sub.columns.length ? cell('二', r, k) : ''))]);
  }
  return lines(rows, layout);
}

export function table3Row(key: string, layout: TableLayout): string {
  const spec = TABLE3_ROW_BY_KEY.get(key);
  if (!spec) return '';
  return formatRow([table3RowLabel(spec), ...new Array<string>(7).fill('')], layout);
}

export function table3Skeleton(layout: TableLayout, cell: CellText = EMPTY): string[] {
  const rows: string[][] = TABLE3_HEADER_ROWS.map((r) => [...r]);
  for (const spec of TABLE3_ROWS) rows.push([table3RowLabel(spec), ...Array.from({ length: 7 }, (_v, k) => cell('三', spec.key, k))]);
  return lines(rows, layout);
}

export function table4Skeleton(layout: TableLayout, cell: CellText = EMPTY): string[] {
  const rows: string[][] = TABLE4_HEADER_ROWS.map((r) => [...r]);
  rows.push(Array.from({ length: 15 }, (_v, k) => cell('四', '', k)));
  return lines(rows, layout);
}

export function table2Row(label: string, columns: number, layout: TableLayout): string {
  return formatRow([label, ...new Array<string>(columns).fill('')], layout);
}
