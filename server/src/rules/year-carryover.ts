/**
 * Across years: what a report carries over from last year (表三 二、上年结转) is what
 * last year's report of the same agency carried over to this year (its 表三
 * 四、结转下年度继续办理), column by column.
 */
import { TABLE3_COLUMNS } from '../format/national';
import type { Problem } from './types';
import { defineRule, setCell } from './helpers';

export const yearCarryover = defineRule(
  {
    id: 'year-carryover',
    severity: 'warning',
    description: {
      zh: '表三“二、上年结转”与同一机关上一年度报告的“四、结转下年度继续办理”不一致（需工作区中有上一年度报告）。',
      en: 'Table 三 “二、上年结转” differs from “四、结转下年度继续办理” in the same agency’s report of the year before (when that report is in the workspace).',
    },
  },
  (report, { problem }) => {
    const prev = report.prior;
    const now = report.tables.table3?.rows.get('二');
    if (!prev || !now || report.year === undefined || prev.year !== report.year - 1) return [];
    const problems: Problem[] = [];
    TABLE3_COLUMNS.forEach((col, k) => {
      const a = now.cells[k];
      const b = prev.carriedOver[k];
      if (!a || !b || a.value === null || b.value === null || a.issue || b.issue || a.value === b.value) return;
      const p = problem(a,
        {
          zh: `表三二（上年结转）·${col}为 ${a.value}，但上一年度报告（${prev.name}）表三四（结转下年度继续办理）·${col}为 ${b.value}`,
          en: `Table 三 二 (carried over from last year)·${col} is ${a.value}, but last year's report (${prev.name}) carried over ${b.value} (表三 四·${col})`,
        },
        [setCell(a, b.value, { zh: `改为 ${b.value}（上一年度报告的结转数）`, en: `Change to ${b.value} (last year's carry-over)` })],
      );
      p.related = [
        {
          span: a,
          message: { zh: `${prev.name}：表三四（结转下年度继续办理）·${col}`, en: `${prev.name}: 表三 四·${col}` },
          elsewhere: { uri: prev.uri, range: b.range },
        },
      ];
      problems.push(p);
    });
    return problems;
  },
);
