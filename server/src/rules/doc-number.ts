import type { Problem, Rule } from './types';
import { problem } from './util';

/** 国办公开办函(2021)30号, 〔2021]…: a 文号 whose year is not in 六角括号 〔〕. */
const DOC_NUMBER_RE = /[\p{Script=Han}]{1,12}?(?:发|函|字|办|令|电|文|规|通)\s*([(（\[【［〔])\s*((?:19|20)\d{2})\s*([)）\]】］〕])\s*第?\s*\d{1,4}\s*号/gu;

const LEAD_IN_RE = /^(?:根据|按照|依据|依照|关于|通过|印发|落实|贯彻|执行|参照|见|和|及|与|的|按)+/u;

export const docNumber: Rule = {
  meta: {
    id: 'doc-number-brackets',
    severity: 'warning',
    description: {
      zh: '文号的年份应使用六角括号〔〕，如 国办公开办函〔2021〕30号。',
      en: 'The year of a document number belongs in 〔〕 brackets, e.g. 国办公开办函〔2021〕30号.',
    },
  },
  check(report) {
    const problems: Problem[] = [];
    const text = report.tree.text;
    DOC_NUMBER_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DOC_NUMBER_RE.exec(text))) {
      // the issuer's abbreviation starts after verbs such as 根据/按照 that precede a 文号
      const lead = LEAD_IN_RE.exec(m[0]);
      if (lead && lead[0].length < m[0].length) {
        m.index += lead[0].length;
        m[0] = m[0].slice(lead[0].length);
      }
      const open = m[1]!;
      const close = m[3]!;
      if (open === '〔' && close === '〕') continue;
      const openAt = m.index + m[0].indexOf(open);
      const closeAt = m.index + m[0].indexOf(close, m[0].indexOf(m[2]!));
      const fixed = m[0].slice(0, openAt - m.index) + '〔' + m[0].slice(openAt - m.index + 1, closeAt - m.index) + '〕' + m[0].slice(closeAt - m.index + 1);
      problems.push(
        problem(
          'doc-number-brackets',
          'warning',
          { start: m.index, end: m.index + m[0].length },
          {
            zh: `文号“${m[0]}”的年份应使用六角括号：${fixed}`,
            en: `The document number “${m[0]}” should put its year in 〔〕: ${fixed}`,
          },
          [
            {
              title: { zh: `改为“${fixed}”`, en: `Change to “${fixed}”` },
              edits: [
                { span: { start: openAt, end: openAt + 1 }, newText: '〔' },
                { span: { start: closeAt, end: closeAt + 1 }, newText: '〕' },
              ],
              safe: true,
            },
          ],
        ),
      );
    }
    return problems;
  },
};
