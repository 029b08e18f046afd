/**
 * The example reports published the way reports are, and their text got back with real converters
 * (test/fixtures/renderings/, made by scripts/renderings.ts): LibreOffice's PDF through pdftotext
 * -layout and -raw, the web page through Chromium's innerText, html2text, w3m, lynx and pandoc.
 * Every rendering exports the numbers of its seed. A blank cell has no place in some of these texts
 * (a PDF's text, lynx): where the seed itself leaves cells blank, the rendering may leave the cells
 * around them unread — never read them wrong.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { TablesExport, exportTables } from '../../server/src/features/tablesExport';
import { ROOT, SEED_NAMES, SeedName, readSeed } from '../helpers';

const TRUTH: Record<string, TablesExport> = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', 'truth.json'), 'utf8'));
/** Real reports rendered with their hand-read tables (both formats; blank cells, missing rows, a wrong 总计 column). */
const REAL = ['pingtan-zonghe-shiyanqu-2025', 'pingtan-haitan-pianqu-2025', 'pingtan-gongan-ju-2019', 'pingtan-suping-pianqu-2020'];

const DIR = path.join(ROOT, 'test', 'fixtures', 'renderings');

const FORMS = ['layout.txt', 'raw.txt', 'innertext.txt', 'html2text.md', 'w3m.txt', 'lynx.txt', 'pandoc.txt'] as const;

/** Cells a rendering may leave unread, and why: the seed's own blanks have no place in that text. */
const UNREAD: Partial<Record<`${SeedName}.${(typeof FORMS)[number]}`, number>> = {
  // table 四's first block is blank: its ten numbers could stand in any two blocks (PDF text, lynx)
  'litong-2021.layout.txt': 10,
  'litong-2021.lynx.txt': 10,
  'shizuishan-office-2023.layout.txt': 10,
  'shizuishan-office-2023.raw.txt': 10,
  'shizuishan-office-2023.lynx.txt': 10,
  // the same, and rows the seed gives short (一 of 7 cells blank) whose numbers single-spaced cannot be placed
  'litong-2021.raw.txt': 18,
  'wuwei-2023.raw.txt': 11,
};

function cells(e: TablesExport): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [row, values] of Object.entries(e.table2 ?? {})) for (const [col, v] of Object.entries(values)) out.set(`二/${row}/${col}`, v);
  for (const [key, values] of Object.entries(e.table3 ?? {})) values.forEach((v, k) => out.set(`三/${key}/${k}`, v));
  (e.table4 ?? []).forEach((v, k) => out.set(`四/${k}`, v));
  return out;
}

/**
 * The rows short of cells whose numbers are all 0, filled in by their sums (`inferred`: cells without
 * text, at the row's end — where the missing ones stood is not known, only that they are 0).
 */
function filledRows(a: ReturnType<typeof analyze>): Set<string> {
  const out = new Set<string>();
  const { table3, table4 } = a.report.tables;
  for (const [key, row] of table3?.rows ?? []) if (row.cells.some((c) => c?.inferred)) out.add(`三/${key}/`);
  if (table4?.cells.some((c) => c?.inferred)) out.add('四/');
  return out;
}

describe('the seeds rendered by real converters export the seeds’ numbers', () => {
  for (const seed of SEED_NAMES) {
    const want = cells(exportTables(analyze(readSeed(seed)).report));
    for (const form of FORMS) {
      it(`${seed}.${form}`, () => {
        const a = analyze(fs.readFileSync(path.join(DIR, `${seed}.${form}`), 'utf8'));
        assert.deepEqual(a.failures, []);
        const got = cells(exportTables(a.report));
        const filled = filledRows(a);
        const wrong: string[] = [];
        let unread = 0;
        for (const [key, value] of want) {
          const g = got.has(key) ? got.get(key) : 'missing';
          if (g === value) continue;
          if (g === null && value !== null) unread++;
          // a blank of the seed whose place the rendering lost, in a row of zeros: the sums fill it with 0
          else if (g === 0 && value === null && filled.has(key.slice(0, key.lastIndexOf('/') + 1))) continue;
          else wrong.push(`${key}: ${String(g)} for ${String(value)}`);
        }
        assert.deepEqual(wrong, []);
        assert.ok(unread <= (UNREAD[`${seed}.${form}`] ?? 0), `${unread} cells unread`);
      });
    }
  }
});

/**
 * The cells a rendering reads otherwise than the hand-read tables: none may differ, but for a page's
 * blank cell in a row of zeros whose place the text lost (pdftotext -raw, a browser's copy, lynx),
 * which the sums fill with 0.
 */
function misread(a: ReturnType<typeof analyze>, want: Map<string, number | null>): string[] {
  const got = cells(exportTables(a.report));
  const filled = filledRows(a);
  const wrong: string[] = [];
  for (const [key, value] of want) {
    const g = got.has(key) ? got.get(key) : 'missing';
    if (g === value) continue;
    if (g === 0 && value === null && filled.has(key.slice(0, key.lastIndexOf('/') + 1))) continue;
    wrong.push(`${key}: ${String(g)} for ${String(value)}`);
  }
  return wrong;
}

describe('real reports rendered with their hand-read tables export those tables', () => {
  for (const name of REAL) {
    const want = cells(TRUTH[name + '.txt']!);
    for (const form of FORMS) {
      it(`${name}.${form}`, () => {
        const a = analyze(fs.readFileSync(path.join(DIR, `${name}.${form}`), 'utf8'));
        assert.equal(exportTables(a.report).format, TRUTH[name + '.txt']!.format);
        assert.deepEqual(misread(a, want), []);
      });
    }
  }
});

describe('a real web page (its article, as published) copied by a browser and the common converters', () => {
  const name = 'pingtan-jinjing-pianqu-2024';
  const want = cells(TRUTH[name + '.html']!);
  for (const form of ['innertext.txt', 'html2text.md', 'w3m.txt', 'lynx.txt', 'pandoc.txt']) {
    it(`${name}.page.${form}: the tables read by hand, the page's defects`, () => {
      const a = analyze(fs.readFileSync(path.join(DIR, `${name}.page.${form}`), 'utf8'));
      // the 商业企业 cell of row 四 is a <td><br/></td>: a browser's copy and lynx lose where it stood
      assert.deepEqual(misread(a, want), []);
      const errors = a.problems.filter((p) => p.severity === 'error').map((p) => p.rule).sort();
      // [shape] no 规章 row; [cells] the blank 商业企业 cell of row 四 (where its place is lost: the row is short)
      assert.equal(errors.filter((r) => r === 'table-row-missing').length, 1);
      assert.equal(errors.filter((r) => r === 'cell-empty' || r === 'table-shape').length, 1);
      assert.equal(errors.length, 2, errors.join());
      assert.ok(a.problems.some((p) => p.rule === 'section-title-nonstandard'), '[title] 五');
    });
  }
});

describe('the renderings of the cleanest seeds say what the seeds say', () => {
  for (const seed of ['wuzhong-2023', 'tongxin-2022'] as const) {
    for (const form of FORMS) {
      it(`${seed}.${form}: no error, no warning about the tables`, () => {
        const a = analyze(fs.readFileSync(path.join(DIR, `${seed}.${form}`), 'utf8'));
        const said = a.problems.filter((p) => p.severity === 'error' || (p.severity === 'warning' && /^(table-|cell-|T3-|T4-|TXT-table)/.test(p.rule)));
        assert.deepEqual(said.map((p) => `${p.rule}: ${p.message.zh}`), []);
        assert.deepEqual(a.report.sections.map((s) => s.spec.id), [1, 2, 3, 4, 5, 6]);
      });
    }
  }
});
