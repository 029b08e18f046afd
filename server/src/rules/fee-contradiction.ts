
import { defineRule } from './helpers';
/**
 * Statements that no fee arises or is charged at all: 不收取任何费用, 未产生信息处理费. Not "未收取"
 * (none was collected), which is true when the fee notices went unpaid.
 */
const NO_FEE = /不[^。；，,]{0,8}收取[^。；]{0,10}费用?|(?:未|没有|无|不)(?:产生|发生|涉及)[^。；]{0,10}处理费用?/;

/**
 * Table 三 （六）2 counts requests dropped because a fee notice went unpaid: fees were charged
 * (notified), so section 六 cannot say that none arise. A warning: the wording is for a human to weigh.
 */
export const feeContradiction = defineRule(
  {
    id: 'fee-contradiction',
    severity: 'warning',
    description: {
      zh: '表三（六）2（逾期未按收费通知缴纳费用）大于 0，而第六部分称不收取或未产生信息处理费。',
      en: 'Table 三 (六)2 (fee notices not paid) is above 0 while section 六 says no fee is charged or arises.',
    },
  },
  (report, { problem }) => {
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
    const p = problem({ start, end: start + m[0].length }, {
      zh: `第六部分称不收取或未产生信息处理费，但表三（六）2“申请人逾期未按收费通知要求缴纳费用”为 ${count}，说明发出过收费通知`,
      en: `Section 六 says no fee is charged or arises, but table 三 (六)2 (fee notices not paid) is ${count}`,
    });
    p.related = [{ span: row.labelSpan, message: { zh: '表三（六）2', en: 'table 三 (六)2' } }];
    return [p];
  },
);
