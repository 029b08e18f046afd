/**
 * Nine real reports as a crawler saved them (the whole article on one line), with tables read by
 * hand in truth.json (test/fixtures/real/, from ../shared/corpus/real/): --tables equals the truth
 * wherever the text settles the numbers, the defects the truth lists are found, and the reports
 * without defects get no error and no warning about their tables.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { ROOT } from '../helpers';

const DIR = path.join(ROOT, 'test', 'fixtures', 'real');

interface Truth {
  year: number;
  format: '2021' | '2019';
  table2: Record<string, Record<string, number | null>>;
  table3: Record<string, (number | null)[]>;
  table4: (number | null)[];
  known_defects: string[];
}

const TRUTH: Record<string, Truth> = JSON.parse(fs.readFileSync(path.join(DIR, 'truth.json'), 'utf8'));
const FILES = Object.keys(TRUTH).filter((f) => f.endsWith('.txt'));

/** The rules that speak of the tables (a report without defects gets none of their errors or warnings). */
const TABLE_RULES = /^(table-|cell-|T3-|T4-|TXT-table)/;

/** What each report's checks must say: the errors exactly (rule and count), and warnings that must be there. */
const EXPECTED: Record<string, { errors: Record<string, number>; warnings?: string[] }> = {
  // [structure] 一 has three sub-items, [period] 2024年制作、获取政府信息总数467条 in the report for 2025
  'pingtan-caizheng-jinrong-ju-2025.txt': { errors: {}, warnings: ['overview-subitem-missing', 'period-stale-year'] },
  // [cells] the 商业企业 cell of row 一 is blank ("0 00000": the space is the blank cell)
  'pingtan-gongan-ju-2019.txt': { errors: { 'cell-empty': 1 } },
  'pingtan-guanweihui-bangongshi-2023.txt': { errors: {} },
  // [T3-row] ×4, [shape] no 规章 row, [title] 五 and 六
  'pingtan-haitan-pianqu-2025.txt': { errors: { 'T3-row': 4, 'table-row-missing': 1 }, warnings: ['section-title-nonstandard'] },
  // [structure] no 监督保障 sub-item, [pairs] a closing ） without an opening one
  'pingtan-jiaotong-jianshe-ju-2021.txt': { errors: {}, warnings: ['overview-subitem-missing', 'unbalanced-pairs'] },
  // [shape] no 规章 row, [cells] row 四 has six digits for seven cells, [title] 五
  'pingtan-jinjing-pianqu-2024.txt': { errors: { 'table-row-missing': 1, 'table-shape': 1 }, warnings: ['section-title-nonstandard'] },
  // [shape] no 规章 row, [TXT-table] 其他处理 2 件 in the prose, 4 in the table, [fee] 不向申请人收取任何费用 while （六）2 = 2
  'pingtan-shichang-jiandu-guanli-ju-2025.txt': { errors: { 'table-row-missing': 1 }, warnings: ['TXT-table', 'fee-contradiction'] },
  // [structure] wrapped in a covering letter, no title of its own
  'pingtan-suping-pianqu-2020.txt': { errors: {}, warnings: ['title-incomplete'] },
  'pingtan-zonghe-shiyanqu-2025.txt': { errors: {} },
};

function check(file: string) {
  const a = analyze(fs.readFileSync(path.join(DIR, file), 'utf8'));
  return { a, e: exportTables(a.report) };
}

describe('real reports, flattened by a crawler: the tables as read by hand', () => {
  for (const file of FILES) {
    it(`${file}: --tables equals the truth wherever the text settles the numbers`, () => {
      const { a, e } = check(file);
      const truth = TRUTH[file]!;
      assert.equal(e.format, truth.format);
      assert.equal(a.report.year, truth.year);
      const merged = new Set<string>();
      const t2 = a.report.tables.table2;
      for (const [label, row] of t2?.rows ?? []) if (row.merged) merged.add(`二/${label}`);
      // table 二: every cell as the truth has it, but for runs of digits that no sum settles (said by cell-run-together)
      assert.deepEqual(Object.keys(e.table2 ?? {}), Object.keys(truth.table2));
      for (const [label, cells] of Object.entries(truth.table2)) {
        for (const [column, value] of Object.entries(cells)) {
          const got = e.table2![label]![column];
          // where the readings of a run agree on a cell it is read (4500 as 45|0|0 or 4|50|0: the last is 0), else left unread
          if (merged.has(`二/${label}`)) assert.ok(got === null || got === value, `${label} ${column}: ${got} — unread or right, never guessed`);
          else assert.equal(got, value, `${label} ${column}`);
        }
      }
      // table 三 and 四: every cell — the sums settle them all — except a blank whose place the text lost
      // (a row of six digits for seven cells, all 0: read as 0, the row still short)
      assert.deepEqual(Object.keys(e.table3 ?? {}), Object.keys(truth.table3));
      for (const [key, values] of Object.entries(truth.table3)) {
        const got = e.table3![key]!;
        const lost = a.report.tables.table3!.rows.get(key)?.shape === 'short';
        values.forEach((v, k) => assert.equal(got[k], v === null && lost ? 0 : v, `${key}[${k}]`));
      }
      assert.deepEqual(e.table4, truth.table4);
    });
  }
});

