/**
 * The table rules on the real reports (what corpus/README.md says a good checker
 * reports) and on small focused tables.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/check';
import { RULES } from '../../../server/src/rules/index';
import type { Problem } from '../../../server/src/rules/types';
import { applyFix } from '../../fixes';
import { SeedName, readSeed } from '../../helpers';

const TABLE_RULES = new Set(['table-shape', 'table-header', 'cell-empty', 'cell-residue', 'cell-negative', 'cell-fraction', 'cell-format', 'T3-row', 'T3-column', 'T3-balance', 'T4-block', 'TXT-table', 'table-row-unmapped']);

function tableProblems(text: string): (Problem & { text: string })[] {
  return analyze(text)
    .problems.filter((p) => TABLE_RULES.has(p.rule))
    .map((p) => ({ ...p, text: text.slice(p.span.start, p.span.end) }));
}

function only(rule: string, text: string) {
  const r = RULES.find((x) => x.meta.id === rule)!;
  return analyze(text, { rules: [r] }).problems.map((p) => ({ ...p, text: text.slice(p.span.start, p.span.end) }));
}

describe('table diagnostics of the real reports', () => {
  it('wuzhong-2023 and tongxin-2022: none', () => {
    assert.deepEqual(tableProblems(readSeed('wuzhong-2023')), []);
    assert.deepEqual(tableProblems(readSeed('tongxin-2022')), []);
  });

  it('shizuishan-office-2023: the five empty 行政复议 cells of table 四, and the prose’s 行政复议 1 件', () => {
    const ps = tableProblems(readSeed('shizuishan-office-2023' as SeedName));
    assert.deepEqual(
      ps.map((p) => p.rule),
      ['TXT-table', 'cell-empty', 'cell-empty', 'cell-empty', 'cell-empty', 'cell-empty'],
    );
    assert.equal(ps[0]!.message.zh, '正文称行政复议 1 件，但表四行政复议·总计为空');
    assert.equal(ps[0]!.text, '1');
    assert.deepEqual(
      ps.slice(1).map((p) => p.message.zh.split('为空')[0]),
      ['表四·行政复议·结果维持', '表四·行政复议·结果纠正', '表四·行政复议·其他结果', '表四·行政复议·尚未审结', '表四·行政复议·总计'],
    );
    assert.match(ps[1]!.message.zh, /数据可能整体错位/);
  });

  it('litong-2021: the short rows say how many numbers are missing; the empty cells of table 四; a soft note on 社会组织', () => {
    const ps = tableProblems(readSeed('litong-2021'));
    const shape = ps.filter((p) => p.rule === 'table-shape').map((p) => p.message.zh);
    assert.deepEqual(shape.map((m) => m.replace(/（缺.*$/, '')), [
      '表三“（一）予以公开”一行有 6 个数字，应为 7 个',
      '表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”一行有 6 个数字，应为 7 个',
      '表三“（三）不予公开 1.属于国家秘密”一行有 5 个数字，应为 7 个',
    ]);
    assert.match(shape[2]!, /缺 2 个/);
    assert.equal(ps.filter((p) => p.rule === 'cell-empty' && p.message.zh.startsWith('表四·行政复议')).length, 5);
    const note = ps.find((p) => p.rule === 'table-header')!;
    assert.equal(note.severity, 'information');
    assert.equal(note.text, '社会组织');
    assert.ok(!ps.some((p) => p.rule === 'table-row-unmapped'), 'the wrapped labels are continuations, not rows');
    assert.ok(!ps.some((p) => p.rule.startsWith('T3-')), 'no sum is checked across a short row');
  });

  it('wuwei-2023: residue in table 二 with the numbers it holds; the empty 自然人 of （六）1 and （六）2; （六）1 and the 自然人 column', () => {
    const text = readSeed('wuwei-2023');
    const ps = tableProblems(text);
    assert.deepEqual(
      ps.map((p) => p.rule),
      ['cell-residue', 'cell-residue', 'cell-residue', 'cell-residue', 'cell-empty', 'T3-row', 'cell-empty', 'T3-column'],
    );
    const residue = ps.filter((p) => p.rule === 'cell-residue');
    assert.deepEqual(residue.map((p) => p.text), ['政许可 421808', '5 政处罚 351867', '「政强制 1129', '元 政事业性收费 22910']);
    assert.deepEqual(residue.map((p) => p.fixes!.map((f) => f.title.zh)), [['改为 421808'], ['改为 5', '改为 351867'], ['改为 1129'], ['改为 22910']]);
    const row = ps.find((p) => p.rule === 'T3-row')!;
    assert.equal(row.message.zh, '表三（六）1·总计为 3，但六类申请人之和为 0（均为 0）；（六）1·自然人一格为空，若填 3 则平衡');
    assert.equal(row.text, '3');
    assert.equal(row.related!.length, 7);
    const col = ps.find((p) => p.rule === 'T3-column')!;
    assert.match(col.message.zh, /^（七）总计·自然人为 256，但各项办理结果之和为 253（162 \+ 10 \+ 1 \+ 80）/);
    assert.equal(col.related!.length, 22);
    const empty = ps.filter((p) => p.rule === 'cell-empty');
    assert.match(empty[0]!.message.zh, /^表三（六）1·自然人为空，.*若填 3 则各项合计平衡/);
    // the fill fix balances both sums
    const fixed = applyFix(text, empty[0]!.fixes![0]!);
    assert.ok(!tableProblems(fixed).some((p) => p.rule === 'T3-row' || p.rule === 'T3-column'));
  });
});

const T3 = (rows: Record<string, number[] | string[]>) => {
  const labels: Record<string, string> = {
    一: '一、本年新收政府信息公开申请数量',
    二: '二、上年结转政府信息公开申请数量',
    '三.一': '三、本年度办理结果\t（一）予以公开',
    '三.七': '（七）总计',
    四: '四、结转下年度继续办理',
  };
  return (
    'X县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n' +
    Object.entries(rows)
      .map(([k, v]) => `${labels[k]}\t${v.join('\t')}`)
      .join('\n') +
    '\n'
  );
};

describe('arithmetic', () => {
  it('T3-row states the equation, points at the seven cells, and offers "set 总计"', () => {
    const text = T3({ 一: [5, 1, 0, 0, 0, 0, 7] });
    const [p] = only('T3-row', text);
    assert.equal(p!.message.zh, '表三一·总计为 7，但六类申请人之和为 6（5 + 1）');
    assert.equal(p!.text, '7');
    assert.deepEqual(p!.fixes!.map((f) => f.title.zh), ['将一·总计改为 6']);
    assert.deepEqual(only('T3-row', applyFix(text, p!.fixes![0]!)), []);
  });

  it('T3-column with a likely culprit: the cell that unbalances its row and its column', () => {
    // wuzhong-2023 （三）1 属于国家秘密·自然人: 2 → 3
    const seed = readSeed('wuzhong-2023');
    const text = seed.replace('1.属于国家秘密\t2\t0', '1.属于国家秘密\t3\t0');
    assert.notEqual(text, seed);
    const row = only('T3-row', text)[0]!;
    assert.equal(row.message.zh, '表三（三）1·总计为 2，但六类申请人之和为 3（3）；可能是（三）1·自然人一格有误（应为 2，它所在的 2 项合计都因此不平衡）');
    assert.deepEqual(row.fixes!.map((f) => f.title.zh), ['将（三）1·自然人改为 2', '将（三）1·总计改为 3']);
    const col = only('T3-column', text)[0]!;
    assert.match(col.message.zh, /^（七）总计·自然人为 343，但各项办理结果之和为 344（144 \+ 53 \+ 3 \+ 2 \+ 4 \+ 8 \+ 4 \+ 112 \+ …）；可能是（三）1·自然人一格有误/);
    assert.deepEqual(only('T3-balance', text), []);
    const fixed = applyFix(text, row.fixes![0]!);
    assert.equal(fixed, seed);
  });

  it('T3-balance: 一 + 二 = （七） + 四', () => {
    const text = T3({ 一: [5, 0, 0, 0, 0, 0, 5], 二: [1, 0, 0, 0, 0, 0, 1], '三.一': [5, 0, 0, 0, 0, 0, 5], '三.七': [5, 0, 0, 0, 0, 0, 5], 四: [0, 0, 0, 0, 0, 0, 0] });
    const ps = only('T3-balance', text);
    assert.deepEqual(ps.map((p) => p.message.zh.split('；')[0]), ['表三“自然人”列不平衡：一 + 二 = 5 + 1 = 6，但（七）+ 四 = 5 + 0 = 5', '表三“总计”列不平衡：一 + 二 = 5 + 1 = 6，但（七）+ 四 = 5 + 0 = 5']);
    assert.equal(ps[0]!.related!.length, 4);
  });

  it('T4-block in each of the three blocks', () => {
    const text = 'X县2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n1\t2\t0\t0\t4\t0\t0\t0\t0\t0\t1\t0\t0\t0\t2\n';
    const ps = only('T4-block', text);
    assert.deepEqual(ps.map((p) => p.message.zh), ['表四行政复议：总计为 4，但维持 + 纠正 + 其他 + 尚未审结 = 1 + 2 + 0 + 0 = 3', '表四复议后起诉：总计为 2，但维持 + 纠正 + 其他 + 尚未审结 = 1 + 0 + 0 + 0 = 1']);
    assert.deepEqual(ps.map((p) => p.fixes![0]!.title.zh), ['将行政复议·总计改为 3', '将复议后起诉·总计改为 1']);
  });

  it('holds quietly when everything adds up', () => {
    const text = T3({ 一: [5, 0, 0, 0, 0, 0, 5], 二: [1, 0, 0, 0, 0, 0, 1], '三.一': [6, 0, 0, 0, 0, 0, 6], '三.七': [6, 0, 0, 0, 0, 0, 6], 四: [0, 0, 0, 0, 0, 0, 0] });
    for (const r of ['T3-row', 'T3-column', 'T3-balance']) assert.deepEqual(only(r, text), [], r);
  });
});

describe('cells', () => {
  const t2 = (cell: string) => `X县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\t\t\t\n信息内容\t本年处理决定数量\t\t\n行政许可\t${cell}\t\t\n`;
  it('cell-empty on an empty cell and on placeholders', () => {
    for (const c of ['', '/', '—', '无']) assert.equal(only('cell-empty', t2(c)).length, 1, JSON.stringify(c));
    assert.equal(only('cell-empty', t2('0')).length, 0);
  });
  it('cell-residue offers each number it holds', () => {
    const [p] = only('cell-residue', t2('政许可 421808'));
    assert.deepEqual(p!.fixes!.map((f) => f.edits[0]!.newText), ['421808']);
    assert.equal(only('cell-residue', t2('许可')).length, 1);
  });
  it('cell-negative and cell-fraction', () => {
    assert.equal(only('cell-negative', t2('-3')).length, 1);
    assert.equal(only('cell-fraction', t2('2.5')).length, 1);
    assert.equal(only('cell-fraction', t2('7')).length, 0);
    const fee = 'X县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\t\t\t\n行政事业性收费\t18770.9525\t\t\n';
    assert.equal(only('cell-fraction', fee).length, 0, 'the fee amount may have decimals');
  });
  it('cell-format hints at full-width digits and separators, with a safe fix', () => {
    const [p] = only('cell-format', t2('１２，７３３'));
    assert.equal(p!.severity, 'hint');
    assert.match(p!.message.zh, /使用了全角数字和使用了千位分隔符，已按 12733 读取/);
    assert.equal(p!.fixes![0]!.safe, true);
    assert.equal(p!.fixes![0]!.edits[0]!.newText, '12733');
  });
  it('cell-format’s fix converts the characters, never through a number: long digit runs and trailing zeros stay exact', () => {
    const fixOf = (cell: string) => only('cell-format', t2(cell))[0]?.fixes?.[0]?.edits[0]?.newText;
    assert.equal(fixOf('１２３４５６７８９０１２３４５６７８９'), '1234567890123456789');
    assert.equal(fixOf('1,234,567,890,123,456,789,012'), '1234567890123456789012');
    const fee = 'X县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\t\t\t\n行政事业性收费\t１８７７０．９５００\t\t\n';
    assert.equal(only('cell-format', fee)[0]?.fixes?.[0]?.edits[0]?.newText, '18770.9500');
  });
});

describe('TXT-table', () => {
  it('is silent on wuzhong-2023, whose prose agrees with its tables (and speaks of 2018 年以来 28 件)', () => {
    assert.deepEqual(only('TXT-table', readSeed('wuzhong-2023')), []);
  });
  it('accepts 收到 as 一 or 一 + 二, 诉讼 as direct + after reconsideration, 予以公开及部分公开 as （一）+（二）', () => {
    for (const name of ['wuwei-2023', 'tongxin-2022', 'litong-2021'] as SeedName[]) assert.deepEqual(only('TXT-table', readSeed(name)), [], name);
  });
  it('flags a number that disagrees, at the number, pointing at the cells', () => {
    const text = readSeed('wuzhong-2023').replace('复引起行政复议 22 件', '复引起行政复议 21 件');
    const [p] = only('TXT-table', text);
    assert.equal(p!.message.zh, '正文称行政复议 21 件，但表四行政复议·总计为 22');
    assert.equal(p!.text, '21');
    assert.equal(p!.related!.length, 1);
  });
  it('does not read numbers of another period', () => {
    const text = readSeed('wuzhong-2023').replace('复引起行政复议 22 件', '复引起行政复议 22 件。2018 年以来累计行政复议 99 件');
    assert.deepEqual(only('TXT-table', text), []);
  });
});

describe('table-row-label', () => {
  const row = (label: string) => `X县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n（三）不予公开\t${label}\t3\t0\t0\t0\t0\t0\t3\n`;
  it('notes a row label a character off the format’s, and fixes it', () => {
    const text = row('7.属于行政执法案件');
    const [p] = only('table-row-label', text);
    assert.equal(p!.severity, 'information');
    assert.equal(p!.text, '属于行政执法案件');
    assert.equal(p!.message.zh, '表三行名“7.属于行政执法案件”与国家格式不一致，应为“7.属于行政执法案卷”');
    assert.deepEqual(only('table-row-label', applyFix(text, p!.fixes![0]!)), []);
  });
  it('accepts the format’s label, other punctuation or spaces, and leaves garbled or wrapped labels alone', () => {
    assert.deepEqual(only('table-row-label', row('7.属于行政执法案卷')), []);
    assert.deepEqual(only('table-row-label', row('7. 属于 行政执法案卷')), []);
    assert.deepEqual(only('table-row-label', row('7.属于"行政执法案卷"')), []);
    // OCR residue of another length is for the mapping to place, not for a wording note
    assert.deepEqual(only('table-row-label', row('7.属于行政执法PUTF')), []);
    assert.deepEqual(only('table-row-label', readSeed('wuwei-2023')), []);
  });
  it('notes words left out at the start, not a label cut at its end (a label wrapped onto the next line)', () => {
    const text = row('7.行政执法案卷');
    const [p] = only('table-row-label', text);
    assert.equal(p!.text, '行政执法案卷');
    assert.ok(applyFix(text, p!.fixes![0]!).includes('\t7.属于行政执法案卷\t'));
    assert.deepEqual(only('table-row-label', row('7.属于行政执法案')), []);
    // the seed whose label …政府信息公开申 wraps onto a line of its own (请)
    assert.deepEqual(only('table-row-label', readSeed('litong-2021')), []);
  });
  it('notes a label of table 二 a character or two off (规范性文件 for 行政规范性文件), and fixes it', () => {
    const t2 = (label: string) =>
      `X县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n${label}\t1\t0\t5\n`;
    const text = t2('规范性文件');
    const [p] = only('table-row-label', text);
    assert.equal(p!.text, '规范性文件');
    assert.equal(p!.message.zh, '表二行名“规范性文件”与国家格式不一致，应为“行政规范性文件”');
    const fixed = applyFix(text, p!.fixes![0]!);
    assert.ok(fixed.includes('\n行政规范性文件\t1\t0\t5\n'));
    assert.deepEqual(only('table-row-label', fixed), []);
    assert.deepEqual(only('table-row-label', t2('行政规范性文件')), []);
  });
});
