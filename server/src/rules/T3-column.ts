import type { Rule } from './types';
import { arithmeticProblems } from './arithmetic';

export const t3Column: Rule = {
  meta: {
    id: 'T3-column',
    severity: 'error',
    description: { zh: '表三（七）总计应等于各项办理结果之和（每一列）。', en: 'In each column of table 三, （七）总计 equals the sum of the 21 result rows.' },
    reads: 'tables',
  },
  check: (report) => arithmeticProblems(report, 'T3-column'),
};
