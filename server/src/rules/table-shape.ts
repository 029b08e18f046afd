import { TABLE3_COLUMNS, table3RowName } from '../format/national';
import type { Span } from '../parse/text';
import type { Problem } from './types';
import { defineRule } from './helpers';

function valuesSpan(found: Span[], fallback: Span): Span {
  if (found.length === 0) return fallback;
  return { start: Math.min(...found.map((c) => c.start)), end: Math.max(...found.map((c) => c.end)) };
}

/** A row with fewer or more cells than its table needs. */
export const tableShape = defineRule(
  {
    id: 'table-shape',
    severity: 'error',
    description: { zh: '统计表的某一行单元格数目与国家格式不符（缺格或多格）。', en: 'A table row has fewer or more cells than the format requires.' },
    reads: 'tables',
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const say = (name: string, span: Span, found: number, width: number, note = { zh: '', en: '' }) => {
      const short = found < width;
      problems.push(
        problem(span, {
          zh: short
            ? `${name}一行有 ${found} 个数字，应为 ${width} 个（缺 ${width - found} 个，无法确定缺的是哪一列${note.zh}）`
            : `${name}一行有 ${found} 个单元格，应为 ${width} 个（多 ${found - width} 个）`,
          en: short
            ? `${name}: ${found} numbers where ${width} are needed (${width - found} missing; which column cannot be told${note.en})`
            : `${name}: ${found} cells where ${width} are needed (${found - width} extra)`,
        }),
      );
    };
    const t2 = report.tables.table2;
    if (t2) {
      for (const row of t2.rows.values()) {
        if (row.shape === 'ok') continue;
        say(`表二“${row.spec.label}”`, valuesSpan(row.found, row.labelSpan), row.found.length, row.spec.columns.length);
      }
    }
    const t3 = report.tables.table3;
    if (t3) {
      for (const spec of t3.specs) {
        const row = t3.rows.get(spec.key);
        if (!row || row.shape === 'ok') continue;
        const total = row.cells[TABLE3_COLUMNS.length - 1];
        const note = total && row.found.includes(total) ? { zh: `；末位数字 ${total.raw} 等于其余之和，已读作总计`, en: `; the last number equals the sum of the others and is read as the total` } : undefined;
        say(`表三“${table3RowName(spec)}”`, valuesSpan(row.found, row.labelSpan), row.found.length, TABLE3_COLUMNS.length, note);
      }
    }
    const t4 = report.tables.table4;
    if (t4 && t4.row && t4.shape !== 'ok') {
      say('表四数据行', valuesSpan(t4.found, t4.row), t4.found.length, t4.cells.length);
    }
    return problems;
  },
);
