import type { Rule } from './types';
import { problem } from './util';

const NO_FEE = /(未|没有|不|无)(收取|产生|发生|涉及)[^。；]{0,8}(信息)?(公开)?处理费|(信息)?(公开)?处理费[^。；]{0,6}(为零|为0|为 0|0元|零元)/;

/** Table 三 （六）2 counts requests dropped for unpaid fees: fees were charged, whatever section 六 says. */
export const feeContradiction: Rule = {
  meta: {
    id: 'fee-contradiction',
    severity: 'error',
    description: {
      zh: '表三（六）2（逾期未缴纳费用）大于 0，而第六部分称未收取信息处理费。',
      en: 'Table 三 (六)2 (fees not paid) is above 0 while section 六 says no fee was charged.',
    },
  },
  check(report) {
    const section = report.byId.get(6);
    const row = report.tables.table3?.rows.get('三.六.2');
    if (!section || !row) return [];
    const values = row.cells.map((c) => c?.value ?? 0);
    const count = Math.max(...values);
    if (!(count > 0)) return [];
    const text = report.tree.text;
    const body = text.slice(section.heading.end, section.end);
    const m = NO_FEE.exec(body);
    if (!m) return [];
    const start = section.heading.end + m.index;
    const p = problem('fee-contradiction', 'error', { start, end: start + m[0].length }, {
      zh: `第六部分称未收取信息处理费，但表三（六）2“申请人逾期未按收费通知要求缴纳费用”为 ${count}，说明发出过收费通知`,
      en: `Section 六 says no fee was charged, but table 三 (六)2 (fee notices not paid) is ${count}`,
    });
    p.related = [{ span: row.labelSpan, message: { zh: '表三（六）2', en: 'table 三 (六)2' } }];
    return [p];
  },
};
