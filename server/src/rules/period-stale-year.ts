/**
 * A count the report gives as the year's own, dated an earlier year: "2024年制作、获取政府信息总数467条"
 * in the report for 2025 — a sentence kept from last year's report, with its year (and perhaps its
 * numbers) not brought up to date. Comparisons with an earlier year are left alone.
 */
import type { Span } from '../parse/text';
import { toHalfWidth } from '../parse/text';
import type { Problem } from './types';
import { defineRule } from './helpers';

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

export const periodStaleYear = defineRule(
  {
    id: 'period-stale-year',
    severity: 'warning',
    description: {
      zh: '正文以往年年份陈述本年度的数量（如 2025 年报告中的“2024年制作、获取政府信息总数467条”），多为沿用上年报告未改。',
      en: 'The text gives the year’s own count under an earlier year (“2024年…467条” in the report for 2025), usually a sentence kept from last year’s report.',
    },
  },
  (report, { problem }) => {
    const year = report.year;
    if (year === undefined) return [];
    const problems: Problem[] = [];
    const text = report.tree.text;
    const earlier = text.indexOf('２') >= 0 || text.indexOf('１') >= 0 ? ANY_YEAR_RE : HALF_YEAR_RE;
    for (const section of report.sections) {
      // what the year did: the overview, the three sections of the tables
      if (section.spec.id > 4) continue;
      // an earlier year is rarely written: each block of prose scanned for one (the tables never), and only such a block read
      for (const block of section.blocks) {
        if (block.kind === 'table' || block.kind === 'heading') continue;
        const raw = text.slice(block.start, block.end);
        if (!namesEarlier(raw, earlier, year)) continue;
        const label = block.kind === 'subheading' ? block.labelSpan.start - block.start : -1;
        for (const c of statedIn(raw, label)) {
          if (c.stated >= year || c.stated < year - 10) continue;
          // the sentence also speaks of the report's own year: a comparison of the two
          if (c.years.includes(year)) continue;
          const at = block.start + c.at;
          const yearSpan: Span = { start: at, end: at + 4 };
          const written = raw.slice(c.at, c.at + c.length);
          problems.push(
            problem({ start: at, end: at + c.length },
              {
                zh: `${year} 年度报告中的数量以 ${c.stated} 年陈述：“${written}”，是否沿用了上年报告？`,
                en: `The report for ${year} states a count for ${c.stated}: “${written}” — kept from last year’s report?`,
              },
              [{ title: { zh: `改为 ${year} 年（并核对数字）`, en: `Change to ${year} (and check the numbers)` }, edits: [{ span: yearSpan, newText: String(year) }] }],
            ),
          );
        }
      }
    }
    return problems;
  },
);

/** A year before 年: half-width digits (a literal start the engine scans for fast), and any digits when the text has full-width ones. */
const HALF_YEAR_RE = /(?<!\d)(?:19|20)\d{2}(?=\s*年)/g;
const ANY_YEAR_RE = /(?<![\d０-９])[1１2２][9９0０][0-9０-９]{2}(?=\s*年)/g;

/** Does a block's text name a year of the ten before the report's (before 年)? */
function namesEarlier(raw: string, re: RegExp, year: number): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const y = yearOf(m[0]);
    if (y < year && y >= year - 10) return true;
  }
  return false;
}

/** The year a match of those expressions names. */
function yearOf(digits: string): number {
  let y = 0;
  for (let k = 0; k < digits.length; k++) {
    const c = digits.charCodeAt(k);
    y = y * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return y;
}

/** A count a block states under a year, whatever the report's year: where, the year, and the years its sentence names. */
interface Stated {
  at: number;
  length: number;
  stated: number;
  years: number[];
}

/** The counts stated under a year in a block's text; `label`: where a sub-item's title starts in it (-1: not a sub-item). */
function statedIn(raw: string, label: number): Stated[] {
  const out: Stated[] = [];
  // the expressions read both forms of punctuation: only full-width digits need folding
  const t = /[０-９]/.test(raw) ? toHalfWidth(raw) : raw;
  STATED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STATED_RE.exec(t))) {
    // at a clause's start; or right after a sub-item's title that a flattened page ran into its text
    // ((一)主动公开政府信息的数量2024年制作…)
    const runOn = label >= 0 && !/[。；;,，!！?？:：]/.test(t.slice(label, m.index));
    if (!runOn && !CLAUSE_START_RE.test(t.slice(Math.max(0, m.index - 8), m.index))) continue;
    // the whole clause, up to its break: 2022年受理的申请中有1件转入本年度办理
    const rest = t.slice(m.index + m[0].length).search(/[。；;,，!！?？]/);
    if (COMPARED_RE.test(t.slice(m.index, rest < 0 ? t.length : m.index + m[0].length + rest))) continue;
    const sentence = sentenceAround(t, m.index);
    if (COMPARED_RE.test(t.slice(sentence.start, m.index))) continue;
    out.push({ at: m.index, length: m[0].length, stated: Number(m[1]), years: (sentence.text.match(/(?:19|20)\d{2}/g) ?? []).map(Number) });
  }
  return out;
}

/** The sentence around an offset of a text: its text, and where it starts. */
function sentenceAround(t: string, at: number): { start: number; text: string } {
  let start = at;
  while (start > 0 && !'。；;!！?？\n'.includes(t[start - 1]!)) start--;
  let end = at;
  while (end < t.length && !'。；;!！?？\n'.includes(t[end]!)) end++;
  return { start, text: t.slice(start, end) };
}
