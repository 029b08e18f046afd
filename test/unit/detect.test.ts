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
  it('rejects other documents, and a title far below the top', () => {
    assert.equal(looksLikeReport('会议纪要\n\n一、总体情况\n'), false);
    assert.equal(looksLikeReport('x\n'.repeat(200) + '某市2023年政府信息公开工作年度报告'), false);
    assert.equal(looksLikeReport(''), false);
  });
});
