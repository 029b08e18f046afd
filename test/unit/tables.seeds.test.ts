/**
 * The tables of the five real reports, read by the model, compared with the
 * numbers written here by hand from the reports themselves.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { SeedName, readSeed } from '../helpers';

type Row = (number | null)[];
/** a row with one count, all from 自然人: n in 自然人 and in 总计, 0 elsewhere */
const only = (n: number): Row => [n, 0, 0, 0, 0, 0, n];
const zero: Row = only(0);
const N = null;

interface Expected {
  table2: Record<string, Record<string, number | null>>;
  table3: Record<string, Row>;
  table4: Row;
}

function t2(gz: Row, gf: Row, xk: number | null, cf: number | null, qz: number | null, sf: number | null): Expected['table2'] {
  const three = (r: Row) => ({ 本年制发件数: r[0]!, 本年废止件数: r[1]!, 现行有效件数: r[2]! });
  return {
    规章: three(gz),
    行政规范性文件: three(gf),
    行政许可: { 本年处理决定数量: xk },
    行政处罚: { 本年处理决定数量: cf },
    行政强制: { 本年处理决定数量: qz },
    行政事业性收费: { 本年收费金额: sf },
  };
}

/** Table 三 with every row zero except those given. */
function t3(rows: Record<string, Row>): Record<string, Row> {
  const keys = [
    '一', '二', '三.一', '三.二',
    '三.三.1', '三.三.2', '三.三.3', '三.三.4', '三.三.5', '三.三.6', '三.三.7', '三.三.8',
    '三.四.1', '三.四.2', '三.四.3',
    '三.五.1', '三.五.2', '三.五.3', '三.五.4', '三.五.5',
    '三.六.1', '三.六.2', '三.六.3', '三.七', '四',
  ];
  const out: Record<string, Row> = {};
  for (const k of keys) out[k] = rows[k] ?? zero;
  return out;
}

const EXPECTED: Record<SeedName, Expected> = {
  'wuzhong-2023': {
    table2: t2([2, 0, 3], [54, 75, 310], 380599, 508900, 4000, 18770.9525),
    table3: t3({
      一: [343, 1, 0, 0, 0, 0, 344],
      二: only(3),
      '三.一': [144, 1, 0, 0, 0, 0, 145],
      '三.二': only(53),
      '三.三.1': only(2),
      '三.三.3': only(2),
      '三.三.4': only(4),
      '三.三.5': only(8),
      '三.三.8': only(4),
      '三.四.1': only(112),
      '三.四.2': only(3),
      '三.五.1': only(2),
      '三.五.2': only(6),
      '三.六.1': only(1),
      '三.六.3': only(2), // the row that lost its leading empty cells
      '三.七': [343, 1, 0, 0, 0, 0, 344],
      四: only(3),
    }),
    table4: [9, 8, 3, 2, 22, 2, 1, 1, 1, 5, 3, 0, 1, 0, 4],
  },
  'shizuishan-office-2023': {
    table2: t2([0, 0, 0], [1, 0, 46], 0, 0, 0, 0),
    table3: t3({
      一: only(12),
      '三.一': only(2),
      '三.二': only(4),
      '三.三.3': only(1),
      '三.四.1': only(3),
      '三.六.3': only(2),
      '三.七': only(12),
    }),
    // the first five cells (行政复议) are empty; ten numbers follow
    table4: [N, N, N, N, N, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0],
  },
  'litong-2021': {
    table2: t2([0, 0, 0], [9, 173, 49], 10723, 334, 0, 3056.81805),
    table3: t3({
      一: only(3),
      // short rows: only the 总计 (the last number, equal to the sum of the others) has a certain place
      '三.一': [N, N, N, N, N, N, 2],
      '三.二': [N, N, N, N, N, N, 0],
      '三.三.1': [N, N, N, N, N, N, 0],
      // "2. 其他法律行政" + wrapped "法规禁止公开": an empty cell, then six zeros
      '三.三.2': [N, 0, 0, 0, 0, 0, 0],
      '三.五.1': only(1),
      '三.七': only(3),
    }),
    table4: [N, N, N, N, N, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  },
  'wuwei-2023': {
    // 政许可 421808, 5 政处罚 351867, 「政强制 1129, 元 政事业性收费 22910: not clean numbers
    table2: t2([1, 0, 4], [2, 0, 26], N, N, N, N),
    table3: t3({
      一: [255, 4, 0, 0, 0, 0, 259],
      二: only(2),
      '三.一': [162, 2, 0, 0, 0, 0, 164],
      '三.二': [0, 2, 0, 0, 0, 0, 2],
      '三.三.1': only(10),
      '三.三.2': only(1),
      '三.四.1': only(80),
      '三.四.2': zero, // label garbled to "PUTF"
      '三.六.1': [N, 0, 0, 0, 0, 0, 3],
      '三.六.2': [N, 0, 0, 0, 0, 0, 0],
      '三.七': [256, 4, 0, 0, 0, 0, 260],
      四: only(1),
    }),
    table4: [3, 7, 0, 0, 10, 2, 1, 0, 0, 3, 0, 0, 0, 0, 0],
  },
  'tongxin-2022': {
    table2: t2([0, 0, 0], [1, 1, 28], 12733, 2948, 982, 2041.5531),
    table3: t3({
      一: only(16),
      '三.一': only(14), // its numbers stand on the line before its label
      '三.四.1': only(2),
      '三.七': only(16),
    }),
    table4: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  },
};

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
