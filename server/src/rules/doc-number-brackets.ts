import type { Problem } from './types';
import { defineRule } from './helpers';

/** The bracketed year and number of a 文号: (2021)30号, 〔2021〕30号, [2021]30号 … */
const YEAR_NUMBER_RE = /([(（\[【［〔])\s*((?:19|20)\d{2})\s*([)）\]】］〕])\s*第?\s*\d{1,4}\s*号/g;
/** The issuer's abbreviation right before it: 国办公开办函, 宁政公开办发 … */
const ISSUER_RE = /[\p{Script=Han}]{1,12}(?:发|函|字|办|令|电|文|规|通)\s*$/u;

const LEAD_IN_RE = /^(?:根据|按照|依据|依照|关于|通过|印发|落实|贯彻|执行|参照|见|和|及|与|的|按)+/u;

export const docNumber = defineRule(
  {
    id: 'doc-number-brackets',
    severity: 'warning',
    description: {
      zh: '文号的年份应使用六角括号〔〕，如 国办公开办函〔2021〕30号。',
      en: 'The year of a document number belongs in 〔〕 brackets, e.g. 国办公开办函〔2021〕30号.',
    },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const text = report.tree.text;
    YEAR_NUMBER_RE.lastIndex = 0;
    let y: RegExpExecArray | null;
    while ((y = YEAR_NUMBER_RE.exec(text))) {
      const open = y[1]!;
      const close = y[3]!;
      if (open === '〔' && close === '〕') continue;
      const issuer = ISSUER_RE.exec(text.slice(Math.max(0, y.index - 14), y.index));
      if (!issuer) continue;
      // the issuer's abbreviation starts after verbs such as 根据/按照 that may precede it
      const lead = LEAD_IN_RE.exec(issuer[0]);
      const start = y.index - issuer[0].length + (lead && lead[0].length < issuer[0].length ? lead[0].length : 0);
      const end = y.index + y[0].length;
      const written = text.slice(start, end);
      const openAt = y.index;
      const closeAt = y.index + y[0].indexOf(close, y[0].indexOf(y[2]!));
      const fixed = text.slice(start, openAt) + '〔' + text.slice(openAt + 1, closeAt) + '〕' + text.slice(closeAt + 1, end);
      problems.push(
        problem({ start, end },
          {
            zh: `文号“${written}”的年份应使用六角括号：${fixed}`,
            en: `The document number “${written}” should put its year in 〔〕: ${fixed}`,
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
);
