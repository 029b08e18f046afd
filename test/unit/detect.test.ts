import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeReport } from '../../server/src/parse/detect';
import { SEED_NAMES, readSeed } from '../helpers';

describe('looksLikeReport', () => {
  for (const name of SEED_NAMES) {
    it(`recognises ${name}`, () => assert.equal(looksLikeReport(readSeed(name)), true));
  }
  it('recognises a title split over two lines and a Markdown title', () => {
    assert.equal(looksLikeReport('某市2023年政府信息公开\n工作年度报告'), true);
    assert.equal(looksLikeReport('# **某县 2022 年政府信息公开工作年度报告**'), true);
  });
  it('recognises a report pasted from its first heading, by its section headings (lines or a flattened page)', () => {
    const body = (sep: string) =>
      ['一、总体情况', '2023年，全区……。', '二、主动公开政府信息情况', '第二十条第（一）项', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].join(sep);
    assert.equal(looksLikeReport(body('\n')), true);
    const flat =
      '本报告……编制。一、总体情况2023年，全区……。二、主动公开政府信息情况第二十条第（一）项信息内容规章000三、收到和处理政府信息公开申请情况' +
      '一、本年新收政府信息公开申请数量1000001四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议000000000000000' +
      '五、存在的主要问题及改进情况一是……。六、其他需要报告的事项本年度未收取信息处理费。';
    assert.equal(looksLikeReport(flat), true);
    // a report's text is recognised whatever came before it
    assert.equal(looksLikeReport('x\n'.repeat(100) + body('\n')), true);
    // three headings are not yet a report: other documents are numbered 一、二、三 too
    assert.equal(looksLikeReport('一、总体情况\n二、主动公开政府信息情况\n三、下一步工作\n'), false);
  });
  it('rejects other documents, and a title far below the top', () => {
    assert.equal(looksLikeReport('会议纪要\n\n一、总体情况\n'), false);
    assert.equal(looksLikeReport('x\n'.repeat(200) + '某市2023年政府信息公开工作年度报告'), false);
    assert.equal(looksLikeReport(''), false);
  });
});
