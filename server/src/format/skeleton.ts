/**
 * Empty tables and rows in the national format, written in a given layout, for
 * quick fixes that insert what is missing. Cells to fill are left empty: no
 * number is ever invented.
 */
import type { TableLayout } from '../parse/syntax';
import { TABLE2_SUBTABLES, TABLE3_HEADER_ROWS, TABLE3_ROWS, TABLE4_HEADER_ROWS, table3RowLabel } from './national';

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

export function table2Skeleton(layout: TableLayout, items?: readonly string[]): string[] {
  const rows: string[][] = [];
  for (const sub of TABLE2_SUBTABLES) {
    if (items && !items.includes(sub.item)) continue;
    const width = 1 + sub.columns.length;
    rows.push([sub.heading, ...new Array<string>(3).fill('')].slice(0, Math.max(width, 4)));
    rows.push(['信息内容', ...sub.columns, ...new Array<string>(Math.max(0, 3 - sub.columns.length)).fill('')]);
    for (const r of sub.rows) rows.push([r, ...new Array<string>(3).fill('')]);
  }
  return lines(rows, layout);
}

export function table3Row(key: string, layout: TableLayout): string {
  const spec = TABLE3_ROWS.find((r) => r.key === key);
  if (!spec) return '';
  return formatRow([table3RowLabel(spec), ...new Array<string>(7).fill('')], layout);
}

export function table3Skeleton(layout: TableLayout): string[] {
  const rows: string[][] = TABLE3_HEADER_ROWS.map((r) => [...r]);
  for (const spec of TABLE3_ROWS) rows.push([table3RowLabel(spec), ...new Array<string>(7).fill('')]);
  return lines(rows, layout);
}

export function table4Skeleton(layout: TableLayout): string[] {
  const rows: string[][] = TABLE4_HEADER_ROWS.map((r) => [...r]);
  rows.push(new Array<string>(15).fill(''));
  return lines(rows, layout);
}

export function table2Row(label: string, columns: number, layout: TableLayout): string {
  return formatRow([label, ...new Array<string>(columns).fill('')], layout);
}
