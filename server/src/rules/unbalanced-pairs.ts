import type { Span } from '../parse/text';
import type { Problem, Rule } from './types';
import { problem } from './util';

const PAIRS: { open: string; close: string; name: string }[] = [
  { open: '《', close: '》', name: '书名号《》' },
  { open: '“', close: '”', name: '引号“”' },
  { open: '（(', close: '）)', name: '括号（）' },
];

/** Prose units: paragraphs, sub-item lines and headings, joined where a page break cut a sentence. */
function units(report: Parameters<Rule['check']>[0]): Span[] {
  const text = report.tree.text;
  const out: Span[] = [];
  let open: Span | undefined;
  for (const block of report.tree.blocks) {
    if (block.kind === 'table') {
      open = undefined;
      continue;
    }
    if (block.kind === 'paragraph' && open && !/[。！？；：.!?;:]\**\s*$/.test(text.slice(open.start, open.end))) {
      open.end = block.end;
      continue;
    }
    open = { start: block.start, end: block.end };
    out.push(open);
  }
  return out;
}

export const unbalancedPairs: Rule = {
  meta: {
    id: 'unbalanced-pairs',
    severity: 'warning',
    description: { zh: '段落中的《》、“”、（）不成对。', en: 'Unbalanced 《》, “” or （） within a paragraph.' },
  },
  check(report) {
    const text = report.tree.text;
    const problems: Problem[] = [];
    for (const unit of units(report)) {
      for (const pair of PAIRS) {
        const opens: number[] = [];
        let stray = -1;
        for (let i = unit.start; i < unit.end; i++) {
          const c = text[i]!;
          if (pair.open.includes(c)) opens.push(i);
          else if (pair.close.includes(c)) {
            if (opens.length > 0) opens.pop();
            else if (stray < 0) stray = i;
          }
        }
        const at = stray >= 0 ? stray : opens.length > 0 ? opens[0]! : -1;
        if (at < 0) continue;
        const c = text[at]!;
        const isOpen = pair.open.includes(c);
        const partner = isOpen ? pair.close[pair.open.indexOf(c)]! : pair.open[pair.close.indexOf(c)]!;
        problems.push(
          problem('unbalanced-pairs', 'warning', { start: at, end: at + 1 }, {
            zh: isOpen ? `“${c}”没有对应的“${partner}”（同一段落内的${pair.name}应成对）` : `“${c}”前面没有对应的“${partner}”（同一段落内的${pair.name}应成对）`,
            en: isOpen ? `“${c}” has no matching “${partner}” in this paragraph` : `“${c}” has no matching “${partner}” before it in this paragraph`,
          }),
        );
      }
    }
    return problems;
  },
};
