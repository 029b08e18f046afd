/**
 * The report's tables as plain data: the `--tables` JSON contract.
 */
import type { ModelCell } from '../model/cells';
import type { Report } from '../model/report';

export interface TablesExport {
  file?: string;
  title?: string;
  agency?: string;
  year?: number;
  format: '2021' | '2019';
  table2?: Record<string, Record<string, number | null>>;
  table3?: Record<string, (number | null)[]>;
  table4?: (number | null)[];
}

/** A cell's number as --tables (and --compare) read it: null unless the cell holds exactly one clean number. */
export function cellNumber(cell: ModelCell | null | undefined): number | null {
  if (!cell || cell.value === null) return null;
  return cell.issue === undefined || cell.issue === 'negative' || cell.issue === 'fraction' ? cell.value : null;
}

export function exportTables(report: Report, file?: string): TablesExport {
  const out = {} as TablesExport;
  if (file !== undefined) out.file = file;
  if (report.title) out.title = report.title.text;
  if (report.agency) out.agency = report.agency;
  if (report.year !== undefined) out.year = report.year;
  out.format = report.format;
  const { table2, table3, table4 } = report.tables;
  // every row of the table's format: a row the report omits has all its cells null
  if (table2) {
    out.table2 = {};
    for (const spec of table2.specs) {
      const row = table2.rows.get(spec.label);
      const values: Record<string, number | null> = {};
      spec.columns.forEach((col, k) => (values[col] = cellNumber(row?.cells[k])));
      out.table2[spec.label] = values;
    }
  }
  if (table3) {
    out.table3 = {};
    for (const spec of table3.specs) {
      const row = table3.rows.get(spec.key);
      out.table3[spec.key] = row ? row.cells.map(cellNumber) : new Array<number | null>(7).fill(null);
    }
  }
  if (table4 && table4.row) out.table4 = table4.cells.map(cellNumber);
  return out;
}
