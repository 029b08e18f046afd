import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { previousYear } from '../../server/src/crossYear';
import { compareReports, comparisonText } from '../../server/src/features/compare';
import { previousYearOf, readSeed } from '../helpers';

const now = () => analyze(readSeed('wuzhong-2023'));
const before = (text = previousYearOf(readSeed('wuzhong-2023'))) => previousYear(analyze(text), 'file:///r/wuzhong-2022.txt', 'wuzhong-2022.txt');

describe('comparison with last year', () => {
  it('gives every cell with its change, and flags a count from 0 to hundreds and a total fallen by more than half', () => {
    const c = compareReports(now(), before());
    assert.equal(c.year, 2023);
    assert.equal(c.previous.year, 2022);
    assert.equal(c.notYearBefore, undefined);
    assert.equal(c.cells.length, 200, 'every cell of the three tables the reports have');
    const cell = (name: string) => c.cells.find((x) => x.name === name)!;
    assert.deepEqual(
      (({ now, before, change, percent, flag }) => ({ now, before, change, percent, flag }))(cell('表三一·自然人')),
      { now: 343, before: 300, change: 43, percent: 14.3, flag: undefined },
    );
    assert.equal(cell('表三（一）·自然人').flag, 'fromZero');
    assert.equal(cell('表三（一）·自然人').percent, undefined, 'no percent of 0');
    assert.equal(cell('表四·行政复议·总计').flag, 'halved');
    // not flagged: a part (not a total) falling by more than half, a count from 0 to 1
    assert.equal(cell('表四·行政复议·结果纠正').flag, undefined);
    assert.equal(cell('表三一·商业企业').flag, undefined);
    assert.equal(c.flagged, 3);
    assert.deepEqual(c.cells.filter((x) => x.flag).map((x) => x.name), ['表三（一）·自然人', '表三（一）·总计', '表四·行政复议·总计']);
    // places in both reports
    const n = cell('表三一·自然人');
    assert.equal(n.nowRange!.start.line, 46);
    assert.equal(n.beforeRange!.start.line, 46);
  });

  it('lists the paragraphs copied from last year (numbers aside), not the ones written anew', () => {
    const c = compareReports(now(), before());
    assert.ok(c.paragraphs.length >= 10);
    assert.ok(c.paragraphs.every((p) => p.similarity >= 0.7 && p.similarity <= 1));
    const overview = c.paragraphs.find((p) => p.now.startsWith('（一）主动公开情况'))!;
    assert.equal(overview.similarity, 1, 'the same but for its year');
    assert.ok(!c.paragraphs.some((p) => /^(一是|二是|三是)/.test(p.now)), 'section 五 was written anew');
    // a paragraph of the same length but other words is not similar
    const other = before(previousYearOf(readSeed('wuzhong-2023')).replace(/^（一）主动公开情况。.*$/m, '（一）主动公开情况。本年度围绕中心工作，以群众关切为导向，丰富公开形式，拓展公开渠道，加强解读回应，提升公开质效，取得明显成效。'));
    assert.ok(!compareReports(now(), other).paragraphs.some((p) => p.now.startsWith('（一）主动公开情况')));
  });

  it('says when the reports are not of consecutive years, and keeps cells only last year’s report has', () => {
    const old = readSeed('wuzhong-2023').replace(/2023/g, '2020');
    const c = compareReports(now(), before(old));
    assert.equal(c.notYearBefore, true);
    const noTable4 = readSeed('wuzhong-2023').replace(/^9\t8\t3\t2\t22.*$/m, '');
    const d = compareReports(analyze(noTable4), before());
    const gone = d.cells.find((x) => x.name === '表四·行政复议·总计')!;
    assert.deepEqual([gone.now, gone.before, gone.nowRange], [null, 50, undefined]);
  });

  it('as text: flagged cells first, then every change, then the copied paragraphs', () => {
    const text = comparisonText(compareReports(now(), before()), 'wuzhong-2023.txt', 'wuzhong-2022.txt', 'zh');
    const lines = text.split('\n');
    assert.equal(lines[0], 'wuzhong-2023.txt（2023 年）与上一年度 wuzhong-2022.txt（2022 年）比较');
    assert.equal(lines[1], '统计表：200 格中 14 格有变化，3 格变化异常');
    assert.equal(lines[2], '  ⚠ 表三（一）·自然人  0 → 144  从 0 增至上百，请核实  (wuzhong-2023.txt:49)');
    assert.equal(lines[4], '  ⚠ 表四·行政复议·总计  50 → 22  −56.0%  总计减少过半，请核实  (wuzhong-2023.txt:78)');
    assert.equal(lines[5], '    表三一·自然人  300 → 343  +14.3%  (wuzhong-2023.txt:47)');
    assert.ok(lines.some((l) => /^ {2}100% {2}wuzhong-2023\.txt:11 ↔ wuzhong-2022\.txt:11 {2}（一）主动公开情况/.test(l)));
    assert.match(comparisonText(compareReports(now(), before()), 'a', 'b', 'en'), /^a \(2023\) compared with b \(2022\)\nTables: 14 cells of 200 changed, 3 flagged/);
  });
});
