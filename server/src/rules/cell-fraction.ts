/** cell-fraction: a count that is not a whole number (only the fee amount may have decimals). */
import { indexCells } from '../model/cellIndex';
import { defineRule } from './helpers';

export const cellFraction = defineRule(
  {
    id: 'cell-fraction',
    severity: 'error',
    description: { zh: '件数不是整数（只有收费金额可以有小数）。', en: 'A count that is not a whole number (only the fee amount may have decimals).' },
    reads: 'tables',
  },
  (report, { problem }) =>
    indexCells(report)
      .filter((c) => c.cell.issue === 'fraction')
      .map((c) => problem(c.cell, { zh: `${c.name}为 ${c.cell.raw}，件数应为整数`, en: `${c.name} is ${c.cell.raw}; a count must be a whole number` })),
);
