import { SECTIONS } from '../format/national';
import type { Report } from '../model/report';
import type { Problem, Rule } from './types';

/** Where a problem about the whole report goes: the title, else the first non-blank line. */
export function reportAnchor(report: Report): { start: number; end: number } {
  if (report.title) return { start: report.title.start, end: report.title.lines[0]!.end };
  const first = report.tree.lines.find((l) => l.text.trim() !== '');
  return first ? { start: first.start, end: first.end } : { start: 0, end: 0 };
}

export const sectionMissing: Rule = {
  meta: {
    id: 'section-missing',
    severity: 'error',
    description: {
      zh: '报告缺少国家格式规定的六个部分之一（一、总体情况 至 六、其他需要报告的事项）。',
      en: 'One of the six mandatory sections of the national format is missing.',
    },
  },
  check(report) {
    const problems: Problem[] = [];
    const anchor = reportAnchor(report);
    for (const spec of SECTIONS) {
      if (report.byId.has(spec.id)) continue;
      problems.push({
        rule: 'section-missing',
        severity: 'error',
        span: anchor,
        message: {
          zh: `缺少第${spec.numeral}部分“${spec.numeral}、${spec.title}”`,
          en: `Section ${spec.numeral} (${spec.id}) “${spec.numeral}、${spec.title}” (${spec.titleEn}) is missing`,
        },
      });
    }
    return problems;
  },
};
