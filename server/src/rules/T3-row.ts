import { defineRule, sumProblems } from './helpers';

export const t3Row = defineRule(
  {
    id: 'T3-row',
    severity: 'error',
    description: { zh: '表三每一行的总计应等于六类申请人之和。', en: 'In each row of table 三, the total equals the sum of the six applicant columns.' },
    reads: 'tables',
  },
  (report, ctx) => sumProblems(report, 'T3-row', ctx),
);
