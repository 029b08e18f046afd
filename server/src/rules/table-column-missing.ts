import { TABLE3_COLUMNS } from '../format/national';
import type { Report } from '../model/report';
import { compact } from '../parse/text';
import type { Problem, RuleContext } from './types';
import { defineRule, lineAt } from './helpers';

/** Ways a column header is written, OCR-damaged ones included (a column is missing only when none of them is there). */
const COLUMN_WORDS: Record<string, RegExp> = {
  自然人: /自然|然人/,
  商业企业: /商业|企业/,
  科研机构: /科研/,
  社会公益组织: /社会|公益|组织/,
  法律服务机构: /法律|服务/,
  其他: /其他|其它/,
  总计: /总计|合计/,
};

/**
 * A column of table 三 missing: its header is not there, and the rows carry one
 * number fewer (so a garbled header alone never counts as a missing column).
 */
export const tableColumnMissing = defineRule(
  {
    id: 'table-column-missing',
    severity: 'error',
    description: { zh: '表二或表三缺少国家格式规定的一列。', en: 'Table 二 or 三 lacks a column of the national format.' },
    reads: 'tables',
  },
  (report, ctx) => {
    return [...table2Columns(report, ctx), ...table3Columns(report, ctx)];
  },
);

/** Words that identify table 二's column headers. */
const T2_COLUMN_WORDS: Record<string, RegExp> = {
  本年制发件数: /制发/,
  本年废止件数: /废止/,
  现行有效件数: /现行|有效/,
  本年处理决定数量: /处理决定|决定数/,
  '本年收费金额（单位：万元）': /收费|金额/,
  // the 2019 trial format's
  本年新制作数量: /新制作|制作数/,
  本年新公开数量: /新公开|公开数/,
  对外公开总数量: /对外公开|总数量/,
  上一年项目数量: /上一年|上年|项目数/,
  '本年增/减': /增|减/,
  处理决定数量: /处理决定|决定数/,
  采购项目数量: /采购项目|项目数/,
  采购总金额: /总金额|金额/,
};

function table2Columns(report: Report, { problem }: RuleContext): Problem[] {
  const t2 = report.tables.table2;
  if (!t2) return [];
  const problems: Problem[] = [];
  for (const sub of t2.subtableSpecs) {
    const header = t2.headers.get(sub.item);
    if (!header) continue;
    // the words are Chinese only: full-width forms need no folding, only white space goes
    const text = compact(header.label + header.values.map((c) => c.text).join(''));
    const absent = sub.columns.filter((c) => !T2_COLUMN_WORDS[c]!.test(text));
    if (absent.length === 0) continue;
    const rows = sub.rows.map((r) => t2.rows.get(r)).filter((r) => r !== undefined);
    const width = sub.columns.length - absent.length;
    if (rows.length === 0 || !rows.every((r) => r.found.length <= width)) continue;
    problems.push(
      problem(lineAt(report, header.start), {
        zh: `表二“${sub.heading}”缺少“${absent.join('”“')}”${absent.length > 1 ? '等列' : '一列'}`,
        en: `Table 二 “${sub.heading}” lacks the column${absent.length > 1 ? 's' : ''} “${absent.join('”, “')}”`,
      }),
    );
  }
  return problems;
}

function table3Columns(report: Report, { problem }: RuleContext): Problem[] {
  const t3 = report.tables.table3;
  if (!t3 || t3.header.length === 0 || t3.rows.size === 0) return [];
  const headerText = compact(t3.header.map((r) => r.label + r.values.map((c) => c.text).join('')).join(''));
  const absent = TABLE3_COLUMNS.filter((c) => !COLUMN_WORDS[c]!.test(headerText));
  if (absent.length === 0) return [];
  const rows = [...t3.rows.values()];
  const width = TABLE3_COLUMNS.length - absent.length;
  const narrow = rows.filter((r) => r.found.length === width).length;
  if (narrow * 2 < rows.length) return [];
  const first = t3.header[0]!;
  const problems: Problem[] = [];
  problems.push(
    problem(lineAt(report, first.start), {
      zh: `表三缺少“${absent.join('”“')}”${absent.length > 1 ? '等列' : '一列'}：表头中没有，各行也只有 ${width} 个数字`,
      en: `Table 三 lacks the column${absent.length > 1 ? 's' : ''} “${absent.join('”, “')}”: not in the header, and rows carry only ${width} numbers`,
    }),
  );
  return problems;
}
