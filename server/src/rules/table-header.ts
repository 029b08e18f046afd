import { compact } from '../parse/text';
import type { Problem } from './types';
import { defineRule } from './helpers';

/** Column headers written in another wording than the format's (a soft note: the column is there). */
const RENAMED: Record<string, string> = {
  社会组织: '社会公益组织',
  公益组织: '社会公益组织',
  合计: '总计',
  法律服务组织: '法律服务机构',
  科研单位: '科研机构',
};

export const tableHeader = defineRule(
  {
    id: 'table-header',
    severity: 'information',
    description: { zh: '表三的列标题与国家格式的措辞不同（如“社会组织”应为“社会公益组织”）。', en: 'A column header of table 三 is worded differently from the format (e.g. 社会组织 for 社会公益组织).' },
    reads: 'tables',
  },
  (report, { problem }) => {
    const t3 = report.tables.table3;
    if (!t3) return [];
    const problems: Problem[] = [];
    for (const row of t3.header) {
      for (const r of row.rows) {
        for (const cell of r.cells) {
          const standard = RENAMED[compact(cell.text)];
          if (!standard) continue;
          problems.push(
            problem(cell,
              {
                zh: `表三列标题“${cell.text}”与国家格式不一致，应为“${standard}”`,
                en: `Table 三's column header “${cell.text}” should read “${standard}”`,
              },
              [{ title: { zh: `改为“${standard}”`, en: `Use “${standard}”` }, edits: [{ span: { start: cell.start, end: cell.end }, newText: standard }], safe: true }],
            ),
          );
        }
      }
    }
    return problems;
  },
);
