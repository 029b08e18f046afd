import type { Problem } from './types';
import { defineRule, headingSpan, lineAt } from './helpers';

export const sectionDuplicate = defineRule(
  {
    id: 'section-duplicate',
    severity: 'error',
    description: { zh: '同一部分出现了两次。', en: 'A section appears twice.' },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    for (const section of report.sections) {
      const first = report.byId.get(section.spec.id)!;
      if (first === section) continue;
      const s = section.spec;
      const line = lineAt(report, first.heading.start).index + 1;
      const p = problem(headingSpan(section), {
        zh: `第${s.numeral}部分“${s.title}”重复出现（第 ${line} 行已有此部分）`,
        en: `Section ${s.numeral} (${s.titleEn}) appears again (it is already on line ${line})`,
      });
      p.related = [{ span: headingSpan(first), message: { zh: '首次出现的位置', en: 'first occurrence' } }];
      problems.push(p);
    }
    return problems;
  },
);
