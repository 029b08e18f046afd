import type { Problem } from './types';
import { defineRule, headingSpan } from './helpers';

export const sectionOrder = defineRule(
  {
    id: 'section-order',
    severity: 'error',
    description: { zh: '六个部分未按国家格式规定的顺序排列。', en: 'The six sections are not in the order of the national format.' },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const seen = new Set<number>();
    let latest: (typeof report.sections)[number] | undefined;
    for (const section of report.sections) {
      if (seen.has(section.spec.id)) continue; // a repeated section is section-duplicate's concern
      seen.add(section.spec.id);
      if (latest && section.spec.id < latest.spec.id) {
        const s = section.spec;
        const l = latest.spec;
        problems.push(
          problem(headingSpan(section), {
            zh: `第${s.numeral}部分“${s.title}”应位于第${l.numeral}部分“${l.title}”之前`,
            en: `Section ${s.numeral} (${s.titleEn}) belongs before section ${l.numeral} (${l.titleEn})`,
          }),
        );
      } else latest = section;
    }
    return problems;
  },
);
