/**
 * What a check remembers across checks (line classes, label scores, cell texts, table models kept
 * where they stand) never changes its results: a typing session checked with everything remembered
 * gives, at every step, what a check from cold gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Analysis, analyze, clearCaches } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { tableView } from '../../server/src/features/tableView';
import { indexCells } from '../../server/src/model/cellIndex';
import { equationsOf } from '../../server/src/model/equations';
import { ROOT, SEED_NAMES, readSeed, rng } from '../helpers';

/** All a check gives: problems, the tables as exported, the table view with its problems per cell, the sums. */
function outcome(a: Analysis): string {
  const sums = equationsOf(a.report.tables).map((e) => [e.kind, e.subject, e.known, e.leftSum, e.rightSum, e.holds, e.unreadable.map((t) => t.label)]);
  const cells = indexCells(a.report).map((c) => [c.identity, c.cell.start, c.cell.end, c.cell.value]);
  return JSON.stringify([a.problems, exportTables(a.report), tableView(a, 'zh'), sums, cells]);
}

const PIECES = ['字', '1', '0', '\t', '\n', '。', '件', '（', '）', '总计', '予以公开', '  ', '行政复议', ''];

/**
 * One step of typing: a little typed, deleted or replaced at a random place (with `above`, mostly
 * before that offset), now and then inside a table; or, with chance `digits`, a number corrected (a
 * digit for another: nothing moves, only a cell's text changes).
 */
function keystroke(text: string, random: () => number, digits: number, above?: number): string {
  const at = Math.floor(random() * text.length);
  const digit = text.slice(at).search(/\d/);
  if (random() < digits && digit >= 0) {
    const d = at + digit;
    return text.slice(0, d) + String((Number(text[d]) + 1 + Math.floor(random() * 9)) % 10) + text.slice(d + 1);
  }
  const where = above !== undefined && random() < 0.7 ? Math.floor(random() * above) : at;
  const cut = random() < 0.3 ? Math.floor(random() * 4) : 0;
  return text.slice(0, where) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(where + cut);
}

/**
 * The seeds, and one seed's tables in Markdown pipes and aligned by spaces — once more with a number
 * missing in a space-aligned row, whose empty cell the model places by where the other numbers stand
 * (a cell of its own, in no physical row).
 */
function priorTexts(): { name: string; text: string }[] {
  const layouts = path.join(ROOT, 'test', 'fixtures', 'layouts');
  const space = fs.readFileSync(path.join(layouts, 'wuzhong-2023.space.txt'), 'utf8');
  const gap = space.replace(/(1\.属于国家秘密 +2 +0 +0 +)0( +0 +0 +2)/, (_m, a: string, b: string) => `${a} ${b}`);
  assert.notEqual(gap, space);
  return [
    ...SEED_NAMES.map((name) => ({ name: name as string, text: readSeed(name) })),
    { name: 'wuzhong-2023.md', text: fs.readFileSync(path.join(layouts, 'wuzhong-2023.md'), 'utf8') },
    { name: 'wuzhong-2023.space.txt', text: space },
    { name: 'wuzhong-2023.space.txt with a number missing', text: gap },
    // the layouts real text arrives in: PDF text with page breaks, a web page copied, a crawled page on one line
    ...['wuzhong-2023.layout.txt', 'litong-2021.raw.txt', 'wuwei-2023.w3m.txt', 'shizuishan-office-2023.html2text.md'].map((name) => ({
      name,
      text: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'renderings', name), 'utf8'),
    })),
    ...['pingtan-zonghe-shiyanqu-2025.txt', 'pingtan-gongan-ju-2019.txt'].map((name) => ({
      name,
      text: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', name), 'utf8'),
    })),
  ];
}

