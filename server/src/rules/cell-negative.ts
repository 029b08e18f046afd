/** cell-negative: a negative number in a table. */
import { indexCells } from '../model/cellIndex';
import { defineRule } from './helpers';

export const cellNegative = defineRule({ id: 'cell-negative', severity: 'error', description: { zh: '统计表中出现负数。', en: 'A negative number in a table.' }, reads: 'tables' }, (report, { problem }) =>
  indexCells(report)
    .filter((c) => c.cell.issue === 'negative')
    .map((c) =>
      problem(c.cell, {
        zh: `${c.name}为负数（${c.cell.raw}），件数和金额不能为负`,
        en: `${c.name} is negative (${c.cell.raw}); counts and amounts cannot be`,
      }),
    ),
);
