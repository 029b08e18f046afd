/**
 * Each structure rule on small focused reports: what triggers it, where, and what does not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/check';
import { docNumber } from '../../../server/src/rules/doc-number-brackets';
import { feeContradiction } from '../../../server/src/rules/fee-contradiction';
import { feeStatement } from '../../../server/src/rules/fee-statement-missing';
import { formatCitationMissing } from '../../../server/src/rules/format-citation-missing';
import { oldFormat } from '../../../server/src/rules/old-format';
import { overviewAssessment } from '../../../server/src/rules/overview-assessment-missing';
import { overviewSubitems } from '../../../server/src/rules/overview-subitem-missing';
import { periodMismatch } from '../../../server/src/rules/period-mismatch';
import { periodMissing } from '../../../server/src/rules/period-missing';
import { periodStaleYear } from '../../../server/src/rules/period-stale-year';
import { preambleParts } from '../../../server/src/rules/preamble-parts';
import { problemsEmpty } from '../../../server/src/rules/problems-empty';
import { sectionDuplicate } from '../../../server/src/rules/section-duplicate';
import { sectionOrder } from '../../../server/src/rules/section-order';
import { sectionTitle } from '../../../server/src/rules/section-title-nonstandard';
import { tableColumnMissing } from '../../../server/src/rules/table-column-missing';
import { tableMissing } from '../../../server/src/rules/table-missing';
import { sectionMissing } from '../../../server/src/rules/section-missing';
import { tableRowMissing } from '../../../server/src/rules/table-row-missing';
import { titleIncomplete } from '../../../server/src/rules/title-incomplete';
import type { Rule } from '../../../server/src/rules/types';
import { unbalancedPairs } from '../../../server/src/rules/unbalanced-pairs';
import { applyFix } from '../../fixes';
import { SEED_NAMES, readSeed } from '../../helpers';

function check(rule: Rule, text: string) {
  const a = analyze(text, { rules: [rule] });
  return a.problems.map((p) => ({ ...p, text: text.slice(p.span.start, p.span.end) }));
}

const TITLE = 'X县2023年政府信息公开工作年度报告\n本报告所列数据统计期限为2023年1月1日至12月31日。\n';
const ALL = (body: Record<number, string> = {}) =>
  TITLE +
  ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']
    .map((h, k) => h + '\n' + (body[k + 1] ?? '内容。') + '\n')
    .join('');

/** Every rule is quiet on the clean seeds (shizuishan's 五 title aside). */
describe('structure rules on the seeds', () => {
  const rules: Rule[] = [sectionOrder, sectionDuplicate, overviewSubitems, overviewAssessment, problemsEmpty, feeStatement, feeContradiction, oldFormat, titleIncomplete, periodMissing, periodMismatch, tableMissing, tableRowMissing, tableColumnMissing, docNumber, unbalancedPairs, periodStaleYear, formatCitationMissing, preambleParts];
  for (const rule of rules) {
    it(`${rule.meta.id} finds nothing in the five seeds`, () => {
      for (const name of SEED_NAMES) assert.deepEqual(check(rule, readSeed(name)), [], name);
    });
  }
});

describe('section-order', () => {
  it('flags a section that comes after a later one', () => {
    const text = TITLE + '一、总体情况\n三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n';
    const ps = check(sectionOrder, text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.text, '二、主动公开政府信息情况');
    assert.equal(ps[0]!.message.zh, '第二部分“主动公开政府信息情况”应位于第三部分“收到和处理政府信息公开申请情况”之前');
  });
  it('accepts the standard order', () => assert.deepEqual(check(sectionOrder, ALL()), []));
});

describe('section-duplicate', () => {
  it('flags the second occurrence and points at the first', () => {
    const text = ALL() + '三、收到和处理政府信息公开申请情况\n';
    const ps = check(sectionDuplicate, text);
    assert.equal(ps.length, 1);
    assert.match(ps[0]!.message.zh, /第三部分“收到和处理政府信息公开申请情况”重复出现（第 7 行已有此部分）/);
    assert.equal(ps[0]!.related!.length, 1);
  });
  it('accepts each section once', () => assert.deepEqual(check(sectionDuplicate, ALL()), []));
});

