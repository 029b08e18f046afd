/**
 * Tables as CSV, one line per cell (long format: easy to filter and pivot in a
 * spreadsheet, and the same columns however many reports are exported):
 *   文件,机关,年度,表,行键,行,列,数值
 * Empty value: the report has the cell but no clean number in it. A UTF-8 byte
 * order mark leads, so that Excel (the users' spreadsheet) reads the Chinese.
 */
import { TABLE3_COLUMNS, TABLE3_ROW_BY_KEY, TABLE4_BLOCKS, TABLE4_CELLS, table3RowName } from '../format/national';
import type { TablesExport } from './tablesExport';

export const CSV_HEADER = ['文件', '机关', '年度', '表', '行键', '行', '列', '数值'];

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const T3_NAMES = new Map([...TABLE3_ROW_BY_KEY.values()].map((r) => [r.key, table3RowName(r)]));

/** CSV of the tables of one or more reports. */
export function tablesToCsv(exports: readonly TablesExport[]): string {
  const lines: string[] = [CSV_HEADER.join(',')];
  for (const e of exports) {
    const head = [e.file ?? '', e.agency ?? '', e.year ?? ''];
    const add = (table: string, key: string, row: string, column: string, value: number | null) => lines.push([...head, table, key, row, column, value].map(field).join(','));
    for (const [label, values] of Object.entries(e.table2 ?? {})) for (const [column, v] of Object.entries(values)) add('二', label, label, column, v);
    for (const [key, values] of Object.entries(e.table3 ?? {})) values.forEach((v, k) => add('三', key, T3_NAMES.get(key) ?? key, TABLE3_COLUMNS[k] ?? String(k), v));
    (e.table4 ?? []).forEach((v, k) => add('四', String(k), TABLE4_BLOCKS[Math.floor(k / 5)] ?? '', TABLE4_CELLS[k % 5] ?? '', v));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
