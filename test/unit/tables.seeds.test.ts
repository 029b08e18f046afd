/**
 * The tables of the five real reports, read by the model, compared with the
 * numbers written here by hand from the reports themselves.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { EXPECTED, Expected } from '../fixtures/expectedTables';
import { SeedName, readSeed } from '../helpers';

describe('tables of the real reports', () => {
  for (const [name, want] of Object.entries(EXPECTED) as [SeedName, Expected][]) {
    describe(name, () => {
      const exported = exportTables(analyze(readSeed(name)).report);
      it('follows the 2021 format', () => assert.equal(exported.format, '2021'));
      it('table 二', () => assert.deepEqual(exported.table2, want.table2));
      it('table 三, row by row', () => {
        assert.deepEqual(Object.keys(exported.table3 ?? {}), Object.keys(want.table3));
        for (const key of Object.keys(want.table3)) assert.deepEqual(exported.table3![key], want.table3[key], `row ${key}`);
      });
      it('table 四', () => assert.deepEqual(exported.table4, want.table4));
    });
  }
});

describe('what the model keeps about each cell', () => {
  it('keeps the residue and the numbers in it (wuwei 行政处罚: "5 政处罚 351867")', () => {
    const text = readSeed('wuwei-2023');
    const row = analyze(text).report.tables.table2!.rows.get('行政处罚')!;
    const cell = row.cells[0]!;
    assert.equal(cell.raw, '5 政处罚 351867');
    assert.equal(text.slice(cell.start, cell.end), '5 政处罚 351867');
    assert.equal(cell.issue, 'residue');
    assert.deepEqual(cell.candidates, [5, 351867]);
  });

  it('marks an empty cell as empty, with its place (wuwei （六）1 自然人)', () => {
    const text = readSeed('wuwei-2023');
    const row = analyze(text).report.tables.table3!.rows.get('三.六.1')!;
    const cell = row.cells[0]!;
    assert.equal(cell.issue, 'empty');
    assert.equal(cell.start, cell.end);
    assert.equal(row.shape, 'ok');
  });

  it('says which rows are short (litong: （一）, （二）, 1.属于国家秘密)', () => {
    const t3 = analyze(readSeed('litong-2021')).report.tables.table3!;
    const short = [...t3.rows.values()].filter((r) => r.shape !== 'ok').map((r) => [r.spec.key, r.found.length]);
    assert.deepEqual(short, [
      ['三.一', 6],
      ['三.二', 6],
      ['三.三.1', 5],
    ]);
    assert.deepEqual(t3.unmapped, []);
  });

  it('joins a wrapped label to its row (litong "2. 其他法律行政" + "法规禁止公开")', () => {
    const text = readSeed('litong-2021');
    const row = analyze(text).report.tables.table3!.rows.get('三.三.2')!;
    assert.equal(row.label.replace(/\s/g, ''), '2.其他法律行政法规禁止公开');
    assert.equal(row.observed.rows.length, 2);
  });

  it('maps a garbled label by its position (wuwei "PUTF")', () => {
    const row = analyze(readSeed('wuwei-2023')).report.tables.table3!.rows.get('三.四.2')!;
    assert.match(row.label, /PUTF/);
  });
});
