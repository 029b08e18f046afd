import type { ObservedRow } from '../model/tables';
import type { LocalizedText } from '../i18n';
import type { Problem } from './types';
import { defineRule } from './helpers';

function message(row: ObservedRow, table: '二' | '三'): LocalizedText {
  const label = row.label.replace(/\s+/g, ' ').trim();
  const shown = label.length > 20 ? label.slice(0, 20) + '…' : label;
  return {
      zh: label
        ? `表${table}中的“${shown}”一行无法对应到国家格式的任何一行，其数字未参与勾稽校验`
        : `表${table}中的这一行没有行名，也无法按位置对应到国家格式的任何一行，其数字未参与勾稽校验`,
      en: label
        ? `The row “${shown}” of table ${table} matches no row of the national format; its numbers are not checked`
        : `This row of table ${table} has no label and no position in the national format; its numbers are not checked`,
  };
}

export const tableRowUnmapped = defineRule(
  {
    id: 'table-row-unmapped',
    severity: 'warning',
    description: {
      zh: '统计表中有数字的一行既无法按行名、也无法按位置对应到国家格式的任何一行。',
      en: 'A table row with numbers matches no row of the national format, by label or by position.',
    },
    reads: 'tables',
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    for (const row of report.tables.table2?.unmapped ?? []) problems.push(problem(row, message(row, '二')));
    for (const row of report.tables.table3?.unmapped ?? []) problems.push(problem(row, message(row, '三')));
    return problems;
  },
);
