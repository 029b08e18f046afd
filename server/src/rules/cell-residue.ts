/** cell-residue: text mixed into a number cell (OCR residue such as “政许可 421808”). */
import { indexCells } from '../model/cellIndex';
import type { Problem } from './types';
import { defineRule, setCell } from './helpers';

export const cellResidue = defineRule(
  {
    id: 'cell-residue',
    severity: 'error',
    description: { zh: '数字单元格中混有文字（如 OCR 残留“政许可 421808”）。', en: 'Text mixed into a number cell (OCR residue such as “政许可 421808”).' },
    reads: 'tables',
  },
  (report, ctx) => {
    const problems: Problem[] = [];
    for (const c of indexCells(report)) {
      if (c.cell.issue !== 'residue' && c.cell.issue !== 'text') continue;
      const candidates = [...new Set(c.cell.candidates ?? [])];
      problems.push(
        ctx.problem(
          c.cell,
          c.cell.issue === 'residue'
            ? { zh: `${c.name}“${c.cell.raw}”中混有文字，应只填数字`, en: `${c.name} “${c.cell.raw}” has text mixed into the number` }
            : { zh: `${c.name}“${c.cell.raw}”不是数字`, en: `${c.name} “${c.cell.raw}” is not a number` },
          candidates.map((n) => setCell(c.cell, n, { zh: `改为 ${n}`, en: `Use ${n}` })),
        ),
      );
    }
    return problems;
  },
);