/** The table models whole, every place in them (Maps as their entries). */
function tablesJson(a: Analysis): string {
  return JSON.stringify(a.report.tables, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}

describe('remembering across checks', () => {
  it('a typing session: every step checked warm gives what a check from cold gives', () => {
    const random = rng(20261123);
    let steps = 0;
    let reused = 0;
    for (const name of SEED_NAMES) {
      let text = readSeed(name);
      // the check whose tables are kept: the one before (the cold one below, from the second step on)
      let last = analyze(text);
      for (let k = 0; k < 60; k++) {
        text = keystroke(text, random, 0.3);
        const warm = analyze(text);
        if (warm.report.tables.table3 && warm.report.tables.table3 === last.report.tables.table3) reused++;
        const expected = outcome(warm);
        clearCaches();
        last = analyze(text);
        assert.equal(outcome(last), expected, `${name}, step ${k}`);
        steps++;
      }
    }
    assert.equal(steps, 300);
    // the session did exercise the kept tables (keystrokes after table 三)
    assert.ok(reused > 30, `table 三 reused ${reused} times`);
  });

  it('a typing session with each check given the one before (`prior`, as the server does): tables moved in place ≡ built from cold', () => {
    const random = rng(20261124);
    let steps = 0;
    let moved = 0;
    for (const { name, text: start } of priorTexts()) {
      let text = start;
      let warm = analyze(text);
      for (let k = 0; k < 50; k++) {
        // most keystrokes above or between the tables, where they move
        text = keystroke(text, random, 0.2, warm.report.tables.table3?.start ?? text.length);
        const prior = warm;
        const before = prior.report.tables.table3 ? { model: prior.report.tables.table3, start: prior.report.tables.table3.start } : undefined;
        warm = analyze(text, { prior });
        if (before && warm.report.tables.table3 === before.model && warm.report.tables.table3.start !== before.start) moved++;
        const expected = outcome(warm);
        const expectedTables = tablesJson(warm);
        // from cold, and forgotten again: the next warm check has only its prior to take tables from
        clearCaches();
        const cold = analyze(text);
        clearCaches();
        assert.equal(outcome(cold), expected, `${name}, step ${k}`);
        assert.equal(tablesJson(cold), expectedTables, `${name}, step ${k}: the table models`);
        assert.equal(JSON.stringify(warm.tree), JSON.stringify(cold.tree), `${name}, step ${k}: the syntax tree`);
        steps++;
      }
    }
    assert.equal(steps, priorTexts().length * 50);
    assert.ok(moved > 100, `table 三 moved ${moved} times`);
  });

  it('never moves a table another check still holds', () => {
    const text = readSeed('wuzhong-2023');
    const a = analyze(text);
    // the same text checked again without `prior` (another document, the command line): the same models
    const b = analyze(text);
    assert.equal(b.report.tables.table3, a.report.tables.table3);
    const start = a.report.tables.table3!.start;
    const c = analyze('字' + text, { prior: b });
    assert.notEqual(c.report.tables.table3, a.report.tables.table3, 'a model two reports hold is built again, not moved');
    assert.equal(a.report.tables.table3!.start, start);
    // a model only the prior holds is moved
    const d = analyze('字字' + text, { prior: c });
    assert.equal(d.report.tables.table3, c.report.tables.table3);
    assert.equal(d.report.tables.table3!.start, start + 2);
  });

  it('keeps a table where it stands and builds it again where it moved', () => {
    const text = readSeed('wuzhong-2023');
    const first = analyze(text);
    const tail = analyze(text + '\n补充一句。');
    assert.equal(tail.report.tables.table3, first.report.tables.table3, 'an edit after the tables keeps them');
    assert.equal(tail.report.tables.table2, first.report.tables.table2);
    const head = analyze('字' + text);
    assert.notEqual(head.report.tables.table3, first.report.tables.table3, 'an edit before the tables builds them again');
    assert.equal(head.report.tables.table3!.start, first.report.tables.table3!.start + 1);
    const inside = text.indexOf('(七) 总计');
    assert.ok(inside > first.report.tables.table3!.start);
    const edited = analyze(text.slice(0, inside) + '字' + text.slice(inside));
    assert.notEqual(edited.report.tables.table3, first.report.tables.table3, 'an edit inside table 三 builds it again');
    assert.equal(edited.report.tables.table2, first.report.tables.table2, 'but keeps table 二 before it');
  });

  for (const withPrior of [false, true]) {
    it(`does not hold on to old versions of the text (2 000 keystrokes${withPrior ? ', each check given the one before' : ''}: a few MB, not one copy of the report per keystroke)`, () => {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as () => void;
      let text = readSeed('wuzhong-2023');
      let last = analyze(text);
      gc();
      const before = process.memoryUsage().heapUsed;
      let at = 200;
      for (let k = 0; k < 2000; k++) {
        if (k % 50 === 0) at = Math.floor((((k * 7919) % 1000) / 1000) * text.length);
        text = text.slice(0, at) + '字' + text.slice(at);
        at++;
        last = analyze(text, withPrior ? { prior: last } : {});
      }
      gc();
      const grown = (process.memoryUsage().heapUsed - before) / 1e6;
      // kept by right: the caches' entries and a few recent tables (measured ~5 MB); a cache keyed by
      // slices of each version's text held every version (measured 26 MB)
      assert.ok(grown < 15, `the heap grew by ${grown.toFixed(1)} MB`);
    });
  }
});