describe('section-title-nonstandard', () => {
  it('offers the standard title, keeping Markdown markup', () => {
    const text = TITLE + '## 五、政府信息公开工作存在的主要问题及改进情况\n';
    const ps = check(sectionTitle, text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.text, '五、政府信息公开工作存在的主要问题及改进情况');
    const fixed = applyFix(text, ps[0]!.fixes![0]!);
    assert.ok(fixed.includes('## 五、存在的主要问题及改进情况\n'));
    assert.deepEqual(check(sectionTitle, fixed), []);
    assert.equal(ps[0]!.fixes![0]!.safe, true);
  });
  it('accepts standard titles, with spaces inside', () => assert.deepEqual(check(sectionTitle, ALL().replace('一、总体情况', '一、 总体情况')), []));
});

describe('overview-subitem-missing', () => {
  const s1 = (subs: string[]) => ALL({ 1: subs.join('\n') });
  it('names each missing sub-item', () => {
    const ps = check(overviewSubitems, s1(['（一）主动公开情况。', '（二）依申请公开情况。', '（三）政府信息管理情况。']));
    assert.deepEqual(ps.map((p) => p.message.zh), [
      '“一、总体情况”缺少“政府信息公开平台建设”方面的内容（国家格式要求的第四项）',
      '“一、总体情况”缺少“监督保障”方面的内容（国家格式要求的第五项）',
    ]);
    assert.equal(ps[0]!.text, '一、总体情况');
  });
  it('counts a sub-item by its position when its title names none of the items', () => {
    assert.deepEqual(check(overviewSubitems, s1(['（一）抓重点、拓范围，主动公开成效显著。', '（二）强规范，依申请公开。', '（三）抓机制、严管理，信息发布规范有序。', '（四）强阵地，公开平台。', '（五）抓落实，监督保障有力。'])), []);
  });
  it('accepts sub-items in any order and wording with their key words', () => {
    assert.deepEqual(check(overviewSubitems, s1(['(一) 主动公开方面', '(二)依申请公开方面', '(三)政府信息管理方面', '(四)平台建设方面', '(五)监督保障方面'])), []);
  });
});

describe('overview-assessment-missing', () => {
  it('asks a 人民政府 report for 工作考核、社会评议和责任追究', () => {
    const text = ALL().replace('X县2023年', 'X县人民政府2023年');
    assert.equal(check(overviewAssessment, text).length, 1);
    assert.deepEqual(check(overviewAssessment, text.replace('内容。', '开展工作考核和社会评议。')), []);
  });
  it('does not ask a department or an office', () => {
    assert.deepEqual(check(overviewAssessment, ALL().replace('X县2023年', 'X县人民政府办公室2023年')), []);
    assert.deepEqual(check(overviewAssessment, ALL().replace('X县2023年', 'X县教育局2023年')), []);
  });
});

describe('problems-empty', () => {
  it('flags an empty 五 and a 五 that says only 无', () => {
    assert.equal(check(problemsEmpty, ALL({ 5: '' })).length, 1);
    assert.equal(check(problemsEmpty, ALL({ 5: '无。' })).length, 1);
    assert.match(check(problemsEmpty, ALL({ 5: '无。' }))[0]!.message.zh, /只写了“无”/);
  });
  it('accepts real content', () => assert.deepEqual(check(problemsEmpty, ALL({ 5: '一是政策解读不够。' })), []));
});

