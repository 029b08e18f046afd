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

/** The running sums of one year's reports (added in the order they come, as the whole list would be). */
interface YearSums {
  files: string[];
  partial: Partial[];
  table2: Map<string, Map<string, number>>;
  table3: Map<string, number[]>;
  table4: number[];
}

/**
 * 汇总 as the reports come: each report's tables are added to its year's running sums and dropped, so a
 * run of any size keeps per report only its file name and year (the result lists them anyway).
 */
export class SumAccumulator {
  private readonly seen: { file: string; year?: number }[] = [];
  private readonly byYear = new Map<number, YearSums>();

  add(input: SumInput): void {
    const { file, tables: t } = input;
    this.seen.push(t.year === undefined ? { file } : { file, year: t.year });
    if (t.year === undefined) return;
    let y = this.byYear.get(t.year);
    if (!y) this.byYear.set(t.year, (y = { files: [], partial: [], table2: new Map(), table3: new Map(), table4: new Array<number>(15).fill(0) }));
    y.files.push(file);
    const bad = unreadablePlaces(t);
    if (bad.length > 0) y.partial.push({ file, unreadable: bad });
    for (const spec of TABLE2_ROWS) {
      let row = y.table2.get(spec.label);
      if (!row) y.table2.set(spec.label, (row = new Map()));
      for (const col of spec.columns) row.set(col, (row.get(col) ?? 0) + (t.table2?.[spec.label]?.[col] ?? 0));
    }
    for (const spec of TABLE3_ROWS) {
      let row = y.table3.get(spec.key);
      if (!row) y.table3.set(spec.key, (row = new Array<number>(7).fill(0)));
      for (let k = 0; k < 7; k++) row[k]! += t.table3?.[spec.key]?.[k] ?? 0;
    }
    for (let k = 0; k < 15; k++) y.table4[k]! += t.table4?.[k] ?? 0;
  }

  /** The sums of `year`, or of the year most of the reports are of (the later one of two as common). */
  result(year?: number): SumResult {
    const target = year ?? [...this.byYear.entries()].sort((a, b) => b[1].files.length - a[1].files.length || b[0] - a[0])[0]?.[0];
    const excluded: Excluded[] = [];
    for (const i of this.seen) {
      if (i.year !== undefined && i.year === target) continue;
      const y = i.year === undefined ? '年度不明' : `${i.year} 年`;
      excluded.push({ file: i.file, reason: { zh: `${y}的报告，不是 ${target ?? '?'} 年的`, en: `${i.year ?? 'unknown year'}, not ${target ?? '?'}` } });
    }
    const sums = target === undefined ? undefined : this.byYear.get(target);
    const included = sums?.files ?? [];
    const tables: TablesExport = { agency: `合计（${included.length} 份）`, format: '2021' };
    if (target !== undefined) tables.year = target;
    if (sums) {
      tables.table2 = {};
      for (const spec of TABLE2_ROWS) {
        const row: Record<string, number> = {};
        for (const col of spec.columns) row[col] = round(sums.table2.get(spec.label)?.get(col) ?? 0);
        tables.table2[spec.label] = row;
      }
      tables.table3 = {};
      for (const spec of TABLE3_ROWS) tables.table3[spec.key] = [...sums.table3.get(spec.key)!];
      tables.table4 = [...sums.table4];
    }
    const result: SumResult = { included: [...included], excluded, partial: sums ? [...sums.partial] : [], tables };
    if (target !== undefined) result.year = target;
    return result;
  }
}

export function sumTables(inputs: readonly SumInput[], year?: number): SumResult {
  const sums = new SumAccumulator();
  for (const i of inputs) sums.add(i);
  return sums.result(year);
}
