/**
 * A count the report gives as the year's own, dated an earlier year: "2024年制作、获取政府信息总数467条"
 * in the report for 2025 — a sentence kept from last year's report, with its year (and perhaps its
 * numbers) not brought up to date. Comparisons with an earlier year are left alone.
 */
import type { Span } from '../parse/text';
import { toHalfWidth } from '../parse/text';
import type { Problem, Rule } from './types';
import { problem } from './util';

/**
 * A year at the start of a clause, then (in the same clause) what was done and a count:
 * 2024年制作、获取政府信息总数467条 · 2024年，我局共收到申请5件. Not a date (2024年1月), not a span of time.
 */
const STATED_RE =
  /(?<![\d年])((?:19|20)\d{2})\s*年度?(?![\d月底末初内中以起至前后])[,，]?([^。；;,，!！?？]{0,24}?)(?:制作|获取|主动公开|公开|发布|收到|受理|办理|办结|答复|新增|更新|制发|印发|出台)[^。；;,，!！?？]{0,24}?\d+(?:\.\d+)?\s*(?:条|件|个|篇|次|项)/g;
/** Words that make a clause a comparison or another period, not the year's own count. */
const COMPARED_RE = /本年|今年|转入|较|比|相比|对比|同比|环比|增长|下降|减少|增加|持平|以来|累计|截至|截止|结转|同期|上年|去年|上一年|历年/;
/** What may stand before the year at a clause's start: the agency's name for itself, 全年, 在. */
const CLAUSE_START_RE = /(?:^|[。；;,，!！?？:：\s)）])(?:我局|本局|我委|本委|我办|本办|我区|我县|我市|本机关|全年|在)?\s*$/;

export const periodStaleYear: Rule = {
  meta: {
    id: 'period-stale-year',
    severity: 'warning',
    description: {
      zh: '正文以往年年份陈述本年度的数量（如 2025 年报告中的“2024年制作、获取政府信息总数467条”），多为沿用上年报告未改。',
      en: 'The text gives the year’s own count under an earlier year (“2024年…467条” in the report for 2025), usually a sentence kept from last year’s report.',
    },
  },
  check(report) {
    const year = report.year;
    if (year === undefined) return [];
    const problems: Problem[] = [];
    const text = report.tree.text;
    for (const section of report.sections) {
      // what the year did: the overview, the three sections of the tables
      if (section.spec.id > 4) continue;
      for (const block of section.blocks) {
        if (block.kind === 'table' || block.kind === 'heading') continue;
        const raw = text.slice(block.start, block.end);
        if (!/(?:19|20)\d{2}\s*年/.test(raw)) continue;
        const t = toHalfWidth(raw);
        STATED_RE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = STATED_RE.exec(t))) {
          const stated = Number(m[1]);
          if (stated >= year || stated < year - 10) continue;
          // at a clause's start; or right after a sub-item's title that a flattened page ran into its text
          // ((一)主动公开政府信息的数量2024年制作…)
          const runOn = block.kind === 'subheading' && !/[。；;,，!！?？:：]/.test(t.slice(block.labelSpan.start - block.start, m.index));
          if (!runOn && !CLAUSE_START_RE.test(t.slice(Math.max(0, m.index - 8), m.index))) continue;
          // the whole clause, up to its break: 2022年受理的申请中有1件转入本年度办理
          const rest = t.slice(m.index + m[0].length).search(/[。；;,，!！?？]/);
          if (COMPARED_RE.test(t.slice(m.index, rest < 0 ? t.length : m.index + m[0].length + rest))) continue;
          // the sentence also speaks of the report's own year: a comparison of the two
          const sentence = sentenceAround(t, m.index);
          if (sentence.includes(String(year)) || COMPARED_RE.test(t.slice(sentence.start, m.index))) continue;
          const at = block.start + m.index;
          const yearSpan: Span = { start: at, end: at + 4 };
          problems.push(
            problem(
              'period-stale-year',
              'warning',
              { start: at, end: block.start + m.index + m[0].length },
              {
                zh: `${year} 年度报告中的数量以 ${stated} 年陈述：“${raw.slice(m.index, m.index + m[0].length)}”，是否沿用了上年报告？`,
                en: `The report for ${year} states a count for ${stated}: “${raw.slice(m.index, m.index + m[0].length)}” — kept from last year’s report?`,
              },
              [{ title: { zh: `改为 ${year} 年（并核对数字）`, en: `Change to ${year} (and check the numbers)` }, edits: [{ span: yearSpan, newText: String(year) }] }],
            ),
          );
        }
      }
    }
    return problems;
  },
};

/** The sentence around an offset of a text: its text, and where it starts. */
function sentenceAround(t: string, at: number): { start: number; includes(s: string): boolean } {
  let start = at;
  while (start > 0 && !'。；;!！?？\n'.includes(t[start - 1]!)) start--;
  let end = at;
  while (end < t.length && !'。；;!！?？\n'.includes(t[end]!)) end++;
  const s = t.slice(start, end);
  return { start, includes: (w) => s.includes(w) };
}