describe('fee-statement-missing and fee-contradiction', () => {
  it('asks 六 for a statement on 信息处理费, and offers one', () => {
    const text = ALL({ 6: '（一）政务公开工作要点落实情况。已落实。' });
    const ps = check(feeStatement, text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.text, '六、其他需要报告的事项');
    assert.deepEqual(check(feeStatement, applyFix(text, ps[0]!.fixes![0]!)), []);
  });
  it('does not take a sub-item title that names the fee for a statement on it', () => {
    assert.equal(check(feeStatement, ALL({ 6: '（一）政务公开工作要点落实情况。已落实。\n（二）信息处理费收取情况\n（三）其他事项。无。' })).length, 1);
    assert.deepEqual(check(feeStatement, ALL({ 6: '（二）信息处理费收取情况\n本年度未收取信息处理费。' })), []);
    assert.deepEqual(check(feeStatement, ALL({ 6: '（二）信息处理费收取情况。本年度共收取信息处理费0元。' })), []);
  });
  it('does not take 行政事业性收费 for a fee statement', () => {
    assert.equal(check(feeStatement, ALL({ 6: '公布行政事业性收费目录清单。' })).length, 1);
  });
  const withRow62 = (n: number, six: string) =>
    ALL({ 3: `（六）其他处理\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t${n}\t0\t0\t0\t0\t0\t${n}`, 6: six });
  it('flags "未产生信息处理费" and "不收取任何费用" when table 三 （六）2 is above 0 (fee notices were sent)', () => {
    const ps = check(feeContradiction, withRow62(2, '本年度未产生信息处理费。'));
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.text, '未产生信息处理费');
    assert.equal(ps[0]!.severity, 'warning');
    assert.equal(check(feeContradiction, withRow62(2, '我局不向申请人收取任何费用。'))[0]!.text, '不向申请人收取任何费用');
  });
  it('accepts a zero （六）2, a statement that fees were charged, or that none was collected (the notices went unpaid)', () => {
    assert.deepEqual(check(feeContradiction, withRow62(0, '本年度未产生信息处理费。')), []);
    assert.deepEqual(check(feeContradiction, withRow62(2, '本年度收取信息处理费2件。')), []);
    assert.deepEqual(check(feeContradiction, withRow62(2, '本年度未收取信息处理费。')), []);
    assert.deepEqual(check(feeContradiction, withRow62(2, '2025年，无收取信息处理费情况。')), []);
  });
});

describe('title-incomplete', () => {
  it('flags a title without agency or year, and a report without title', () => {
    assert.match(check(titleIncomplete, '2023年政府信息公开工作年度报告\n')[0]!.message.zh, /缺少机关名称/);
    assert.match(check(titleIncomplete, 'X县政府信息公开工作年度报告\n')[0]!.message.zh, /缺少年份/);
    assert.match(check(titleIncomplete, '一、总体情况\n')[0]!.message.zh, /未找到报告标题/);
  });
  it('accepts a complete title', () => assert.deepEqual(check(titleIncomplete, ALL()), []));
});

describe('period-missing and period-mismatch', () => {
  it('asks for the period sentence', () => {
    const ps = check(periodMissing, ALL().replace('本报告所列数据统计期限为2023年1月1日至12月31日。', '根据《条例》编制本报告。'));
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.text, '根据《条例》编制本报告。');
    assert.match(ps[0]!.message.zh, /2023年1月1日至2023年12月31日/);
  });
  it('flags another year or other dates', () => {
    assert.match(check(periodMismatch, ALL().replace('为2023年1月1日', '为2022年1月1日'))[0]!.message.zh, /起始年份 2022 与标题年份 2023 不一致/);
    assert.match(check(periodMismatch, ALL().replace('至12月31日', '至11月30日'))[0]!.message.zh, /截止日期为11月30日而非12月31日/);
    assert.match(check(periodMismatch, ALL().replace('至12月31日', '至2024年12月31日'))[0]!.message.zh, /起止年份不同/);
  });
  it('accepts the right period', () => assert.deepEqual(check(periodMismatch, ALL()), []));
});

describe('old-format', () => {
  const t2 = (year: number) => ALL({ 2: '第二十条第（一）项\t\t\t\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t1\t5' }).replace('2023年政府', `${year}年政府`);
  it('flags 2019 trial-format labels in a 2021+ report, naming them', () => {
    const ps = check(oldFormat, t2(2023));
    assert.equal(ps.length, 1);
    assert.match(ps[0]!.message.zh, /^未使用新版格式：.*“本年新制作数量”“本年新公开数量”“对外公开总数量”/);
    assert.equal(ps[0]!.related!.length, 2);
  });
  it('accepts them in a 2020 report', () => assert.deepEqual(check(oldFormat, t2(2020)), []));
});

