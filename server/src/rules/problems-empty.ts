import { compact, isSpaceCode } from '../parse/text';
import { defineRule, headingSpan, sectionBody } from './helpers';

/** Punctuation and Markdown marks that do not count as content. */
const NOT_CONTENT = '。.，,*#-';

/**
 * More than three characters of content (white space and punctuation aside) in text[start, end):
 * more than “无问题”, the longest body that counts as empty. Read in place, and only as far as needed.
 */
function hasContent(text: string, start: number, end: number): boolean {
  let count = 0;
  for (let i = start; i < end; i++) {
    if (isSpaceCode(text.charCodeAt(i)) || NOT_CONTENT.includes(text[i]!)) continue;
    if (++count > 3) return true;
  }
  return false;
}

export const problemsEmpty = defineRule(
  {
    id: 'problems-empty',
    severity: 'warning',
    description: { zh: '“五、存在的主要问题及改进情况”为空或只写“无”。', en: 'Section 五 (problems and improvements) is empty or just “无”.' },
  },
  (report, { problem }) => {
    const section = report.byId.get(5);
    if (!section || hasContent(report.tree.text, section.heading.end, section.end)) return [];
    const body = compact(sectionBody(report, section)).replace(/[。.，,*#\-]/g, '');
    if (body.length > 0 && !/^(无|暂无|没有|无问题)$/.test(body)) return [];
    return [
      problem(headingSpan(section), {
        zh: body.length === 0 ? '“五、存在的主要问题及改进情况”没有内容，应如实说明存在的问题及改进措施' : '“五、存在的主要问题及改进情况”只写了“无”，应如实说明存在的问题及改进措施',
        en: body.length === 0 ? 'Section 五 is empty; it must state the main problems and improvements' : 'Section 五 only says “无”; it must state the main problems and improvements',
      }),
    ];
  },
);
