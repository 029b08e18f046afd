/**
 * The same report in other layouts (space-aligned columns as copied from a PDF
 * viewer, Markdown pipe tables) exports the same numbers; small focused cases.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { parse } from '../../server/src/parse/parser';
import type { TableNode } from '../../server/src/parse/syntax';
import { EXPECTED } from '../fixtures/expectedTables';
import { ROOT, blankLine, readSeed } from '../helpers';

function layout(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'layouts', name), 'utf8');
}

describe('wuzhong-2023 in other layouts', () => {
  for (const file of ['wuzhong-2023.space.txt', 'wuzhong-2023.md']) {
    it(`${file} exports the numbers of the original`, () => {
      const a = analyze(layout(file));
      const e = exportTables(a.report);
      const want = EXPECTED['wuzhong-2023'];
      assert.deepEqual(e.table2, want.table2);
      assert.deepEqual(e.table3, want.table3);
      assert.deepEqual(e.table4, want.table4);
      assert.deepEqual(a.problems, [], 'no problems, as in the original');
    });
  }

  it('reads the space-aligned tables as space layout, with wrapped labels joined', () => {
    const a = analyze(layout('wuzhong-2023.space.txt'));
    const layouts = a.tree.blocks.filter((b): b is TableNode => b.kind === 'table').map((t) => t.layout);
    assert.ok(layouts.length > 0 && layouts.every((l) => l === 'space'), layouts.join());
    const row = a.report.tables.table3!.rows.get('三.六.2')!;
    assert.equal(row.label.replace(/\s/g, ''), '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    assert.equal(row.observed.rows.length, 3);
  });
});

describe('tables whose headings are lost', () => {
  for (const heading of ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
    it(`still reads every table when "${heading}" is deleted`, () => {
      const e = exportTables(analyze(blankLine(readSeed('wuzhong-2023'), heading)).report);
      const want = EXPECTED['wuzhong-2023'];
      assert.deepEqual(e.table2, want.table2);
      assert.deepEqual(e.table3, want.table3);
      assert.deepEqual(e.table4, want.table4);
    });
  }
});

const T3_HEAD = 'X县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n';

describe('focused table layouts', () => {
  it('splits space-aligned cells on runs of spaces, and numbers on single spaces', () => {
    const tree = parse('规章      2   0   3\n一、本年新收政府信息公开申请数量 343 1 0 0 0 0 344\n');
    const t = tree.blocks[0] as TableNode;
    assert.equal(t.layout, 'space');
    assert.deepEqual(t.rows[0]!.cells.map((c) => c.text), ['规章', '2', '0', '3']);
    assert.deepEqual(t.rows[1]!.cells.map((c) => c.text), ['一、本年新收政府信息公开申请数量', '343', '1', '0', '0', '0', '0', '344']);
    const cell = t.rows[1]!.cells[7]!;
    assert.equal(tree.text.slice(cell.start, cell.end), '344');
  });

  it('does not take prose with a double space for a table', () => {
    const tree = parse('2023年，全市共收到申请261件，  年内答复260件。\n');
    assert.equal(tree.blocks[0]!.kind, 'paragraph');
  });

  it('reads numbers on the line before their label (space layout)', () => {
    const text = T3_HEAD + '一、本年新收政府信息公开申请数量   5  0  0  0  0  0  5\n三、本年     4  0  0  0  0  0  4\n  （一）予以公开\n';
    const t3 = analyze(text).report.tables.table3!;
    assert.deepEqual(t3.rows.get('三.一')!.cells.map((c) => c?.value), [4, 0, 0, 0, 0, 0, 4]);
  });

  it('reads a label on the line before its numbers', () => {
    const text = T3_HEAD + '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n（一）予以公开\n\t3\t0\t0\t0\t0\t0\t3\n';
    const t3 = analyze(text).report.tables.table3!;
    assert.deepEqual(t3.rows.get('三.一')!.cells.map((c) => c?.value), [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(t3.rows.get('二')!.cells.map((c) => c?.value), [1, 0, 0, 0, 0, 0, 1]);
  });

  it('reads a label split over several cells and full-width digits', () => {
    const text = T3_HEAD + '一、本\t(年新)\t收政府信息公开申请数量\t１２\t0\t0\t0\t0\t0\t１２\n';
    const row = analyze(text).report.tables.table3!.rows.get('一')!;
    assert.deepEqual(row.cells.map((c) => c?.value), [12, 0, 0, 0, 0, 0, 12]);
    assert.deepEqual(row.cells[0]!.notes, ['fullwidth']);
  });

  it('reads a Markdown table of table 四 with a label column', () => {
    const text = 'X县2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n| 结果维持 | 结果纠正 |\n|---|---|\n| 数量 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 2 |\n';
    assert.deepEqual(exportTables(analyze(text).report).table4, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]);
  });

  it('keeps what cannot be mapped instead of dropping it', () => {
    const text = T3_HEAD + '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n附注：另有\t9\t9\n';
    const t3 = analyze(text).report.tables.table3!;
    assert.deepEqual(t3.unmapped.map((r) => r.label), ['附注：另有']);
  });

  it('says a report with labels of the 2019 trial format follows that format', () => {
    const text = 'X县2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t5\n';
    const a = analyze(text);
    assert.equal(a.report.format, '2019');
    assert.deepEqual(a.report.oldFormatLabels.map((l) => l.label), ['本年新制作数量', '本年新公开数量', '对外公开总数量']);
    assert.equal(exportTables(a.report).format, '2019');
  });
});
