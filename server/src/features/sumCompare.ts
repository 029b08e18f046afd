/**
 * 汇总 in the editor: the summed tables written into a report that has none yet
 * (in its layout, under its sections 二, 三, 四), or, for a report that has its
 * tables, every cell where it differs from the sum.
 */
import type { Analysis } from '../check';
import { TABLE2_ROWS } from '../format/national';
import { indexCells } from '../model/cellIndex';
import type { TextEdit } from '../rules/types';
import { eolAt, lineAt, reportLayout } from '../rules/helpers';
import type { Span } from '../parse/text';
import type { TablesExport } from './tablesExport';
import { table2Text, table3Text, table4Text } from './tablesText';

const HEADINGS: Record<2 | 3 | 4, string> = {
  2: '二、主动公开政府信息情况',
  3: '三、收到和处理政府信息公开申请情况',
  4: '四、政府信息公开行政复议、行政诉讼情况',
};

/** Edits that write the summed tables into a report without tables: under each section's heading, or at the end with the heading. */
export function insertSums(analysis: Analysis, sum: TablesExport): TextEdit[] {
  const { report, text } = analysis;
  const layout = reportLayout(report);
  const tables: Record<2 | 3 | 4, string[]> = { 2: table2Text(sum, layout), 3: table3Text(sum, layout), 4: table4Text(sum, layout) };
  const edits: TextEdit[] = [];
  // each table in the line break of the lines where it goes
  const end = eolAt(report, text.length);
  let atEnd = '';
  for (const id of [2, 3, 4] as const) {
    const section = report.byId.get(id);
    if (section) {
      // right after the heading line: the format prints the table first
      const line = lineAt(report, section.heading.start);
      const eol = eolAt(report, section.heading.start);
      const block = tables[id].join(eol);
      if (line.end < text.length) edits.push({ span: { start: line.end + eol.length, end: line.end + eol.length }, newText: block + eol });
      else edits.push({ span: { start: text.length, end: text.length }, newText: eol + block + eol });
    } else atEnd += end + HEADINGS[id] + end + tables[id].join(end) + end;
  }
  if (atEnd) edits.push({ span: { start: text.length, end: text.length }, newText: (/[\r\n]$/.test(text) || text === '' ? '' : end) + atEnd.slice(end.length) });
  return edits;
}

export interface Difference {
  /** the cell's name: "表三（六）1·自然人" */
  name: string;
  /** what the report says (null: no clean number) */
  mine: number | null;
  sum: number;
  span: Span;
}

/** Every cell of the report's tables that differs from the sum. */
export function sumDifferences(analysis: Analysis, sum: TablesExport): Difference[] {
  const out: Difference[] = [];
  for (const c of indexCells(analysis.report)) {
    let want: number | null | undefined;
    if (c.table === '二') {
      const spec = TABLE2_ROWS.find((r) => r.label === c.row);
      const col = spec?.columns[c.column];
      want = col !== undefined ? sum.table2?.[c.row]?.[col] : undefined;
    } else if (c.table === '三') want = sum.table3?.[c.row]?.[c.column];
    else want = sum.table4?.[c.column];
    if (want === undefined || want === null) continue;
    const mine = c.cell.value;
    if (mine === null || Math.abs(mine - want) > 1e-9) out.push({ name: c.name, mine, sum: want, span: { start: c.cell.start, end: c.cell.end } });
  }
  return out;
}
