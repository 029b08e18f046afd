/**
 * Tables with their numbers written in a report's layout (tab, Markdown pipes or
 * spaces), as the national format prints them: for the summed tables of 汇总.
 * The format's skeletons, filled from the --tables shape.
 */
import { TABLE2_ROWS } from '../format/national';
import { CellText, table2Skeleton, table3Skeleton, table4Skeleton } from '../format/skeleton';
import type { TableLayout } from '../parse/syntax';
import type { TablesExport } from './tablesExport';

function cellsOf(t: TablesExport): CellText {
  const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return (table, row, column) => {
    if (table === '二') return text(t.table2?.[row]?.[TABLE2_ROWS.find((r) => r.label === row)?.columns[column] ?? '']);
    if (table === '三') return text(t.table3?.[row]?.[column]);
    return text(t.table4?.[column]);
  };
}

export const table2Text = (t: TablesExport, layout: TableLayout): string[] => table2Skeleton(layout, undefined, cellsOf(t));
export const table3Text = (t: TablesExport, layout: TableLayout): string[] => table3Skeleton(layout, cellsOf(t));
export const table4Text = (t: TablesExport, layout: TableLayout): string[] => table4Skeleton(layout, cellsOf(t));
