import { defineRule, sumProblems } from './helpers';

export const t3Balance = defineRule(
  {
    id: 'T3-balance',
    severity: 'error',
    description: { zh: '表三每一列应满足：第一项加第二项之和，等于第三项加第四项之和。', en: 'In each column of table 三: 一 + 二 = （七） + 四.' },
    reads: 'tables',
  },
  (report, ctx) => sumProblems(report, 'T3-balance', ctx),
);
