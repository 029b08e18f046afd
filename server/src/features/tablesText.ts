/**
 * Tables with their numbers written in a report's layout (tab, Markdown pipes or
 * spaces), as the national format prints them: for the summed tables of 汇总.
 */
import { TABLE2_ROWS, TABLE2_SUBTABLES, TABLE3_HEADER_ROWS, TABLE3_ROWS, TABLE4_HEADER_ROWS, table3RowLabel } from '../format/national';
import { formatRow } from '../format/skeleton';
import type { TableLayout } from '../parse/syntax';
import type { TablesExport } from './tablesExport';

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function lines(rows: readonly (readonly string[])[], layout: TableLayout): string[] {
  const out = rows.map((r) => formatRow(r, layout));
  if (layout === 'pipe' && rows.length > 0) out.splice(1, 0, '|' + rows[0]!.map(() => ' --- ').join('|') + '|');
  return out;
}

export function table2Text(t: TablesExport, layout: TableLayout): string[] {
  const rows: string[][] = [];
  for (const sub of TABLE2_SUBTABLES) {
    rows.push([sub.heading, '', '', '']);
    rows.push(['信息内容', ...sub.columns, ...new Array<string>(Math.max(0, 3 - sub.columns.length)).fill('')]);
    for (const label of sub.rows) {
      const spec = TABLE2_ROWS.find((r) => r.label === label)!;
      const values = spec.columns.map((c) => num(t.table2?.[label]?.[c]));
      rows.push([label, ...values, ...new Array<string>(Math.max(0, 3 - values.length)).fill('')]);
    }
  }
  return lines(rows, layout);
}

export function table3Text(t: TablesExport, layout: TableLayout): string[] {
  const rows: string[][] = TABLE3_HEADER_ROWS.map((r) => [...r]);
  for (const spec of TABLE3_ROWS) rows.push([table3RowLabel(spec), ...Array.from({ length: 7 }, (_v, k) => num(t.table3?.[spec.key]?.[k]))]);
  return lines(rows, layout);
}

export function table4Text(t: TablesExport, layout: TableLayout): string[] {
  const rows: string[][] = TABLE4_HEADER_ROWS.map((r) => [...r]);
  rows.push(Array.from({ length: 15 }, (_v, k) => num(t.table4?.[k])));
  return lines(rows, layout);
}
