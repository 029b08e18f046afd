/**
 * Every number of tables 三 and 四, in the real reports and in the space-aligned
 * and Markdown layouts: changed by +1 it must be caught (an error whose range or
 * related places include the cell); blanked it must give the empty-cell error there.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/check';
import { indexCells } from '../../../server/src/model/cellIndex';
import type { Problem } from '../../../server/src/rules/types';
import type { Span } from '../../../server/src/parse/text';
import { ROOT, SEED_NAMES, readSeed } from '../../helpers';

const DOCS: { name: string; text: string; layout: 'tab' | 'space' | 'pipe' }[] = [
  ...SEED_NAMES.map((n) => ({ name: n, text: readSeed(n), layout: 'tab' as const })),
  { name: 'wuzhong-2023.space.txt', text: fs.readFileSync(path.join(ROOT, 'test/fixtures/layouts/wuzhong-2023.space.txt'), 'utf8'), layout: 'space' },
  { name: 'wuzhong-2023.md', text: fs.readFileSync(path.join(ROOT, 'test/fixtures/layouts/wuzhong-2023.md'), 'utf8'), layout: 'pipe' },
];

/**
 * Blanked cells whose place cannot be told: shizuishan's row 四 carries one empty
 * cell more than its neighbours (its numbers stand one column to the right), and
 * all its numbers are 0; with its 总计 blanked it reads exactly like a row with an
 * empty 自然人, and no sum tells them apart. (Its +1 mutation is caught.)
 */
const BLANK_AMBIGUOUS = new Set(['shizuishan-office-2023:表三四·总计']);

function covers(p: Problem, cell: Span): boolean {
  const hit = (s: Span) => s.start <= cell.start && cell.end <= s.end;
  return hit(p.span) || (p.related ?? []).some((r) => hit(r.span));
}

function replace(text: string, span: Span, by: string): string {
  return text.slice(0, span.start) + by + text.slice(span.end);
}

for (const doc of DOCS) {
  describe(`cell mutations of ${doc.name}`, () => {
    const base = analyze(doc.text);
    // the cells of rows short of cells are left out: a short row of zeros is read all 0 (its sums leave no other
    // reading), but which column each of its zeros stands in is not known
    const short = (c: ReturnType<typeof indexCells>[number]) =>
      c.table === '三' ? base.report.tables.table3!.rows.get(c.row)!.shape === 'short' : base.report.tables.table4!.shape === 'short';
    const cells = indexCells(base.report).filter((c) => (c.table === '三' || c.table === '四') && c.cell.value !== null && c.cell.issue === undefined && !short(c));

    it('has the cells to mutate', () => assert.ok(cells.length >= 100, `${cells.length} cells`));

    it('catches every number changed by +1', () => {
      const missed: string[] = [];
      for (const c of cells) {
        const raw = String(c.cell.value! + 1);
        let span: Span = { start: c.cell.start, end: c.cell.end };
        let by = raw;
        if (doc.layout === 'space') {
          // keep the columns aligned: grow to the left into the spaces, or pad
          if (raw.length > c.cell.raw.length) span = { start: c.cell.start - (raw.length - c.cell.raw.length), end: c.cell.end };
          else by = raw.padStart(c.cell.raw.length);
        }
        const mutated = replace(doc.text, span, by);
        const numberAt = span.start + by.length - raw.length;
        const a = analyze(mutated);
        const errors = a.problems.filter((p) => p.severity === 'error' && covers(p, { start: numberAt, end: numberAt + raw.length }));
        if (errors.length === 0) missed.push(`${c.name} ${c.cell.raw}→${raw}`);
      }
      assert.deepEqual(missed, []);
    });

    it('gives the empty-cell error at every blanked cell', () => {
      const missed: string[] = [];
      for (const c of cells) {
        if (BLANK_AMBIGUOUS.has(`${doc.name}:${c.name}`)) continue;
        const by = doc.layout === 'space' ? ' '.repeat(c.cell.raw.length) : '';
        const mutated = replace(doc.text, c.cell, by);
        const a = analyze(mutated);
        const line = mutated.lastIndexOf('\n', c.cell.start - 1) + 1;
        const near = (start: number) => start >= line && Math.abs(start - c.cell.start) <= 3;
        // its own problem, or (a table with many blanks) a place in the table's one problem
        const ok = a.problems.some(
          (p) =>
            p.rule === 'cell-empty' &&
            ((p.message.zh.startsWith(c.name) && near(p.span.start)) || (p.related ?? []).some((r) => r.message.zh.startsWith(c.name) && near(r.span.start))),
        );
        if (!ok) missed.push(c.name);
      }
      assert.deepEqual(missed, []);
    });
  });
}
