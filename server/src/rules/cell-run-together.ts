/** Digits run together (flattened text) that cannot be told apart into cells: said once per table, never guessed. */
import { TABLE3_COLUMNS, TABLE4_BLOCKS, TABLE4_CELLS, table3RowName } from '../format/national';
import type { Report } from '../model/report';
import type { Span } from '../parse/text';
import type { Problem, RelatedPlace } from './types';
import { defineRule } from './helpers';

interface Run {
  span: Span;
  /** the row, as messages name it */
  row: string;
  /** the columns its digits fill */
  columns: readonly string[];
}

function runsOf(report: Report): { table: '二' | '三' | '四'; runs: Run[] }[] {
  const out: { table: '二' | '三' | '四'; runs: Run[] }[] = [];
  const { table2, table3, table4 } = report.tables;
  if (table2) {
    const runs: Run[] = [];
    for (const spec of table2.specs) {
      const row = table2.rows.get(spec.label);
      for (const span of row?.merged ?? []) runs.push({ span, row: `表二“${spec.label}”`, columns: spec.columns });
    }
    if (runs.length > 0) out.push({ table: '二', runs });
  }
  if (table3) {
    const runs: Run[] = [];
    for (const spec of table3.specs) {
      const row = table3.rows.get(spec.key);
      for (const span of row?.merged ?? []) runs.push({ span, row: `表三“${table3RowName(spec)}”`, columns: TABLE3_COLUMNS });
    }
    if (runs.length > 0) out.push({ table: '三', runs });
  }
  if (table4?.merged && table4.merged.length > 0) {
    const columns = TABLE4_BLOCKS.flatMap((b) => TABLE4_CELLS.map((c) => `${b.replace('行政诉讼·', '')}·${c}`));
    out.push({ table: '四', runs: table4.merged.map((span) => ({ span, row: '表四数据行', columns })) });
  }
  return out;
}

export const cellRunTogether = defineRule(
  {
    id: 'cell-run-together',
    severity: 'information',
    description: {
      zh: '统计表的数字连在一起（如网页抓取的文本），合计也无法确定如何分到各格：这些格不读取、不参与校验。',
      en: 'A table’s digits run together (crawled text) and its sums cannot tell how they split into cells: those cells are left unread and unchecked.',
    },
    reads: 'tables',
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const text = report.tree.text;
    for (const { table, runs } of runsOf(report)) {
      const first = runs[0]!;
      const digits = (r: Run) => text.slice(r.span.start, r.span.end);
      const list = runs.map((r) => `${r.row}“${digits(r)}”`).join('、');
      const p = problem(first.span, {
        zh: `表${table}的数字连在一起，无法确定如何分格：${list}。这些格未读取、不参与合计校验；请在各格数字之间加空格或制表符`,
        en: `Table ${table}'s digits run together and cannot be split into cells with certainty: ${runs.map((r) => `${r.row} “${digits(r)}”`).join(', ')}. Those cells are not read or checked; separate the numbers with spaces or tabs`,
      });
      if (runs.length > 1) {
        p.related = runs.map(
          (r): RelatedPlace => ({
            // a copy: the model's spans move with their table (reuse.ts), problems are moved apart from them
            span: { start: r.span.start, end: r.span.end },
            message: { zh: `${r.row}：“${digits(r)}”应分成 ${r.columns.length} 格（${r.columns.join('、')}）`, en: `${r.row}: “${digits(r)}” fills ${r.columns.length} cells` },
          }),
        );
      }
      problems.push(p);
    }
    return problems;
  },
);
