/** A row label of table 三 that differs from the format's by a character or two (属于行政执法案件 for 属于行政执法案卷). */
import { table3RowLabel } from '../format/national';
import { toHalfWidth } from '../parse/text';
import type { Problem, Rule } from './types';
import { problem } from './util';

/** A label's own words: numbering, white space and brackets set aside (the same for the format's label). */
function words(label: string): string {
  return toHalfWidth(label)
    .replace(/\s+/g, '')
    .replace(/^(?:[一二三四五六七八九十]{1,2}[、.]|\([一二三四五六七八九十]{1,2}\)|\d{1,2}[.、])/, '')
    .replace(/[“”"'‘’]/g, '');
}

/** The format's labels in their own words, worked out once per row of the format (the format never changes). */
const STANDARD = new WeakMap<object, { label: string; words: string }>();
function standardOf(spec: Parameters<typeof table3RowLabel>[0]): { label: string; words: string } {
  let known = STANDARD.get(spec);
  if (!known) {
    const label = table3RowLabel(spec);
    known = { label, words: words(label) };
    STANDARD.set(spec, known);
  }
  return known;
}

/** How many characters differ between two strings of the same length. */
function differences(a: string, b: string): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) n++;
  return n;
}

export const tableRowLabel: Rule = {
  meta: {
    id: 'table-row-label',
    severity: 'information',
    description: {
      zh: '表三某一行的行名与国家格式相差一两个字（如“属于行政执法案件”应为“属于行政执法案卷”）。',
      en: 'A row label of table 三 differs from the format’s by a character or two (e.g. 属于行政执法案件 for 属于行政执法案卷).',
    },
    reads: 'tables',
  },
  check(report) {
    const t3 = report.tables.table3;
    if (!t3) return [];
    const problems: Problem[] = [];
    for (const spec of t3.specs) {
      const row = t3.rows.get(spec.key);
      // only a label that stands in a cell of its own on one line (a group label before it in a cell of its own: （三）不予公开⇥7.…)
      if (!row || row.observed.labelCells.length === 0 || row.observed.rows.length !== 1) continue;
      const cell = row.observed.labelCells[row.observed.labelCells.length - 1]!;
      const { label: standard, words: want } = standardOf(spec);
      // the usual case: the format's words stand whole in the cell
      if (cell.text.includes(want)) continue;
      const own = words(cell.text);
      if (own === want || own.length !== want.length || want.length < 4) continue;
      const n = differences(own, want);
      if (n === 0 || n > 2) continue;
      // the label's text from its own words on (the numbering kept as written)
      const at = cell.text.indexOf(own[0]!);
      const span = { start: cell.start + Math.max(0, at), end: cell.end };
      problems.push(
        problem(
          'table-row-label',
          'information',
          span,
          {
            zh: `表三行名“${cell.text.trim()}”与国家格式不一致，应为“${standard}”`,
            en: `Table 三's row label “${cell.text.trim()}” should read “${standard}”`,
          },
          [{ title: { zh: `改为“${spec.label}”`, en: `Use “${spec.label}”` }, edits: [{ span, newText: spec.label }] }],
        ),
      );
    }
    return problems;
  },
};
