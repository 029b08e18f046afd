import { FEE_SENTENCE, SECTIONS, SectionSpec } from '../format/national';
import { table2Skeleton, table3Skeleton, table4Skeleton } from '../format/skeleton';
import type { Report, Section } from '../model/report';
import type { Fix, Problem } from './types';
import { defineRule, eolAt, headingSpan, insertBefore, reportAnchor, reportLayout } from './helpers';

/** The text a missing section is inserted as: its standard heading, and for 二/三/四 the empty table, for 六 the fee sentence. */
export function sectionSkeleton(report: Report, spec: SectionSpec): string[] {
  const layout = reportLayout(report);
  const lines = [`${spec.numeral}、${spec.title}`, ''];
  if (spec.id === 2) lines.push(...table2Skeleton(layout), '');
  if (spec.id === 3) lines.push(...table3Skeleton(layout), '');
  if (spec.id === 4) lines.push(...table4Skeleton(layout), '');
  if (spec.id === 6) lines.push(FEE_SENTENCE, '');
  return lines;
}

function insertFix(report: Report, spec: SectionSpec, next: Section | undefined): Fix {
  const body = sectionSkeleton(report, spec);
  const text = report.tree.text;
  const title = { zh: `插入“${spec.numeral}、${spec.title}”`, en: `Insert section ${spec.numeral} “${spec.title}”` };
  // before the next section's heading (in a flattened line: the heading's piece)
  if (next) return { title, edits: [insertBefore(report, next.heading.start, body)] };
  const nl = eolAt(report, text.length);
  const ending = text.endsWith('\n') || text.endsWith('\r') ? '' : nl;
  return { title, edits: [{ span: { start: text.length, end: text.length }, newText: ending + nl + body.join(nl) }] };
}

export const sectionMissing = defineRule(
  {
    id: 'section-missing',
    severity: 'error',
    description: {
      zh: '报告缺少国家格式规定的六个部分之一（一、总体情况 至 六、其他需要报告的事项）。',
      en: 'One of the six mandatory sections of the national format is missing.',
    },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const present = [...report.byId.values()];
    for (const spec of SECTIONS) {
      if (report.byId.has(spec.id)) continue;
      // the place it should be: before the next section present, else after the previous one
      const next = present.filter((s) => s.spec.id > spec.id).sort((a, b) => a.spec.id - b.spec.id)[0];
      const prev = present.filter((s) => s.spec.id < spec.id).sort((a, b) => b.spec.id - a.spec.id)[0];
      const anchor = next ? headingSpan(next) : prev ? headingSpan(prev) : reportAnchor(report);
      const where = next
        ? { zh: `，应位于“${next.spec.numeral}、”之前`, en: `; it belongs before section ${next.spec.numeral}` }
        : prev
          ? { zh: `，应位于“${prev.spec.numeral}、”之后`, en: `; it belongs after section ${prev.spec.numeral}` }
          : { zh: '', en: '' };
      problems.push(
        problem(anchor,
          {
            zh: `缺少第${spec.numeral}部分“${spec.numeral}、${spec.title}”${where.zh}`,
            en: `Section ${spec.numeral} (${spec.id}) “${spec.numeral}、${spec.title}” (${spec.titleEn}) is missing${where.en}`,
          },
          [insertFix(report, spec, next)],
        ),
      );
    }
    return problems;
  },
);
