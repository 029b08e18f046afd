/** cell-format: a number written with full-width digits or thousands separators (read, but better plain). */
import { indexCells } from '../model/cellIndex';
import type { Problem } from './types';
import { defineRule, plainDigits } from './helpers';

export const cellFormat = defineRule(
  {
    id: 'cell-format',
    severity: 'hint',
    description: { zh: '数字使用了全角数字或千位分隔符（可以识别，建议改为半角数字）。', en: 'A number written with full-width digits or thousands separators (read, but better plain).' },
    reads: 'tables',
  },
  (report, ctx) => {
    const problems: Problem[] = [];
    for (const c of indexCells(report)) {
      const notes = c.cell.notes;
      if (!notes || c.cell.value === null) continue;
      // the characters converted (full-width digits and point to half-width, separators dropped), never
      // through a number: 19 digits, or trailing zeros after the point, stay as written
      const plain = plainDigits(c.cell.raw);
      if (plain === undefined) continue;
      problems.push(
        ctx.problem(
          c.cell,
          {
            zh: `${c.name}“${c.cell.raw.trim()}”${notes.includes('fullwidth') ? '使用了全角数字' : ''}${notes.length > 1 ? '和' : ''}${notes.includes('separator') ? '使用了千位分隔符' : ''}，已按 ${plain} 读取；建议写作 ${plain}`,
            en: `${c.name} “${c.cell.raw.trim()}” uses ${notes.map((n) => (n === 'fullwidth' ? 'full-width digits' : 'thousands separators')).join(' and ')}; read as ${plain}`,
          },
          [{ title: { zh: `改为 ${plain}`, en: `Write ${plain}` }, edits: [{ span: { start: c.cell.start, end: c.cell.end }, newText: plain }], safe: true }],
        ),
      );
    }
    return problems;
  },
);
