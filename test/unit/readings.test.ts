/**
 * Each way real text arrives in, on a small example of its own: PDF text, web page text, a crawled
 * page on one line, the 2019 trial format, blank cells. (The real reports and the seeds' renderings
 * by real converters are tested in real.test.ts and renderings.test.ts.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { parse } from '../../server/src/parse/parser';
import type { TableNode } from '../../server/src/parse/syntax';

const TITLE = 'X县2023年政府信息公开工作年度报告\n';
const zero = [0, 0, 0, 0, 0, 0, 0];

/** The export of a text, and what the checker says. */
function read(text: string) {
  const a = analyze(text);
  return { a, e: exportTables(a.report), rules: a.problems.map((p) => p.rule) };
}

describe('PDF text', () => {
  it('keeps an indented section heading a heading, and reads a table across a page footer and a running header', () => {
    const text =
      TITLE +
      '     三、收到和处理政府信息公开申请情况\n' +
      '一、本年新收政府信息公开申请数量         5     0      0      0     0     0     5\n' +
      '\n                         —3—\n\f             X县2023年政府信息公开工作年度报告\n\n' +
      '二、上年结转政府信息公开申请数量          1     0      0      0     0     0     1\n' +
      '     四、政府信息公开行政复议、行政诉讼情况\n' +
      '   结果 结果 其他 尚未    结果 结果 其他 尚未    结果 结果 其他 尚未\n' +
      '              总计              总计              总计\n' +
      '   维持 纠正 结果 审结    维持 纠正 结果 审结    维持 纠正 结果 审结\n' +
      '   1    0    0    0    1    0    0    0    0    0    0    0    0    0    0\n';
    const { a, e } = read(text);
    assert.deepEqual(a.report.sections.map((s) => s.spec.id), [3, 4]);
    assert.deepEqual(e.table3!['一'], [5, 0, 0, 0, 0, 0, 5]);
    assert.deepEqual(e.table3!['二'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(e.table4, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // the footer and the running header are no rows of the table
    const t3 = a.tree.blocks.filter((b): b is TableNode => b.kind === 'table')[0]!;
    assert.ok(t3.rows.every((r) => !/—3—|年度报告/.test(a.text.slice(r.start, r.end))));
  });

  it('assembles a label wrapped around its numbers, with a group label written a few characters a line', () => {
    const text =
      TITLE +
      '三、收到和处理政府信息公开申请情况\n' +
      '三、本 （一）予以公开              4    0    0     0    0   0   4\n' +
      '      （二）部分公开（区分处理的，只\n' +
      '                             2   0    0     0    0   0   2\n' +
      '      计这一情形，不计其他情形）\n' +
      '          1.属于国家秘密           1    0    0     0    0   0   1\n' +
      '      （三）不\n' +
      '           4.保护第三方合法权益       3    0    0     0    0   0   3\n' +
      '      予公开\n' +
      '          1.申请人无正当理由逾期\n' +
      '      （六）其 不补正、行政机关不再处        1    0    0     0    0   0   1\n' +
      '      他处理 理其政府信息公开申请\n' +
      '          2.申请人逾期未按收费通\n' +
      '          知要求缴纳费用、行政机\n' +
      '                             0    0    0     0    0   0   0\n' +
      '          关不再处理其政府信息公\n' +
      '          开申请\n' +
      '          3.其他               2    0    0     0    0   0   2\n';
    const { a, e } = read(text);
    assert.deepEqual(e.table3!['三.一'], [4, 0, 0, 0, 0, 0, 4]);
    assert.deepEqual(e.table3!['三.二'], [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(e.table3!['三.三.1'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(e.table3!['三.三.4'], [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(e.table3!['三.六.1'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(e.table3!['三.六.2'], zero);
    assert.deepEqual(e.table3!['三.六.3'], [2, 0, 0, 0, 0, 0, 2]);
    const label = a.report.tables.table3!.rows.get('三.二')!.label.replace(/\s/g, '');
    assert.equal(label, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });

  it('reads pdftotext -raw: labels and numbers on lines of their own, single-spaced', () => {
    const text =
      TITLE +
      '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 2 0 3\n行政规范性文件 54 75 310\n' +
      '第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 380599\n' +
      '三、收到和处理政府信息公开申请情况\n' +
      '2.其他法律行政法规禁止\n公开\n0 0 0 0 0 0 0\n3.危及“三安全一稳定” 2 0 0 0 0 0 2\n';
    const { e } = read(text);
    assert.deepEqual(e.table2!['规章'], { 本年制发件数: 2, 本年废止件数: 0, 现行有效件数: 3 });
    assert.deepEqual(e.table2!['行政许可'], { 本年处理决定数量: 380599 });
    assert.deepEqual(e.table3!['三.三.2'], zero);
    assert.deepEqual(e.table3!['三.三.3'], [2, 0, 0, 0, 0, 0, 2]);
  });
});

describe('web page text', () => {
  it('reads cells between pipes without a leading pipe, and html2text’s a| b with an empty first cell', () => {
    const text =
      TITLE +
      '二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1 | 25 |\n' +
      '四、政府信息公开行政复议、行政诉讼情况\n行政复议| 行政诉讼\n结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计| 结果维持| 结果纠正| 其他结果| 尚未审结| 总计\n' +
      '| | | | | 1| 0| 0| 0| 1| 0| 0| 0| 0| 0\n';
    const { e } = read(text);
    assert.deepEqual(e.table2!['行政规范性文件'], { 本年制发件数: 5, 本年废止件数: 1, 现行有效件数: 25 });
    assert.deepEqual(e.table4, [null, null, null, null, null, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('reads one cell a line ending in " |", rows between lines of pipes', () => {
    const cells = (xs: (string | number)[]) => xs.map((x) => `${x} |`).join('\n') + '\n||||\n';
    const text =
      TITLE +
      '三、收到和处理政府信息公开申请情况\n' +
      cells(['一、本年新收政府信息公开申请数量', 58, 7, 0, 0, 1, 0, 66]) +
      cells(['二、上年结转政府信息公开申请数量', 2, 0, 0, 0, 0, 0, 2]);
    const { e } = read(text);
    assert.deepEqual(e.table3!['一'], [58, 7, 0, 0, 1, 0, 66]);
    assert.deepEqual(e.table3!['二'], [2, 0, 0, 0, 0, 0, 2]);
  });

  it('reads one cell a line with no row boundaries: a label, then its numbers one a line', () => {
    const text = TITLE + '三、收到和处理政府信息公开申请情况\n' + ['一、本年新收政府信息公开申请数量', 3, 1, 0, 0, 0, 0, 4, '二、上年结转政府信息公开申请数量', 1, 0, 0, 0, 0, 0, 1].map((x) => `${x} |`).join('\n') + '\n';
    const { e } = read(text);
    assert.deepEqual(e.table3!['一'], [3, 1, 0, 0, 0, 0, 4]);
    assert.deepEqual(e.table3!['二'], [1, 0, 0, 0, 0, 0, 1]);
  });

  it('reads w3m’s boxed tables: a row between two rules, a wrapped label joined cell by cell', () => {
    const text =
      TITLE +
      '三、收到和处理政府信息公开申请情况\n' +
      '├──────────────────┼───┼───┼───┼───┼───┼───┼───┤\n' +
      '│ 一、本年新收政府信息公开申请数量 │ 3 │ 0 │ 0 │ 0 │ 0 │ 0 │ 3 │\n' +
      '├──────────────────┼───┼───┼───┼───┼───┼───┼───┤\n' +
      '│ 二、上年结转政府信息公开 │ 1 │ 0 │ 0 │ 0 │ 0 │ 0 │ 1 │\n' +
      '│ 申请数量                 │   │   │   │   │   │   │   │\n' +
      '├──────────────────┼───┼───┼───┼───┼───┼───┼───┤\n' +
      '│ 四、结转下年度继续办理 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 │\n' +
      '└──────────────────┴───┴───┴───┴───┴───┴───┴───┘\n';
    const { a, e } = read(text);
    assert.deepEqual(e.table3!['一'], [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(e.table3!['二'], [1, 0, 0, 0, 0, 0, 1]);
    assert.equal(a.report.tables.table3!.rows.get('二')!.label, '二、上年结转政府信息公开申请数量');
  });

  it('splits pipe cells as written: | a | b |, a | b |, a| b, | a', () => {
    const cells = (line: string) => (parse(line + '\n').blocks[0] as TableNode).rows[0]!.cells.map((c) => c.text);
    assert.deepEqual(cells('| 规章 | 0 | 0 | 0 |'), ['规章', '0', '0', '0']);
    assert.deepEqual(cells('规章 | 0 | 0 | 0 |'), ['规章', '0', '0', '0']);
    assert.deepEqual(cells('规章| 0| 0| 0'), ['规章', '0', '0', '0']);
    assert.deepEqual(cells('| | 0| 0'), ['', '', '0', '0']);
    assert.deepEqual(cells('总计  | 183489  | ||||'), ['总计', '183489', '', '', '', '']);
  });
});

describe('a crawled page: the whole article on one line', () => {
  const flat = (tables: string) =>
    '本报告根据《条例》编制。本报告所列数据统计期限为2023年1月1日至2023年12月31日。一、总体情况 2023年，我局……。（一）主动公开方面。全年公开信息100条。' +
    tables +
    '五、存在的主要问题及改进情况一是……。六、其他需要报告的事项本年度未收取信息处理费。';
  const T3 = (rows: string) => `三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${rows}`;

  it('finds the headings inline and reads run-together digits that one split only fits', () => {
    const text =
      'X县2023年政府信息公开工作年度报告\n' +
      flat(
        '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件0012' +
          T3('一、本年新收政府信息公开申请数量15130000154二、上年结转政府信息公开申请数量0000000（七）总计14710000148四、结转下年度继续办理4200006') +
          '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10000100000000000',
      );
    const { a, e } = read(text);
    assert.deepEqual(a.report.sections.map((s) => s.spec.id), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(e.table2!['规章'], { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0 });
    // 0012: a number never starts with 0 but 0 itself
    assert.deepEqual(e.table2!['行政规范性文件'], { 本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 12 });
    assert.deepEqual(e.table3!['一'], [151, 3, 0, 0, 0, 0, 154]);
    assert.deepEqual(e.table3!['三.七'], [147, 1, 0, 0, 0, 0, 148]);
    assert.deepEqual(e.table3!['四'], [4, 2, 0, 0, 0, 0, 6]);
    assert.deepEqual(e.table4, [10, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('leaves digits no sum settles unread, says so once per table, and never guesses', () => {
    const text = 'X县2023年政府信息公开工作年度报告\n' + flat('二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件5845546第二十条第（五）项信息内容本年处理决定数量行政许可2418');
    const { a, e } = read(text);
    assert.deepEqual(e.table2!['行政规范性文件'], { 本年制发件数: null, 本年废止件数: null, 现行有效件数: null });
    assert.deepEqual(e.table2!['行政许可'], { 本年处理决定数量: 2418 });
    const said = a.problems.filter((p) => p.rule === 'cell-run-together');
    assert.equal(said.length, 1);
    assert.equal(a.text.slice(said[0]!.span.start, said[0]!.span.end), '5845546');
  });

  it('reads a fee amount with many decimals as its one cell (the digits after the point are one number’s)', () => {
    const text = 'X县2025年政府信息公开工作年度报告\n' + flat('二、主动公开政府信息情况第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费4166.241619' + T3('一、本年新收政府信息公开申请数量15130000154'));
    const { a, e } = read(text);
    assert.deepEqual(e.table2!['行政事业性收费'], { 本年收费金额: 4166.241619 });
    assert.ok(!a.problems.some((p) => p.rule === 'cell-run-together'));
  });

  it('takes the next label’s numbering out of the digits before it, and the prose’s year after them', () => {
    const text =
      'X县2023年政府信息公开工作年度报告\n' +
      flat(T3('（四）无法提供1.本机关不掌握相关政府信息4910000502.没有现成信息需要另行制作3000003四、结转下年度继续办理20000022023年，我局共收到申请。'));
    const { e } = read(text);
    assert.deepEqual(e.table3!['三.四.1'], [49, 1, 0, 0, 0, 0, 50]);
    assert.deepEqual(e.table3!['三.四.2'], [3, 0, 0, 0, 0, 0, 3]);
    assert.deepEqual(e.table3!['四'], [2, 0, 0, 0, 0, 0, 2]);
  });

  it('reads a space between digits where a cell was blank (0 00000 for seven cells)', () => {
    const { a, e } = read('X县2019年政府信息公开工作年度报告\n' + flat(T3('一、本年新收政府信息公开申请数量0 00000二、上年结转政府信息公开申请数量0000000')));
    assert.deepEqual(e.table3!['一'], [0, null, 0, 0, 0, 0, 0]);
    assert.ok(a.problems.some((p) => p.rule === 'cell-empty' && p.message.zh.includes('商业企业')));
  });

  it('reads a row of zeros short of a cell as zeros (the sum leaves no other reading), and says it is short', () => {
    const { a, e } = read('X县2023年政府信息公开工作年度报告\n' + flat(T3('一、本年新收政府信息公开申请数量0000000四、结转下年度继续办理000000')));
    assert.deepEqual(e.table3!['四'], zero);
    assert.ok(a.problems.some((p) => p.rule === 'table-shape' && p.message.zh.includes('四、结转下年度继续办理')));
  });

  it('does not take prose with numbers for a table', () => {
    const tree = parse('一、总体情况 2023年，全区主动公开政府信息4936条，其中政策解读32件，公开文件939件。二、主动公开政府信息情况 按要求公开。'.repeat(4) + '\n');
    assert.equal(tree.blocks.filter((b) => b.kind === 'table').length, 0);
  });
});

describe('the 2019 trial format', () => {
  it('reads table 二 in that format’s rows and columns (本年增/减 may be negative) and table 三’s one （六） row', () => {
    const text =
      'X县2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n' +
      '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t2\t2\t10\n' +
      '第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t2648\t-18\t538\n行政强制\t12\t0\t3\n' +
      '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t16\t1089.5\n' +
      '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t4\t0\t0\t0\t0\t0\t4\n（一）予以公开\t2\t0\t0\t0\t0\t0\t2\n（六）其他处理\t2\t0\t0\t0\t0\t0\t2\n（七）总计\t4\t0\t0\t0\t0\t0\t4\n';
    const { a, e, rules } = read(text);
    assert.equal(e.format, '2019');
    assert.deepEqual(e.table2!['行政处罚'], { 上一年项目数量: 2648, '本年增/减': -18, 处理决定数量: 538 });
    assert.deepEqual(e.table2!['政府集中采购'], { 采购项目数量: 16, 采购总金额: 1089.5 });
    assert.ok(!('三.六.1' in e.table3!));
    assert.deepEqual(e.table3!['三.六'], [2, 0, 0, 0, 0, 0, 2]);
    assert.ok(!rules.includes('cell-negative'), 'a negative 本年增/减 is no error');
    assert.ok(!rules.includes('old-format'), 'the 2019 format is right for a 2019 report');
    // （七）总计 is checked against the 2019 rows
    assert.equal(a.report.tables.table3!.format, '2019');
    assert.ok(!rules.includes('T3-column'));
  });
});

describe('blank cells', () => {
  it('gives a table with many blanks one diagnostic, every blank related, and one fix that balances', () => {
    const row = (label: string, cells: string[]) => [label, ...cells].join('\t') + '\n';
    const text =
      TITLE +
      '三、收到和处理政府信息公开申请情况\n' +
      row('一、本年新收政府信息公开申请数量', ['2', '', '', '', '', '', '2']) +
      row('二、上年结转政府信息公开申请数量', ['', '', '', '', '', '', '']) +
      row('（一）予以公开', ['2', '', '', '', '', '', '2']) +
      row('（七）总计', ['2', '', '', '', '', '', '2']) +
      row('四、结转下年度继续办理', ['', '', '', '', '', '', '']);
    const { a } = read(text);
    const blanks = a.problems.filter((p) => p.rule === 'cell-empty');
    assert.equal(blanks.length, 1);
    assert.equal(blanks[0]!.related!.length, 29);
    const fix = blanks[0]!.fixes![0]!;
    assert.equal(fix.edits.length, 29);
    assert.ok(fix.edits.every((e) => e.newText === '0'));
    // applied, nothing is blank and every sum holds
    const edits = [...fix.edits].sort((x, y) => y.span.start - x.span.start);
    let fixed = a.text;
    for (const e of edits) fixed = fixed.slice(0, e.span.start) + e.newText + fixed.slice(e.span.end);
    const after = read(fixed);
    assert.deepEqual(after.rules.filter((r) => r === 'cell-empty' || r.startsWith('T3-')), []);
  });
});
