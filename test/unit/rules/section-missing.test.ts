import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/check';
import { sectionMissing } from '../../../server/src/rules/section-missing';
import { SEED_NAMES, blankLine, readSeed } from '../../helpers';

const only = { rules: [sectionMissing] };

describe('section-missing', () => {
  for (const name of SEED_NAMES) {
    it(`finds nothing missing in ${name}`, () => {
      assert.deepEqual(analyze(readSeed(name), only).problems, []);
    });
  }

  it('reports a deleted 四、 heading as an error on the title line', () => {
    const text = blankLine(readSeed('wuzhong-2023'), '四、政府信息公开行政复议');
    const a = analyze(text, only);
    assert.equal(a.problems.length, 1);
    const p = a.problems[0]!;
    assert.equal(p.rule, 'section-missing');
    assert.equal(p.severity, 'error');
    assert.match(p.message.zh, /四、政府信息公开行政复议、行政诉讼情况/);
    assert.match(p.message.en, /Section 四/);
    assert.equal(text.slice(p.span.start, p.span.end), '吴忠市 2023 年政府信息公开工作年度报告');
  });

  it('anchors on the first line of a split title', () => {
    const text = blankLine(readSeed('shizuishan-office-2023'), '六、其他需要报告的事项');
    const p = analyze(text, only).problems[0]!;
    assert.equal(text.slice(p.span.start, p.span.end), '石嘴山市人民政府办公室');
    assert.match(p.message.zh, /六、其他需要报告的事项/);
  });

  it('reports every missing section, and uses line 1 when there is no title', () => {
    const a = analyze('\n随便写的一段话。\n一、总体情况\n', only);
    assert.deepEqual(
      a.problems.map((p) => p.message.zh.slice(0, 6)),
      ['缺少第二部分', '缺少第三部分', '缺少第四部分', '缺少第五部分', '缺少第六部分'],
    );
    assert.deepEqual(a.lineIndex.rangeOf(a.problems[0]!.span), { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  });

  it('handles an empty document', () => {
    const a = analyze('', only);
    assert.equal(a.problems.length, 6);
    assert.deepEqual(a.problems[0]!.span, { start: 0, end: 0 });
  });
});
