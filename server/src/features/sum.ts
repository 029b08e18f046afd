/**
 * 汇总: tables 二, 三 and 四 added up over several reports of the same year (a 区
 * from its 部门 and 乡镇). Nothing is silent: a report of another year (or of no
 * known year) is named and left out; a report with a missing table or with cells
 * that hold no clean number is added up with what it has, and each such place is
 * named (counted as 0), so that the office can fix it and sum again.
 */
import { TABLE2_ROWS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_CELLS } from '../format/national';
import type { TablesExport } from './tablesExport';

export interface SumInput {
  file: string;
  tables: TablesExport;
}

export interface Excluded {
  file: string;
  reason: { zh: string; en: string };
}

export interface Partial {
  file: string;
  /** the places counted as 0: "表三·三.六.1·自然人", "表四" */
  unreadable: string[];
}

export interface SumResult {
  /** the year summed (given, or the year most of the reports are of) */
  year?: number;
  included: string[];
  excluded: Excluded[];
  /** included reports with places that could not be read (counted as 0) */
  partial: Partial[];
  /** the sums, in the --tables shape (agency: "合计（N 份）") */
  tables: TablesExport;
}

/** Amounts (万元) keep four decimals; counts are whole. */
const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** Table 四's cells named as elsewhere in messages: "未经复议直接起诉·总计". */
const T4_NAMES = TABLE4_BLOCKS.flatMap((b) => TABLE4_CELLS.map((c) => `${b.replace('行政诉讼·', '')}·${c}`));

/** The places of a report's tables that cannot be added: missing tables, rows and cells without a clean number. */
export function unreadablePlaces(t: TablesExport): string[] {
  const out: string[] = [];
  if (!t.table2) out.push('表二');
  else {
    for (const spec of TABLE2_ROWS) {
      const row = t.table2[spec.label];
      if (!row) out.push(`表二·${spec.label}`);
      else for (const [col, v] of Object.entries(row)) if (v === null) out.push(`表二·${spec.label}·${col}`);
    }
  }
  if (!t.table3) out.push('表三');
  else {
    for (const spec of TABLE3_ROWS) {
      const row = t.table3[spec.key];
      if (!row) out.push(`表三·${spec.key}`);
      else row.forEach((v, k) => v === null && out.push(`表三·${spec.key}·${TABLE3_COLUMNS[k]}`));
    }
  }
  if (!t.table4) out.push('表四');
  else t.table4.forEach((v, k) => v === null && out.push(`表四·${T4_NAMES[k]}`));
  return out;
}

export function sumTables(inputs: readonly SumInput[], year?: number): SumResult {
  let target = year;
  if (target === undefined) {
    const counts = new Map<number, number>();
    for (const i of inputs) if (i.tables.year !== undefined) counts.set(i.tables.year, (counts.get(i.tables.year) ?? 0) + 1);
    target = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  }
  const included: SumInput[] = [];
  const excluded: Excluded[] = [];
  const partial: Partial[] = [];
  for (const i of inputs) {
    if (i.tables.year === undefined || i.tables.year !== target) {
      const y = i.tables.year === undefined ? '年度不明' : `${i.tables.year} 年`;
      excluded.push({ file: i.file, reason: { zh: `${y}的报告，不是 ${target ?? '?'} 年的`, en: `${i.tables.year ?? 'unknown year'}, not ${target ?? '?'}` } });
      continue;
    }
    const bad = unreadablePlaces(i.tables);
    if (bad.length > 0) partial.push({ file: i.file, unreadable: bad });
    included.push(i);
  }
  const tables: TablesExport = { agency: `合计（${included.length} 份）`, format: '2021' };
  if (target !== undefined) tables.year = target;
  if (included.length > 0) {
    tables.table2 = {};
    for (const spec of TABLE2_ROWS) {
      const row: Record<string, number> = {};
      for (const col of spec.columns) row[col] = round(included.reduce((s, i) => s + (i.tables.table2?.[spec.label]?.[col] ?? 0), 0));
      tables.table2[spec.label] = row;
    }
    tables.table3 = {};
    for (const spec of TABLE3_ROWS) {
      tables.table3[spec.key] = Array.from({ length: 7 }, (_v, k) => included.reduce((s, i) => s + (i.tables.table3?.[spec.key]?.[k] ?? 0), 0));
    }
    tables.table4 = Array.from({ length: 15 }, (_v, k) => included.reduce((s, i) => s + (i.tables.table4?.[k] ?? 0), 0));
  }
  const result: SumResult = { included: included.map((i) => i.file), excluded, partial, tables };
  if (target !== undefined) result.year = target;
  return result;
}