describe('real reports: their defects found, nothing false said', () => {
  for (const file of FILES) {
    it(`${file}: ${TRUTH[file]!.known_defects.length} known defects`, () => {
      const { a } = check(file);
      assert.deepEqual(a.failures, []);
      const errors: Record<string, number> = {};
      for (const p of a.problems) if (p.severity === 'error') errors[p.rule] = (errors[p.rule] ?? 0) + 1;
      const want = EXPECTED[file]!;
      assert.deepEqual(errors, want.errors);
      const warnings = new Set(a.problems.filter((p) => p.severity === 'warning').map((p) => p.rule));
      for (const w of want.warnings ?? []) assert.ok(warnings.has(w), `${file}: warning ${w}`);
      if (TRUTH[file]!.known_defects.length === 0) {
        assert.deepEqual(
          a.problems.filter((p) => p.severity !== 'information' && p.severity !== 'hint').map((p) => p.rule),
          [],
          'a report without defects: no error, no warning',
        );
      }
      // no warning about the tables that the truth does not list
      const tableWarnings = a.problems.filter((p) => p.severity === 'warning' && TABLE_RULES.test(p.rule)).map((p) => p.rule);
      assert.deepEqual(tableWarnings.filter((r) => !(want.warnings ?? []).includes(r)), []);
    });
  }

  it('finds the count dated the year before (caizheng: 2024年制作、获取政府信息总数467条 in the report for 2025)', () => {
    const { a } = check('pingtan-caizheng-jinrong-ju-2025.txt');
    const stale = a.problems.filter((p) => p.rule === 'period-stale-year');
    assert.deepEqual(stale.map((p) => a.text.slice(p.span.start, p.span.end)), ['2024年制作、获取政府信息总数467条']);
  });

  it('notes the preamble’s list of five parts in a report of six (gongan)', () => {
    const { a } = check('pingtan-gongan-ju-2019.txt');
    const notes = a.problems.filter((p) => p.rule === 'preamble-parts');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.message.zh, /其他需要报告的事项/);
  });

  it('notes the preambles that do not cite 国办公开办函〔2021〕30号, and only those (haitan, jiaotong: the 2019 notice)', () => {
    const noted = FILES.filter((f) => check(f).a.problems.some((p) => p.rule === 'format-citation-missing'));
    // caizheng and shichang do not cite it either (the truth does not list it for them); the others do, or are older
    assert.deepEqual(noted, ['pingtan-caizheng-jinrong-ju-2025.txt', 'pingtan-haitan-pianqu-2025.txt', 'pingtan-jiaotong-jianshe-ju-2021.txt', 'pingtan-shichang-jiandu-guanli-ju-2025.txt']);
    const jiaotong = check('pingtan-jiaotong-jianshe-ju-2021.txt').a.problems.find((p) => p.rule === 'format-citation-missing')!;
    assert.match(jiaotong.message.zh, /2019 年试行格式的通知/);
  });

  it('anchors the missing 规章 row of a crawled page on the row it belongs before, and offers no row of empty cells in run-together text', () => {
    const { a } = check('pingtan-haitan-pianqu-2025.txt');
    const p = a.problems.find((q) => q.rule === 'table-row-missing')!;
    assert.equal(a.text.slice(p.span.start, p.span.end), '规范性文件');
    assert.equal(p.fixes, undefined);
  });

  it('notes the row labels a character off the format’s (shichang: 7.属于行政执法案件 for 案卷, 规范性文件)', () => {
    const { a } = check('pingtan-shichang-jiandu-guanli-ju-2025.txt');
    const notes = a.problems.filter((p) => p.rule === 'table-row-label');
    // and table 二's 规范性文件 for 行政规范性文件
    assert.deepEqual(notes.map((p) => a.text.slice(p.span.start, p.span.end)), ['规范性文件', '属于行政执法案件']);
  });

  it('reads a blank cell that a space stands for where it stands (0 00000 for seven cells)', () => {
    const { e } = check('pingtan-gongan-ju-2019.txt');
    assert.deepEqual(e.table3!['一'], [0, null, 0, 0, 0, 0, 0]);
  });

  it('settles digits run together by the sums: a row total, the column sums, table 四’s blocks', () => {
    const { e } = check('pingtan-zonghe-shiyanqu-2025.txt');
    assert.deepEqual(e.table3!['一'], [151, 3, 0, 0, 0, 0, 154]);
    // 330000033 is also 3 | 30 | … | 33 by its row; only the column sums rule that out
    assert.deepEqual(e.table3!['三.一'], [33, 0, 0, 0, 0, 0, 33]);
    // 4910000502.没有现成信息: the 2 is the next row's numbering
    assert.deepEqual(e.table3!['三.四.1'], [49, 1, 0, 0, 0, 0, 50]);
    assert.deepEqual(e.table4, [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3]);
    const s = check('pingtan-shichang-jiandu-guanli-ju-2025.txt').e;
    // 17 digits for 15 cells: only one reading keeps each block's sum
    assert.deepEqual(s.table4, [10, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // …20000022025年，我局…: the year of the prose after it is not the table's
    assert.deepEqual(s.table3!['四'], [2, 0, 0, 0, 0, 0, 2]);
  });

  it('says once per table where digits cannot be told apart, and never guesses them', () => {
    const { a, e } = check('pingtan-zonghe-shiyanqu-2025.txt');
    assert.deepEqual(e.table2!['行政规范性文件'], { 本年制发件数: null, 本年废止件数: null, 现行有效件数: null });
    const said = a.problems.filter((p) => p.rule === 'cell-run-together');
    assert.equal(said.length, 1);
    assert.equal(said[0]!.severity, 'information');
    assert.equal(a.text.slice(said[0]!.span.start, said[0]!.span.end), '5845546');
  });

  it('finds the six sections inline in the one line, and the sub-items of 一', () => {
    const { a } = check('pingtan-zonghe-shiyanqu-2025.txt');
    assert.deepEqual(a.report.sections.map((s) => s.spec.id), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(a.report.byId.get(1)!.subheadings.map((s) => s.ordinal), [1, 2, 3, 4, 5]);
    assert.equal(a.text.slice(a.report.byId.get(2)!.heading.start, a.report.byId.get(2)!.heading.end), '二、主动公开政府信息情况');
  });
});
