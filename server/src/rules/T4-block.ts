import { defineRule, sumProblems } from './helpers';

export const t4Block = defineRule(
  {
    id: 'T4-block',
    severity: 'error',
    description: { zh: '表四每一组中，结果维持、结果纠正、其他结果、尚未审结之和应等于总计。', en: 'In each block of table 四, upheld + corrected + other + pending equals the total.' },
    reads: 'tables',
  },
  (report, ctx) => sumProblems(report, 'T4-block', ctx),
);