describe('doc-number-brackets', () => {
  it('flags (2021), [2021], 【2021】 and fixes them to 〔2021〕', () => {
    for (const wrong of ['国办公开办函(2021)30号', '国办公开办函[2021]30号', '国办公开办函【2021】30号', '国办公开办函（2021）30号']) {
      const text = ALL({ 1: `根据${wrong}要求。` });
      const ps = check(docNumber, text);
      assert.equal(ps.length, 1, wrong);
      assert.equal(ps[0]!.text, wrong);
      assert.ok(applyFix(text, ps[0]!.fixes![0]!).includes('国办公开办函〔2021〕30号'));
    }
  });
  it('accepts 〔2021〕 and leaves dates and other brackets alone', () => {
    assert.deepEqual(check(docNumber, ALL({ 1: '根据国办公开办函〔2021〕30号、武政函〔2024〕15号要求。截至（2023）年底。' })), []);
  });
});

describe('unbalanced-pairs', () => {
  it('flags an unmatched 《, “ or （ in a paragraph, at the character', () => {
    const ps = check(unbalancedPairs, ALL({ 1: '依据《条例规定，做好“公开工作（试点。' }));
    assert.deepEqual(ps.map((p) => p.text), ['《', '“', '（']);
  });
  it('flags a closing bracket without its opening one', () => {
    assert.deepEqual(check(unbalancedPairs, ALL({ 1: '做好工作）。' })).map((p) => p.text), ['）']);
  });
  it('reads each paragraph on its own: the brackets of a table between two paragraphs count for neither', () => {
    const body = '全年公开信息（含政策解读。\n\n项目（单位\t数量\n办理）\t3\n\n依据条例）规定，做好“公开”工作。\n（二）“依申请公开情况。';
    const text = ALL({ 1: body });
    const ps = check(unbalancedPairs, text);
    const at = text.indexOf(body);
    assert.deepEqual(
      ps.map((p) => [p.text, p.span.start - at]),
      [
        ['（', body.indexOf('（')],
        ['）', body.indexOf('）规定')],
        ['“', body.lastIndexOf('“')],
      ],
    );
  });
  it('accepts mixed full-width and half-width brackets, and a sentence cut by a page break', () => {
    assert.deepEqual(check(unbalancedPairs, ALL({ 1: '到兄弟县（市)进行交叉互检。\n（五）监督保障情况。对各县（市、\n\n区)开展村务公开。' })), []);
  });
});

