import { FEE_SENTENCE } from '../format/national';
import type { Rule } from './types';
import { afterLine } from './table-missing';
import { headingSpan, problem, sectionBody } from './util';

/** Section 六 must say whether 信息处理费 was charged (国办函〔2020〕109号). */
export const feeStatement: Rule = {
  meta: {
    id: 'fee-statement-missing',
    severity: 'warning',
    description: { zh: '“六、其他需要报告的事项”未说明信息处理费收取情况。', en: 'Section 六 does not state whether information processing fees were charged.' },
  },
  check(report) {
    const section = report.byId.get(6);
    if (!section) return [];
    // the fee rules (国办函〔2020〕109号) apply from 2021: earlier reports have nothing to state
    if (report.year !== undefined && report.year < 2021) return [];
    if (/处理费|(?<!事业性)收费|收取[^。，]{0,8}费/.test(sectionBody(report, section).replace(/\s+/g, ''))) return [];
    return [
      problem(
        'fee-statement-missing',
        'warning',
        headingSpan(section),
        {
          zh: '第六部分未说明信息处理费收取情况（国办函〔2020〕109号要求报告）',
          en: 'Section 六 does not state whether information processing fees were charged (国办函〔2020〕109号)',
        },
        [
          afterLine(report, section.heading.end, ['', FEE_SENTENCE], {
            zh: `插入“${FEE_SENTENCE}”（请核实）`,
            en: `Insert “${FEE_SENTENCE}” (check it is true)`,
          }),
        ],
      ),
    ];
  },
};
