/** A row label of table 二 or 三 a character or two off the format's (属于行政执法案件 for 属于行政执法案卷, 规范性文件 for 行政规范性文件). */
import { table3RowLabel } from '../format/national';
import { toHalfWidth } from '../parse/text';
import type { Problem, RuleContext } from './types';
import { defineRule, ruleMemo } from './helpers';

/** A label's own words: numbering, white space and brackets set aside (the same for the format's label). */
function words(label: string): string {
  return toHalfWidth(label)
    .replace(/\s+/g, '')
    .replace(/^(?:[一二三四五六七八九十]{1,2}[、.]|\([一二三四五六七八九十]{1,2}\)|\d{1,2}[.、])/, '')
    .replace(/[“”"'‘’]/g, '');
}

/** The format's labels in their own words, by label (the format never changes). */
const WORDS = new Map<string, string>();
function wordsOf(label: string): string {
  let w = WORDS.get(label);
  if (w === undefined) WORDS.set(label, (w = words(label)));
  return w;
}

/** The format's label of each row of table 三, worked out once per row of the format. */
const STANDARD = new WeakMap<object, string>();
function standardOf(spec: Parameters<typeof table3RowLabel>[0]): string {
  let label = STANDARD.get(spec);
  if (label === undefined) STANDARD.set(spec, (label = table3RowLabel(spec)));
  return label;
}

/** How many characters differ between two strings of the same length. */
function differences(a: string, b: string): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) n++;
  return n;
}

export const tableRowLabel = defineRule(
  {
    id: 'table-row-label',
    severity: 'information',
    description: {
      zh: '表二、表三某一行的行名与国家格式相差一两个字（如“属于行政执法案件”应为“属于行政执法案卷”，“规范性文件”应为“行政规范性文件”）。',
      en: 'A row label of table 二 or 三 is a character or two off the format’s (e.g. 属于行政执法案件 for 属于行政执法案卷, 规范性文件 for 行政规范性文件).',
    },
    reads: 'tables',
  },
  (report, ctx) => {
    const problems: Problem[] = [];
    const t2 = report.tables.table2;
    if (t2) {
      for (const spec of t2.specs) {
        const row = t2.rows.get(spec.label);
        // the label as the model found it (in run-together text, without the sub-table's heading before it)
        if (!row || row.observed.labelCells.length === 0 || row.observed.rows.length !== 1) continue;
        const written = report.tree.text.slice(row.labelSpan.start, row.labelSpan.end);
        const p = note(ctx, written, row.labelSpan.start, spec.label, spec.label, '二');
        if (p) problems.push(p);
      }
    }
    const t3 = report.tables.table3;
    if (t3) {
      for (const spec of t3.specs) {
        const row = t3.rows.get(spec.key);
        // only a label that stands in a cell of its own on one line (a group label before it in a cell of its own: （三）不予公开⇥7.…)
        if (!row || row.observed.labelCells.length === 0 || row.observed.rows.length !== 1) continue;
        const cell = row.observed.labelCells[row.observed.labelCells.length - 1]!;
        const standard = standardOf(spec);
        const p = note(ctx, cell.text, cell.start, standard, spec.label, '三');
        if (p) problems.push(p);
      }
    }
    return problems;
  },
);

/**
 * Where a written label a character or two off the format's `standard` has its own words (the
 * numbering before them kept as written), or -1 when it is not such a label: one or two characters
 * other (属于行政执法案件), or one or two left out at the start or added at an end (规范性文件 for 行政规范性文件).
 */
function whereOff(written: string, standard: string): number {
  const want = wordsOf(standard);
  // its words stand whole in the cell
  if (written.includes(want) || want.length < 4) return -1;
  const own = words(written);
  if (own === want || own.length < 2) return -1;
  const off =
    own.length === want.length
      ? differences(own, want)
      : // words left out at the start (a label cut at its end is a label wrapped onto the next line: …公开申 / 请)
        Math.abs(own.length - want.length) <= 2 && (want.endsWith(own) || own.endsWith(want) || own.startsWith(want))
        ? Math.abs(own.length - want.length)
        : 0;
  if (off === 0 || off > 2) return -1;
  return Math.max(0, written.indexOf(own[0]!));
}

/** whereOff by the format's label and the written one (labels rarely change from one keystroke to the next). */
const offAt = ruleMemo<number>(2_000);

/**
 * The note on a label written at `start` that is a character or two off the format's `standard`:
 * one or two characters other (属于行政执法案件), or one or two left out at the start or added at an end
 * (规范性文件 for 行政规范性文件). `replacement`: what the fix writes in place of the label's words.
 */
function note({ problem }: RuleContext, written: string, start: number, standard: string, replacement: string, table: '二' | '三'): Problem | undefined {
  // the usual case: the format's label (without its numbering) stands whole in the cell
  if (written.includes(replacement)) return undefined;
  const at = offAt.get(`${standard}\u0001${written}`, () => whereOff(written, standard));
  if (at < 0) return undefined;
  const span = { start: start + at, end: start + written.length };
  return problem(span,
    {
      zh: `表${table}行名“${written.trim()}”与国家格式不一致，应为“${standard}”`,
      en: `Table ${table}'s row label “${written.trim()}” should read “${standard}”`,
    },
    [{ title: { zh: `改为“${replacement}”`, en: `Use “${replacement}”` }, edits: [{ span, newText: replacement }] }],
  );
}
