import { Span, countBelow, isSpaceCode, lastBeforeStars } from '../parse/text';
import type { Problem } from './types';
import { defineRule } from './helpers';
import type { Report } from '../model/report';

const PAIRS: { open: string; close: string; name: string }[] = [
  { open: '《', close: '》', name: '书名号《》' },
  { open: '“', close: '”', name: '引号“”' },
  { open: '（(', close: '）)', name: '括号（）' },
];

/** Character code → kind of pair × 2 (+1 for a closing character); -1 for any other character. */
const KIND = new Int8Array(0x10000).fill(-1);
PAIRS.forEach((pair, kind) => {
  for (const c of pair.open) KIND[c.charCodeAt(0)] = kind * 2;
  for (const c of pair.close) KIND[c.charCodeAt(0)] = kind * 2 + 1;
});

const SENTENCE_ENDS = '。！？；：.!?;:';

/** Does a unit end a sentence: a full stop (or ！？；：), then perhaps Markdown stars and white space? Read in place. */
function endsSentence(text: string, unit: Span): boolean {
  const i = lastBeforeStars(text, unit.start, unit.end, isSpaceCode);
  return i >= unit.start && SENTENCE_ENDS.includes(text[i]!);
}

/** Any character of PAIRS (none of them is special in a character class). */
const PAIR_CHAR_RE = new RegExp(`[${PAIRS.map((p) => p.open + p.close).join('')}]`, 'g');

/**
 * Where the text has a character of a pair, in order: one search over the whole text (the tables
 * between the units have few such characters), each unit then reading only its own.
 */
function pairPlaces(text: string): number[] {
  const places: number[] = [];
  PAIR_CHAR_RE.lastIndex = 0;
  // test, not exec: no match object made for each of a report's hundreds of brackets (each match is one character)
  while (PAIR_CHAR_RE.test(text)) places.push(PAIR_CHAR_RE.lastIndex - 1);
  return places;
}

/** Prose units: paragraphs, sub-item lines and headings, joined where a page break cut a sentence. */
function units(report: Report): Span[] {
  const text = report.tree.text;
  const out: Span[] = [];
  let open: Span | undefined;
  for (const block of report.tree.blocks) {
    if (block.kind === 'table') {
      open = undefined;
      continue;
    }
    if (block.kind === 'paragraph' && open && !endsSentence(text, open)) {
      open.end = block.end;
      continue;
    }
    open = { start: block.start, end: block.end };
    out.push(open);
  }
  return out;
}

export const unbalancedPairs = defineRule(
  {
    id: 'unbalanced-pairs',
    severity: 'warning',
    description: { zh: '段落中的《》、“”、（）不成对。', en: 'Unbalanced 《》, “” or （） within a paragraph.' },
  },
  (report, { problem }) => {
    const text = report.tree.text;
    const problems: Problem[] = [];
    const places = pairPlaces(text);
    for (const unit of units(report)) {
      // the unit's pair characters, in order: for each kind of pair, the unmatched openings and the first stray closing
      const opens: number[][] = [[], [], []];
      const stray = [-1, -1, -1];
      let any = false;
      for (let p = countBelow(places, unit.start); p < places.length && places[p]! < unit.end; p++) {
        const i = places[p]!;
        const k = KIND[text.charCodeAt(i)]!;
        any = true;
        const kind = k >> 1;
        if ((k & 1) === 0) opens[kind]!.push(i);
        else if (opens[kind]!.length > 0) opens[kind]!.pop();
        else if (stray[kind]! < 0) stray[kind] = i;
      }
      if (!any) continue;
      PAIRS.forEach((pair, kind) => {
        const at = stray[kind]! >= 0 ? stray[kind]! : opens[kind]!.length > 0 ? opens[kind]![0]! : -1;
        if (at < 0) return;
        const c = text[at]!;
        const isOpen = pair.open.includes(c);
        const partner = isOpen ? pair.close[pair.open.indexOf(c)]! : pair.open[pair.close.indexOf(c)]!;
        problems.push(
          problem({ start: at, end: at + 1 }, {
            zh: isOpen ? `“${c}”没有对应的“${partner}”（同一段落内的${pair.name}应成对）` : `“${c}”前面没有对应的“${partner}”（同一段落内的${pair.name}应成对）`,
            en: isOpen ? `“${c}” has no matching “${partner}” in this paragraph` : `“${c}” has no matching “${partner}” before it in this paragraph`,
          }),
        );
      });
    }
    return problems;
  },
);
