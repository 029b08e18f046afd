/**
 * The preamble lists what the report consists of (本年报包括总体情况、主动公开…), and leaves out a part
 * the report has: the list was kept from an older report, or a part was added without it.
 */
import { SECTIONS } from '../format/national';
import { toHalfWidth } from '../parse/text';
import { defineRule, ruleMemo } from './helpers';

/** Words that introduce a list of the report's parts. */
const LIST_RE = /包括|包含|分为|分成|由|主要内容|分以下|共分/g;
/** What separates the parts of the list. */
const SEPARATOR_RE = /[、，,；;。]/;
/** How far a list reaches. */
const MAX_LIST = 160;
/** A list names at least this many of the six sections (fewer: a sentence about some of them, not the report's parts). */
const MIN_LISTED = 4;

export const preambleParts = defineRule(
  {
    id: 'preamble-parts',
    severity: 'information',
    description: {
      zh: '前言列出的报告组成部分漏了报告实际包含的某一部分。',
      en: 'The preamble’s list of the report’s parts leaves out a part the report has.',
    },
  },
  (report, { problem }) => {
    const span = report.tree.preamble;
    if (!span || report.sections.length === 0) return [];
    const list = listCache.get(report.tree.text.slice(span.start, span.end), partsListed);
    if (!list) return [];
    const { from, to, named } = list;
    const left = [...report.byId.keys()].filter((id) => !named.has(id)).sort((a, b) => a - b);
    if (left.length === 0) return [];
    const titles = left.map((id) => SECTIONS[id - 1]!.title);
    // the fix: each part left out goes after the part before it in the list, or before the first part
    const ids = [...named.keys()].sort((a, b) => a - b);
    const edits = left.map((id) => {
      const title = SECTIONS[id - 1]!.title;
      const before = ids.filter((k) => k < id).pop();
      const at = before !== undefined ? named.get(before)!.end : named.get(ids[0]!)!.start;
      return { span: { start: span.start + at, end: span.start + at }, newText: before !== undefined ? `、${title}` : `${title}、` };
    });
    return [
      problem({ start: span.start + from, end: span.start + to },
        {
          zh: `前言列出的报告组成部分没有“${titles.join('”“')}”，而报告有此部分`,
          en: `The preamble’s list of the report’s parts leaves out ${left.map((id) => `“${SECTIONS[id - 1]!.title}” (${SECTIONS[id - 1]!.titleEn})`).join(', ')}, which the report has`,
        },
        [{ title: { zh: `在列举中补上“${titles.join('”“')}”`, en: `Add ${titles.join(', ')} to the list` }, edits }],
      ),
    ];
  },
);

/** The preamble's list of the report's parts: where it runs, and where each section it names stands in it (offsets in the preamble). */
interface PartsList {
  from: number;
  to: number;
  named: Map<number, { start: number; end: number }>;
}

/** The list of each preamble, remembered by its text (a preamble rarely changes while the body is typed). */
const listCache = ruleMemo<PartsList | null>(1_000);

/** The first sentence of a preamble that lists the report's parts (naming at least four of the six), if any. */
function partsListed(raw: string): PartsList | null {
  const text = toHalfWidth(raw);
  LIST_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LIST_RE.exec(text))) {
    const from = m.index + m[0].length;
    // the list runs to the end of its sentence, over line breaks (a wrapped line of a PDF or a web page)
    let to = text.slice(from, from + MAX_LIST).search(/[。;；]/);
    to = to < 0 ? Math.min(text.length, from + MAX_LIST) : from + to;
    // read without its white space; `at[k]`: where the k-th character read stands in the text
    const at: number[] = [];
    let list = '';
    for (let k = from; k < to; k++) {
      const c = text[k]!;
      if (/\s/.test(c)) continue;
      at.push(k);
      list += c;
    }
    at.push(to);
    if (m[0] === '由' && !list.includes('组成')) continue;
    // where each section is named in the list: where its part starts, and ends (the next separator)
    const named = new Map<number, { start: number; end: number }>();
    for (const s of SECTIONS) {
      const k = list.search(s.keywords);
      if (k < 0) continue;
      const before = list.slice(0, k).search(/[^、，,；;。]*$/);
      const rest = list.slice(k).search(SEPARATOR_RE);
      // a part ends after its last character (not before the white space or separator that follows)
      named.set(s.id, { start: at[before]!, end: at[(rest < 0 ? list.length : k + rest) - 1]! + 1 });
    }
    if (named.size >= MIN_LISTED) return { from, to, named };
  }
  return null;
}
