import { formatRow, table2Skeleton, table3Skeleton, table4Skeleton } from '../format/skeleton';
import type { Report, Section } from '../model/report';
import type { Span } from '../parse/text';
import type { Fix, Problem, RuleContext } from './types';
import { afterLine, beforeLine, defineRule, headingSpan, insertAfter, lineAt, reportLayout } from './helpers';

/** Inserts lines right after a section's heading line. */
function afterHeading(report: Report, section: Section, lines: string[], title: Fix['title']): Fix {
  return { title, edits: [insertAfter(report, section.heading.start, lines, true)] };
}

function subtableProblems(report: Report, { problem }: RuleContext): Problem[] {
  const t2 = report.tables.table2;
  if (!t2) return [];
  const problems: Problem[] = [];
  const layout = t2.layout;
  // the first place of each sub-table present: its heading or its first row
  const placeOf = (k: number): Span | undefined => {
    const sub = t2.subtableSpecs[k]!;
    const heading = t2.subtables.get(sub.item);
    if (heading) return heading;
    const row = sub.rows.map((r) => t2.rows.get(r)).find((r) => r !== undefined);
    return row ? row.labelSpan : undefined;
  };
  t2.subtableSpecs.forEach((sub, k) => {
    const heading = t2.subtables.get(sub.item);
    const rowsPresent = sub.rows.map((r) => t2.rows.get(r)).filter((r) => r !== undefined);
    if (heading) return;
    if (rowsPresent.length > 0) {
      const first = rowsPresent[0]!;
      problems.push(
        problem(first.labelSpan,
          {
            zh: `表二缺少子表标题“${sub.heading}”（${sub.rows.join('、')}）`,
            en: `Table 二 lacks the sub-table heading “${sub.heading}” (${sub.rows.join('、')})`,
          },
          [beforeLine(report, first.start, [formatRow([sub.heading, '', '', ''], layout)], { zh: `插入子表标题“${sub.heading}”`, en: `Insert the heading “${sub.heading}”` })],
        ),
      );
      return;
    }
    // the whole sub-table is missing: it belongs before the next sub-table present, else after the table
    let next: Span | undefined;
    for (let j = k + 1; j < t2.subtableSpecs.length && !next; j++) next = placeOf(j);
    const skeleton = table2Skeleton(layout, [sub.item], undefined, t2.subtableSpecs);
    const fixTitle = { zh: `插入第二十条第${sub.item}项子表（空表）`, en: `Insert the empty sub-table for Article 20 item ${sub.item}` };
    const fix = next ? beforeLine(report, next.start, skeleton, fixTitle) : afterLine(report, t2.end, skeleton, fixTitle);
    problems.push(
      problem(next ? lineAt(report, next.start) : lineAt(report, t2.end),
        {
          zh: `表二缺少“${sub.heading}”子表（${sub.rows.join('、')}）`,
          en: `Table 二 lacks the sub-table “${sub.heading}” (${sub.rows.join('、')})`,
        },
        [fix],
      ),
    );
  });
  return problems;
}

export const tableMissing = defineRule(
  {
    id: 'table-missing',
    severity: 'error',
    description: {
      zh: '缺少国家格式规定的统计表：表二的四个子表、表三或表四。',
      en: 'A statistical table of the national format is missing: a sub-table of table 二, table 三 or table 四.',
    },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const layout = reportLayout(report);
    const s2 = report.byId.get(2);
    const s3 = report.byId.get(3);
    const s4 = report.byId.get(4);
    if (s2 && !report.tables.table2) {
      problems.push(
        problem(headingSpan(s2), { zh: '第二部分缺少主动公开情况统计表（第二十条第（一）、（五）、（六）、（八）项）', en: 'Section 二 lacks its table (Article 20 items (1), (5), (6), (8))' }, [
          afterHeading(report, s2, table2Skeleton(layout), { zh: '插入表二（空表）', en: 'Insert the empty table 二' }),
        ]),
      );
    }
    problems.push(...subtableProblems(report, { problem }));
    const t3 = report.tables.table3;
    if (s3 && (!t3 || t3.rows.size === 0)) {
      problems.push(
        problem(headingSpan(s3),
          t3
            ? { zh: '第三部分的表格中未能识别出申请情况统计表的任何一行', en: 'No row of the request table could be recognised in section 三' }
            : { zh: '第三部分缺少收到和处理政府信息公开申请情况统计表', en: 'Section 三 lacks the request table' },
          t3 ? [] : [afterHeading(report, s3, table3Skeleton(layout), { zh: '插入表三（空表）', en: 'Insert the empty table 三' })],
        ),
      );
    }
    const t4 = report.tables.table4;
    if (s4 && !t4) {
      problems.push(
        problem(headingSpan(s4), { zh: '第四部分缺少行政复议、行政诉讼情况统计表', en: 'Section 四 lacks the reconsideration and litigation table' }, [
          afterHeading(report, s4, table4Skeleton(layout), { zh: '插入表四（空表）', en: 'Insert the empty table 四' }),
        ]),
      );
    } else if (t4 && !t4.row) {
      problems.push(
        problem(lineAt(report, t4.start), {
          zh: '表四缺少数据行（行政复议、行政诉讼的 15 个数字）',
          en: 'Table 四 has no data row (the 15 numbers)',
        }),
      );
    }
    return problems;
  },
);