describe('table-missing, table-row-missing, table-column-missing', () => {
  it('flags a section 三 without its table and inserts the empty table', () => {
    const text = ALL({ 3: '本年无申请。' });
    const ps = check(tableMissing, text).filter((p) => p.text.startsWith('三、'));
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.message.zh, '第三部分缺少收到和处理政府信息公开申请情况统计表');
    const fixed = applyFix(text, ps[0]!.fixes![0]!);
    assert.deepEqual(check(tableMissing, fixed).filter((p) => p.text.startsWith('三、')), []);
    assert.deepEqual(check(tableRowMissing, fixed), [], 'the skeleton has every row');
    assert.equal(analyze(fixed).report.tables.table3!.rows.size, 25);
  });
  it('flags sections 二 and 四 without their tables', () => {
    const ps = check(tableMissing, ALL());
    assert.deepEqual(ps.map((p) => p.text), ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    let text = ALL();
    for (const p of [...ps].reverse()) text = applyFix(text, p.fixes![0]!);
    assert.deepEqual(check(tableMissing, text), []);
  });
  it('flags a missing row of table 二 and inserts it in its sub-table', () => {
    const seed = readSeed('wuzhong-2023');
    const text = seed.replace('行政强制\t4000\t\t\n', '');
    const ps = check(tableRowMissing, text);
    assert.deepEqual(ps.map((p) => p.message.zh), ['表二“第二十条第（六）项”缺少“行政强制”一行']);
    const fixed = applyFix(text, ps[0]!.fixes![0]!);
    assert.ok(fixed.includes('行政处罚\t508900\t\t\n行政强制\t\n'));
    assert.deepEqual(check(tableRowMissing, fixed), []);
  });
  it('inserts a missing row with the line break of the lines around it (text pasted from several sources)', () => {
    // the report in \n, its table 二 pasted with \r\n
    const seed = readSeed('wuzhong-2023').replace('行政强制\t4000\t\t\n', '');
    const start = seed.indexOf('第二十条第(一)项');
    const end = seed.indexOf('三、收到和处理');
    const text = seed.slice(0, start) + seed.slice(start, end).replace(/\n/g, '\r\n') + seed.slice(end);
    const ps = check(tableRowMissing, text);
    assert.deepEqual(ps.map((p) => p.message.zh), ['表二“第二十条第（六）项”缺少“行政强制”一行']);
    const fixed = applyFix(text, ps[0]!.fixes![0]!);
    assert.ok(fixed.includes('行政处罚\t508900\t\t\r\n行政强制\t\r\n'));
    assert.deepEqual(check(tableRowMissing, fixed), []);
    // a report in \r alone (old Mac files): a missing section is inserted with \r
    const cr = ALL().replace('五、存在的主要问题及改进情况\n内容。\n', '').replace(/\n/g, '\r');
    const missing = check(sectionMissing, cr);
    assert.equal(missing.length, 1);
    const withSection = applyFix(cr, missing[0]!.fixes![0]!);
    assert.ok(!withSection.includes('\n'), 'no \\n in a \\r report');
    assert.deepEqual(check(sectionMissing, withSection), []);
  });
  it('flags a column of table 三 missing from the header and from the rows', () => {
    const seed = readSeed('wuzhong-2023');
    // drop 科研机构 from the header and the third number from every row
    const lines = seed.split('\n').map((l) => {
      if (l.includes('科研机构')) return l.replace('科研机构\t', '');
      const m = /^(.*?\t)(\d+)\t(\d+)\t(\d+)\t(.*)$/.exec(l);
      return m && /申请|公开|保密|秘密|信息|案卷|事项|明确|申请|出版物|其他|总计|办理/.test(m[1]!) ? `${m[1]}${m[2]}\t${m[3]}\t${m[5]}` : l;
    });
    const ps = check(tableColumnMissing, lines.join('\n'));
    assert.equal(ps.length, 1);
    assert.match(ps[0]!.message.zh, /表三缺少“科研机构”一列/);
  });
  it('flags a column of table 二 missing from the header and the rows', () => {
    const text = readSeed('wuzhong-2023').replace('信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '信息内容\t本年制发件数\t现行有效件数').replace('规章\t2\t0\t3', '规章\t2\t3').replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t54\t310');
    const ps = check(tableColumnMissing, text);
    assert.deepEqual(ps.map((p) => p.message.zh), ['表二“第二十条第（一）项”缺少“本年废止件数”一列']);
  });

  it('does not take a garbled header for a missing column (wuwei-2023)', () => {
    assert.deepEqual(check(tableColumnMissing, readSeed('wuwei-2023')), []);
  });
});

/** A report for 2023 with its own preamble. */
const WITH_PREAMBLE = (preamble: string, body: Record<number, string> = {}) =>
  ALL(body).replace(TITLE, `X县2023年政府信息公开工作年度报告\n${preamble}\n本报告所列数据统计期限为2023年1月1日至12月31日。\n`);

describe('period-stale-year', () => {
  it('flags a count of the year before stated as the year’s own, with a fix to the report’s year', () => {
    const text = ALL({ 2: '2022年制作、获取政府信息总数467条，其中主动公开政府信息53条。' });
    const ps = check(periodStaleYear, text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.severity, 'warning');
    assert.equal(ps[0]!.text, '2022年制作、获取政府信息总数467条');
    assert.ok(applyFix(text, ps[0]!.fixes![0]!).includes('2023年制作、获取政府信息总数467条'));
  });
  it('flags it after a clause break and after a sub-item’s title run into its text (a flattened page)', () => {
    assert.equal(check(periodStaleYear, ALL({ 3: '2022年，我局共收到政府信息公开申请5件。' })).length, 1);
    assert.equal(check(periodStaleYear, ALL({ 2: '（一）主动公开政府信息的数量2022年主动公开政府信息53条。' })).length, 1);
  });
  it('leaves comparisons, the report’s own year, dates, carry-overs and plans alone', () => {
    for (const body of [
      '较2022年主动公开政府信息53条增加了12条。',
      '2022年主动公开政府信息53条，2023年主动公开65条。',
      '2022年结转的申请2件已全部办结。',
      '2022年受理的申请中有1件转入本年度办理。',
      '2022年12月发布通知1件。',
      '2023年主动公开政府信息65条。',
      '自2019年以来累计公开信息300条。',
    ]) {
      assert.deepEqual(check(periodStaleYear, ALL({ 2: body })), [], body);
    }
    // section 五 speaks of last year's problems and this year's plans
    assert.deepEqual(check(periodStaleYear, ALL({ 5: '2022年发现问题3个，已整改。' })), []);
  });
  it('says nothing without the report’s year', () => {
    const text = ALL({ 2: '2022年主动公开政府信息53条。' }).replace('X县2023年政府信息公开工作年度报告', '政府信息公开工作年度报告');
    assert.deepEqual(check(periodStaleYear, text), []);
  });
});

