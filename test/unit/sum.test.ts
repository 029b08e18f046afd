import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { TABLE2_ROWS, TABLE3_ROWS } from '../../server/src/format/national';
import { sumTables } from '../../server/src/features/sum';
import { insertSums } from '../../server/src/features/sumCompare';
import { tablesToCsv } from '../../server/src/features/tablesCsv';
import { exportTables } from '../../server/src/features/tablesExport';
import { table2Text, table3Text, table4Text } from '../../server/src/features/tablesText';
import { EXPECTED } from '../fixtures/expectedTables';
import { SEED_NAMES, SeedName, readSeed } from '../helpers';

const YEARS: Record<SeedName, number> = { 'litong-2021': 2021, 'shizuishan-office-2023': 2023, 'tongxin-2022': 2022, 'wuwei-2023': 2023, 'wuzhong-2023': 2023 };
const inputs = () => SEED_NAMES.map((name) => ({ file: `${name}.txt`, tables: exportTables(analyze(readSeed(name)).report, `${name}.txt`) }));

describe('汇总: adding up the tables of several reports', () => {
  it('adds up the 2023 seeds, leaves the others out by name, and names every place counted as 0 — checked against the hand-written numbers', () => {
    const r = sumTables(inputs());
    const of2023 = SEED_NAMES.filter((n) => YEARS[n] === 2023);
    assert.equal(r.year, 2023, 'the year most of them are of');
    assert.deepEqual(r.included, of2023.map((n) => `${n}.txt`));
    assert.deepEqual(r.excluded.map((e) => e.file).sort(), ['litong-2021.txt', 'tongxin-2022.txt']);
    assert.match(r.excluded.find((e) => e.file === 'litong-2021.txt')!.reason.zh, /2021 年的报告/);
    // the sums, computed here from the hand-written tables (null = unreadable = 0)
    for (const spec of TABLE2_ROWS) {
      for (const col of spec.columns) {
        const want = of2023.reduce((s, n) => s + (EXPECTED[n].table2[spec.label]?.[col] ?? 0), 0);
        assert.equal(r.tables.table2![spec.label]![col], Math.round(want * 10_000) / 10_000, `表二 ${spec.label} ${col}`);
      }
    }
    for (const spec of TABLE3_ROWS) {
      for (let k = 0; k < 7; k++) {
        const want = of2023.reduce((s, n) => s + (EXPECTED[n].table3[spec.key]?.[k] ?? 0), 0);
        assert.equal(r.tables.table3![spec.key]![k], want, `表三 ${spec.key} ${k}`);
      }
    }
    for (let k = 0; k < 15; k++) assert.equal(r.tables.table4![k], of2023.reduce((s, n) => s + (EXPECTED[n].table4[k] ?? 0), 0), `表四 ${k}`);
    // the places counted as 0 are exactly the hand-written nulls
    for (const n of of2023) {
      const nulls = Object.values(EXPECTED[n].table2).flatMap((row) => Object.values(row)).filter((v) => v === null).length + Object.values(EXPECTED[n].table3).flat().filter((v) => v === null).length + EXPECTED[n].table4.filter((v) => v === null).length;
      const named = r.partial.find((p) => p.file === `${n}.txt`)?.unreadable.length ?? 0;
      assert.equal(named, nulls, n);
    }
  });

  it('a given year sums that year', () => {
    const r = sumTables(inputs(), 2021);
    assert.deepEqual(r.included, ['litong-2021.txt']);
    assert.equal(r.excluded.length, 4);
  });

  it('the summed tables written in the report layout read back as the same numbers', () => {
    const sum = sumTables(inputs()).tables;
    for (const layout of ['tab', 'pipe'] as const) {
      const text = [
        '某区2023年政府信息公开工作年度报告',
        '一、总体情况',
        '正文。',
        '二、主动公开政府信息情况',
        ...table2Text(sum, layout),
        '三、收到和处理政府信息公开申请情况',
        ...table3Text(sum, layout),
        '四、政府信息公开行政复议、行政诉讼情况',
        ...table4Text(sum, layout),
        '五、存在的主要问题及改进情况',
        '正文。',
        '六、其他需要报告的事项',
        '本机关未收取信息处理费。',
      ].join('\n');
      const back = exportTables(analyze(text).report);
      assert.deepEqual(back.table2, sum.table2, layout);
      assert.deepEqual(back.table3, sum.table3, layout);
      assert.deepEqual(back.table4, sum.table4, layout);
    }
  });

  it('written into a report without tables in the line breaks of the places they go (\\r alone; \\r\\n under one heading)', () => {
    const sum = sumTables(inputs()).tables;
    const headings = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况'];
    for (const text of [`X县2023年政府信息公开工作年度报告\r一、总体情况\r内容。\r${headings.join('\r内容。\r')}\r内容。\r`, `X县2023年政府信息公开工作年度报告\n${headings[0]}\r\n${headings.slice(1).join('\n')}\n`]) {
      const a = analyze(text);
      let written = text;
      for (const e of [...insertSums(a, sum)].sort((x, y) => y.span.start - x.span.start)) written = written.slice(0, e.span.start) + e.newText + written.slice(e.span.end);
      if (!text.includes('\n')) assert.ok(!written.includes('\n'), 'no \\n in a \\r report');
      else assert.ok(written.includes(`${headings[0]}\r\n`) && !/[^\r]\n第二十条/.test(written.slice(0, written.indexOf(headings[1]))), 'table 二 in \\r\\n');
      const tables = exportTables(analyze(written).report);
      assert.deepEqual(tables.table3, sum.table3);
      assert.deepEqual(tables.table4, sum.table4);
    }
  });

  it('CSV: one line per cell, quoted where needed, with a byte order mark for Excel', () => {
    const csv = tablesToCsv([inputs().find((i) => i.file === 'wuzhong-2023.txt')!.tables]);
    assert.ok(csv.startsWith('\uFEFF文件,机关,年度,表,行键,行,列,数值\r\n'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + (2 * 3 + 4) + 25 * 7 + 15);
    assert.ok(lines.includes('wuzhong-2023.txt,吴忠市,2023,三,一,一、本年新收政府信息公开申请数量,自然人,343'));
    assert.ok(lines.includes('wuzhong-2023.txt,吴忠市,2023,二,行政事业性收费,行政事业性收费,本年收费金额,18770.9525'));
    assert.ok(lines.includes('wuzhong-2023.txt,吴忠市,2023,四,14,行政诉讼·复议后起诉,总计,4'));
    const quoted = tablesToCsv([{ file: 'a,"b".txt', format: '2021', table4: [1] }]);
    assert.ok(quoted.includes('"a,""b"".txt"'));
  });
});
