import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/check';
import { tableRowUnmapped } from '../../../server/src/rules/table-row-unmapped';
import { SEED_NAMES, readSeed } from '../../helpers';

const only = { rules: [tableRowUnmapped] };
const HEAD = 'X县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n';

describe('table-row-unmapped', () => {
  for (const name of SEED_NAMES) {
    it(`maps every row of ${name} (garbled labels included)`, () => {
      assert.deepEqual(analyze(readSeed(name), only).problems, []);
    });
  }

  it('warns on a row with numbers that fits nowhere, at the row', () => {
    const text =
      HEAD +
      '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n附注：另有\t9\t9\n';
    const a = analyze(text, only);
    assert.equal(a.problems.length, 1);
    const p = a.problems[0]!;
    assert.equal(p.severity, 'warning');
    assert.equal(text.slice(p.span.start, p.span.end), '附注：另有\t9\t9');
    assert.equal(p.message.zh, '表三中的“附注：另有”一行无法对应到国家格式的任何一行，其数字未参与勾稽校验');
  });

  it('warns on an extra row in table 二', () => {
    const text = 'X县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t1\t0\t3\n行政规范性文件\t2\t0\t5\n行政许可\t7\n行政处罚\t1\n行政强制\t0\n行政事业性收费\t1.5\n合计金额\t99\n';
    const a = analyze(text, only);
    assert.deepEqual(a.problems.map((p) => p.message.en), ['The row “合计金额” of table 二 matches no row of the national format; its numbers are not checked']);
  });
});
