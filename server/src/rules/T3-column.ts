import { defineRule, sumProblems } from './helpers';

export const t3Column = defineRule(
  {
    id: 'T3-column',
    severity: 'error',
    description: { zh: '表三（七）总计应等于各项办理结果之和（每一列）。', en: 'In each column of table 三, （七）总计 equals the sum of the 21 result rows.' },
    reads: 'tables',
  },
  (report, ctx) => sumProblems(report, 'T3-column', ctx),
);
