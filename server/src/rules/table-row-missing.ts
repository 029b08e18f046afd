import { table3RowName } from '../format/national';
import { table2Row, table3Row } from '../format/skeleton';
import type { Span } from '../parse/text';
import type { Problem } from './types';
import { afterLine, beforeLine, defineRule, lineAt } from './helpers';

/** A row of table 二 or 三 that the format has and the report does not (garbled or wrapped rows are not missing). */
export const tableRowMissing = defineRule(
  {
    id: 'table-row-missing',
    severity: 'error',
    description: { zh: '统计表缺少国家格式规定的一行。', en: 'A table lacks a row of the national format.' },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const t2 = report.tables.table2;
    if (t2) {
      const run = t2.layout === 'run';
      t2.specs.forEach((spec) => {
        if (t2.rows.has(spec.label)) return;
        const sub = t2.subtableSpecs.find((s) => s.rows.includes(spec.label))!;
        // a sub-table missing as a whole is table-missing's concern
        if (!t2.subtables.has(sub.item) && sub.rows.every((r) => !t2.rows.has(r))) return;
        // its place: before the next row of its sub-table, after the previous one, else before the next sub-table
        const siblings = sub.rows.map((r) => t2.rows.get(r));
        const k = sub.rows.indexOf(spec.label);
        const next = siblings.slice(k + 1).find((r) => r !== undefined);
        const prev = siblings.slice(0, k).reverse().find((r) => r !== undefined);
        const subIndex = t2.subtableSpecs.indexOf(sub);
        const nextHeading = t2.subtableSpecs.slice(subIndex + 1).map((x) => t2.subtables.get(x.item)).find((h) => h !== undefined);
        const line = [table2Row(spec.label, spec.columns.length, t2.layout)];
        const title = { zh: `插入“${spec.label}”一行（空单元格）`, en: `Insert the row “${spec.label}” (empty cells)` };
        let fix;
        let anchor: Span;
        if (next) [fix, anchor] = [beforeLine(report, next.start, line, title), run ? next.labelSpan : lineAt(report, next.start)];
        else if (prev) [fix, anchor] = [afterLine(report, prev.end, line, title), run ? prev.labelSpan : lineAt(report, prev.start)];
        else if (nextHeading) [fix, anchor] = [beforeLine(report, nextHeading.start, line, title), lineAt(report, t2.subtables.get(sub.item)!.start)];
        else [fix, anchor] = [afterLine(report, t2.end, line, title), lineAt(report, t2.subtables.get(sub.item)!.start)];
        problems.push(
          problem(anchor,
            {
              zh: `表二“${sub.heading}”缺少“${spec.label}”一行`,
              en: `Table 二 “${sub.heading}” lacks the row “${spec.label}”`,
            },
            // digits run together (a crawled page): no row of empty cells is inserted into them
            run ? undefined : [fix],
          ),
        );
      });
    }
    const t3 = report.tables.table3;
    if (t3 && t3.rows.size > 0) {
      t3.specs.forEach((spec, j) => {
        if (t3.rows.has(spec.key)) return;
        const next = t3.specs.slice(j + 1).map((s) => t3.rows.get(s.key)).find((r) => r !== undefined);
        const prev = t3.specs.slice(0, j).reverse().map((s) => t3.rows.get(s.key)).find((r) => r !== undefined);
        const name = table3RowName(spec);
        const line = [table3Row(spec.key, t3.layout)];
        const title = { zh: `插入“${name}”一行（空单元格）`, en: `Insert the row “${name}” (empty cells)` };
        const fix = next ? beforeLine(report, next.start, line, title) : afterLine(report, prev!.end, line, title);
        const where = next
          ? { zh: '，应位于此行之前', en: '; it belongs before this row' }
          : { zh: '，应位于此行之后', en: '; it belongs after this row' };
        problems.push(
          problem(lineAt(report, (next ?? prev)!.start),
            { zh: `表三缺少“${name}”一行${where.zh}`, en: `Table 三 lacks the row “${name}”${where.en}` },
            t3.layout === 'run' ? undefined : [fix],
          ),
        );
      });
    }
    return problems;
  },
);
