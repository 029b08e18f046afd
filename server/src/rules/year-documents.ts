/**
 * Across years: the documents in force at the end of the year (表二 现行有效件数) are
 * last year's in force, plus those issued this year, minus those repealed this year
 * — for 规章 and for 行政规范性文件.
 */
import { PRIOR_IN_FORCE_ROWS } from '../model/report';
import type { Problem } from './types';
import { defineRule, setCell } from './helpers';


export const yearDocuments = defineRule(
  {
    id: 'year-documents',
    severity: 'warning',
    description: {
      zh: '表二现行有效件数不等于上一年度报告的现行有效件数加本年制发、减本年废止（需工作区中有同一机关上一年度报告）。',
      en: 'Table 二: documents in force ≠ last year’s in force + issued − repealed (when the same agency’s report of the year before is in the workspace).',
    },
  },
  (report, { problem }) => {
    const prev = report.prior;
    if (!prev || report.year === undefined || prev.year !== report.year - 1) return [];
    const problems: Problem[] = [];
    for (const label of PRIOR_IN_FORCE_ROWS) {
      const row = report.tables.table2?.rows.get(label);
      const [issued, repealed, inForce] = row?.cells ?? [];
      const lastInForce = prev.inForce[label];
      const clean = (c: { value: number | null; issue?: unknown } | null | undefined) => !!c && c.value !== null && !c.issue;
      if (!clean(issued) || !clean(repealed) || !clean(inForce) || !clean(lastInForce)) continue;
      const want = lastInForce!.value! + issued!.value! - repealed!.value!;
      if (want === inForce!.value || want < 0) continue;
      const p = problem(inForce!,
        {
          zh: `表二${label}现行有效件数为 ${inForce!.value}，但上一年度报告（${prev.name}）的 ${lastInForce!.value} + 本年制发 ${issued!.value} − 本年废止 ${repealed!.value} = ${want}`,
          en: `Table 二 ${label}: ${inForce!.value} in force, but last year's report (${prev.name}) had ${lastInForce!.value}; + ${issued!.value} issued − ${repealed!.value} repealed = ${want}`,
        },
        [setCell(inForce!, want, { zh: `改为 ${want}`, en: `Change to ${want}` })],
      );
      p.related = [
        { span: inForce!, message: { zh: `${prev.name}：表二${label}·现行有效件数`, en: `${prev.name}: 表二 ${label}·in force` }, elsewhere: { uri: prev.uri, range: lastInForce!.range } },
        { span: issued!, message: { zh: `本年制发件数`, en: 'issued this year' } },
        { span: repealed!, message: { zh: `本年废止件数`, en: 'repealed this year' } },
      ];
      problems.push(p);
    }
    return problems;
  },
);
