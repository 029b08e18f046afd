import type { Rule } from './types';
import { arithmeticProblems } from './arithmetic';

export const t3Row: Rule = {
  meta: {
    id: 'T3-row',
    severity: 'error',
    description: { zh: '表三每一行的总计应等于六类申请人之和。', en: 'In each row of table 三, the total equals the sum of the six applicant columns.' },
    reads: 'tables',
  },
  check: (report) => arithmeticProblems(report, 'T3-row'),
};
