import { compact } from '../parse/text';
import type { Problem } from './types';
import { defineRule } from './helpers';

/** A section heading recognised by its key words but not written in the standard wording. */
export const sectionTitle = defineRule(
  {
    id: 'section-title-nonstandard',
    severity: 'warning',
    description: {
      zh: '部分标题可以识别，但与国家格式的标准表述不一致。',
      en: 'A section heading is recognisable but not in the standard wording.',
    },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const text = report.tree.text;
    for (const section of report.sections) {
      const h = section.heading;
      const s = section.spec;
      const standard = `${s.numeral}、${s.title}`;
      const written = text.slice(h.start, h.end);
      if (compact(written) === standard) continue;
      problems.push(
        problem({ start: h.start, end: h.end },
          {
            zh: `标题“${compact(written)}”与国家格式不一致，标准标题为“${standard}”`,
            en: `The heading “${compact(written)}” differs from the standard “${standard}” (${s.titleEn})`,
          },
          [
            {
              title: { zh: `改为标准标题“${standard}”`, en: `Use the standard heading “${standard}”` },
              edits: [{ span: { start: h.start, end: h.end }, newText: standard }],
              safe: true,
            },
          ],
        ),
      );
    }
    return problems;
  },
);
