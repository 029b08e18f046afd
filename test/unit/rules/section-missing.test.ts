import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/check';
import { sectionMissing } from '../../../server/src/rules/section-missing';
import { SEED_NAMES, blankLine, lineOf, readSeed } from '../../helpers';
import { applyFix } from '../../fixes';

const only = { rules: [sectionMissing] };

describe('section-missing', () => {
  for (const name of SEED_NAMES) {
    it(`finds nothing missing in ${name}`, () => {
      assert.deepEqual(analyze(readSeed(name), only).problems, []);
    });
  }

  it('reports a deleted 四、 heading on the heading it belongs before', () => {
    const text = blankLine(readSeed('wuzhong-2023'), '四、政府信息公开行政复议');
    const a = analyze(text, only);
    assert.equal(a.problems.length, 1);
    const p = a.problems[0]!;
    assert.equal(p.rule, 'section-missing');
    assert.equal(p.severity, 'error');
    assert.equal(p.message.zh, '缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”，应位于“五、”之前');
    assert.match(p.message.en, /Section 四 \(4\)/);
    assert.equal(text.slice(p.span.start, p.span.end), '五、存在的主要问题及改进情况');
  });

  it('reports a missing 六 after 五', () => {
    const text = blankLine(readSeed('shizuishan-office-2023'), '六、其他需要报告的事项');
    const p = analyze(text, only).problems[0]!;
    assert.equal(text.slice(p.span.start, p.span.end), '五、存在主要问题及改进情况');
    assert.match(p.message.zh, /六、其他需要报告的事项”，应位于“五、”之后/);
  });

  it('reports every missing section, and uses line 1 when there is neither title nor section', () => {
    const a = analyze('\n随便写的一段话。\n一、总体情况\n', only);
    assert.deepEqual(
      a.problems.map((p) => p.message.zh.slice(0, 6)),
      ['缺少第二部分', '缺少第三部分', '缺少第四部分', '缺少第五部分', '缺少第六部分'],
    );
    assert.deepEqual(a.lineIndex.rangeOf(a.problems[0]!.span), { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    const b = analyze('\n随便写的一段话。\n', only);
    assert.deepEqual(b.lineIndex.rangeOf(b.problems[0]!.span), { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  });

  it('handles an empty document', () => {
    const a = analyze('', only);
    assert.equal(a.problems.length, 6);
    assert.deepEqual(a.problems[0]!.span, { start: 0, end: 0 });
  });

  for (const heading of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '六、其他需要报告的事项', '一、总体情况']) {
    it(`fixes a missing “${heading}” by inserting it where it belongs, once`, () => {
      const original = readSeed('wuzhong-2023');
      const text = blankLine(original, heading);
      const p = analyze(text, only).problems[0]!;
      const fixed = applyFix(text, p.fixes![0]!);
      assert.deepEqual(analyze(fixed, only).problems, [], 'the fix removes the problem');
      // at its place: the inserted heading comes right before the next section's heading
      const lines = fixed.split('\n');
      const at = lineOf(fixed, heading);
      assert.ok(at >= 0);
      assert.ok(fixed.length > text.length);
      assert.equal(lines.filter((l) => l === heading).length, 1);
      // idempotent: the re-checked document offers no such fix any more
      assert.equal(analyze(fixed, only).problems.length, 0);
      // nothing of the user's text lost
      for (const line of text.split('\n')) if (line) assert.ok(fixed.includes(line));
    });
  }

  it('inserts the empty table in the layout of the report (Markdown) and never a number', () => {
    const text = 'X县2023年政府信息公开工作年度报告\n一、总体情况\n| a | b |\n|---|---|\n| 1 | 2 |\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n';
    const p = analyze(text, only).problems[0]!;
    const inserted = p.fixes![0]!.edits[0]!.newText;
    assert.match(inserted, /^四、政府信息公开行政复议、行政诉讼情况\n\n\| 行政复议 \|/);
    assert.ok(!/\| \d/.test(inserted), 'no number in any cell');
  });

  it('in a report flattened onto one line (a crawled page): anchored on the next heading, inserted before it on lines of its own', () => {
    const body =
      '根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据统计期限为2023年1月1日至12月31日。本报告电子版可在本县门户网站查阅。一、总体情况2023年，本局认真贯彻落实《条例》，主动公开政府信息120条，依申请公开办理规范，平台建设持续加强。' +
      '三、收到和处理政府信息公开申请情况本年度共收到申请5件，均已按期答复。四、政府信息公开行政复议、行政诉讼情况本年度未发生行政复议、行政诉讼。' +
      '五、存在的主要问题及改进情况主动公开的深度有待提高。六、其他需要报告的事项本年度未收取信息处理费。';
    const text = 'X县2023年政府信息公开工作年度报告\n' + body + '\n';
    const a = analyze(text, only);
    const p = a.problems.find((q) => q.message.zh.includes('第二部分'))!;
    assert.ok(p, 'section 二 reported missing');
    // the heading's piece of the line, not the whole article
    assert.ok(text.slice(p.span.start, p.span.end).startsWith('三、收到和处理政府信息公开申请情况'));
    assert.ok(!text.slice(p.span.start, p.span.end).includes('一、总体情况'));
    const fixed = applyFix(text, p.fixes![0]!);
    assert.ok(fixed.includes('依申请公开办理规范，平台建设持续加强。\n二、主动公开政府信息情况\n'));
    assert.ok(fixed.includes('\n三、收到和处理政府信息公开申请情况本年度共收到申请5件'));
    assert.deepEqual(
      analyze(fixed, only).problems.map((q) => q.message.zh),
      [],
      'all six sections after the fix',
    );
  });
});