describe('format-citation-missing', () => {
  it('notes a preamble that cites only the 条例, with a fix citing the notice after it', () => {
    const text = WITH_PREAMBLE('根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，编制本报告。');
    const ps = check(formatCitationMissing, text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.severity, 'information');
    assert.ok(ps[0]!.text.startsWith('根据《中华人民共和国政府信息公开条例》'));
    const fixed = applyFix(text, ps[0]!.fixes![0]!);
    assert.ok(fixed.includes('（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求'));
    assert.deepEqual(check(formatCitationMissing, fixed), []);
  });
  it('says when the preamble cites the 2019 notice instead', () => {
    const ps = check(formatCitationMissing, WITH_PREAMBLE('根据《中华人民共和国政府信息公开条例》和《关于政府信息公开工作年度报告有关事项的通知》要求，编制本报告。'));
    assert.equal(ps.length, 1);
    assert.match(ps[0]!.message.zh, /2019 年试行格式的通知/);
  });
  it('accepts the notice cited by number (any brackets) or by title, and leaves older reports and bare preambles alone', () => {
    for (const cited of ['国办公开办函〔2021〕30号', '国办公开办函（2021）30号', '《中华人民共和国政府信息公开工作年度报告格式》']) {
      assert.deepEqual(check(formatCitationMissing, WITH_PREAMBLE(`根据《中华人民共和国政府信息公开条例》和${cited}要求，编制本报告。`)), [], cited);
    }
    const only = WITH_PREAMBLE('根据《中华人民共和国政府信息公开条例》要求，编制本报告。');
    assert.deepEqual(check(formatCitationMissing, only.replace(/2023年/g, '2020年')), [], 'a report for 2020 is before the notice');
    assert.deepEqual(check(formatCitationMissing, WITH_PREAMBLE('本报告电子版可在门户网站查阅。')), [], 'no grounds cited: nothing to amend');
  });
});

describe('preamble-parts', () => {
  const LIST = '本年报包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、以及政府信息公开工作存在的主要问题和改进措施，并附相关指标统计表。';
  it('notes a part the report has that the preamble’s list leaves out, with a fix adding it after the part before it', () => {
    const text = WITH_PREAMBLE(LIST);
    const ps = check(preambleParts, text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.message.zh, '前言列出的报告组成部分没有“其他需要报告的事项”，而报告有此部分');
    const fixed = applyFix(text, ps[0]!.fixes![0]!);
    assert.ok(fixed.includes('存在的主要问题和改进措施、其他需要报告的事项，并附'));
    assert.deepEqual(check(preambleParts, fixed), []);
  });
  it('reads a list wrapped over lines, and adds a first part before the list’s first', () => {
    const text = WITH_PREAMBLE('本报告由主动公开政府信息情况、收到和处理政府信息公开\n申请情况、行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报\n告的事项组成。');
    const ps = check(preambleParts, text);
    assert.equal(ps.length, 1);
    assert.ok(applyFix(text, ps[0]!.fixes![0]!).includes('本报告由总体情况、主动公开政府信息情况'));
  });
  it('leaves a full list, a sentence naming a few parts, and a part the report lacks alone', () => {
    assert.deepEqual(check(preambleParts, WITH_PREAMBLE(LIST.replace('改进措施，', '改进措施、其他需要报告的事项，'))), []);
    assert.deepEqual(check(preambleParts, WITH_PREAMBLE('本报告包括主动公开和依申请公开情况。')), []);
    // a real preamble's wording of 六 (九江市濂溪区 2024)
    assert.deepEqual(check(preambleParts, WITH_PREAMBLE('本报告包括总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他报告的事项共六个部分。')), []);
    const five = WITH_PREAMBLE(LIST).replace(/六、其他需要报告的事项\n内容。\n/, '');
    assert.deepEqual(check(preambleParts, five), []);
  });
});
