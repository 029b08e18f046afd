import { OVERVIEW_ITEMS } from '../format/national';
import { compact, toHalfWidth } from '../parse/text';
import type { Problem } from './types';
import { defineRule, headingSpan, sectionBody } from './helpers';

/** 一、总体情况 must report on its five sub-items. */
export const overviewSubitems = defineRule(
  {
    id: 'overview-subitem-missing',
    severity: 'warning',
    description: {
      zh: '“一、总体情况”缺少五个方面之一：主动公开、依申请公开、政府信息管理、平台建设、监督保障。',
      en: 'Section 一 lacks one of its five sub-items.',
    },
  },
  (report, { problem }) => {
    const section = report.byId.get(1);
    if (!section) return [];
    const subs = section.subheadings.filter((s) => s.style === 'paren');
    const labels = subs.map((s) => compact(toHalfWidth(s.label)));
    const found = new Set<number>();
    // by key words
    labels.forEach((label) => {
      OVERVIEW_ITEMS.forEach((item, k) => {
        if (item.keywords.test(label)) found.add(k);
      });
    });
    // failing those, by position: （三） whose title names none of the items is the third item
    subs.forEach((sub, i) => {
      const k = sub.ordinal - 1;
      if (k < 0 || k >= OVERVIEW_ITEMS.length || found.has(k)) return;
      if (!OVERVIEW_ITEMS.some((item) => item.keywords.test(labels[i]!))) found.add(k);
    });
    // a section without sub-item headings may still cover an item in its text
    if (subs.length < 2) {
      const body = compact(sectionBody(report, section));
      OVERVIEW_ITEMS.forEach((item, k) => {
        if (item.keywords.test(body)) found.add(k);
      });
    }
    const problems: Problem[] = [];
    OVERVIEW_ITEMS.forEach((item, k) => {
      if (found.has(k)) return;
      problems.push(
        problem(headingSpan(section), {
          zh: `“一、总体情况”缺少“${item.name}”方面的内容（国家格式要求的第${'一二三四五'[k]}项）`,
          en: `Section 一 (Overview) lacks its sub-item on ${item.nameEn} (${item.name})`,
        }),
      );
    });
    return problems;
  },
);
