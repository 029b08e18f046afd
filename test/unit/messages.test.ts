/** The extension's own strings (client/src/messages.ts): every one in both languages, the same arguments in each. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MESSAGES, MessageKey, say } from '../../client/src/messages';

const CJK = /[\u4e00-\u9fff]/;

describe('the client’s message table', () => {
  it('has every message in Chinese and in English, taking the same arguments', () => {
    for (const [key, entry] of Object.entries(MESSAGES) as [MessageKey, { zh: unknown; en: unknown }][]) {
      assert.equal(typeof entry.zh, typeof entry.en, key);
      if (typeof entry.zh === 'function') assert.equal((entry.zh as () => string).length, (entry.en as () => string).length, `${key}: arguments`);
    }
  });

  it('says each in the language asked for', () => {
    const args: Partial<Record<MessageKey, unknown[]>> = {
      workspaceChecked: [{ files: 3, errors: 2, warnings: 1, unreadable: 1 }],
      encodingStrayDetail: ['UTF-8', [3, 5]],
      sumCell: [null, 4],
      sumHead: [2, 2023],
    };
    for (const key of Object.keys(MESSAGES) as MessageKey[]) {
      const a = (args[key] ?? (typeof MESSAGES[key].zh === 'function' ? Array((MESSAGES[key].zh as () => string).length).fill(1) : [])) as never[];
      const zh = (say as (lang: 'zh' | 'en', key: MessageKey, ...a: never[]) => string)('zh', key, ...a);
      const en = (say as (lang: 'zh' | 'en', key: MessageKey, ...a: never[]) => string)('en', key, ...a);
      assert.ok(zh.length > 0 && en.length > 0, key);
      // English says no Chinese of its own (a report's own words, like an agency in an example, aside)
      if (!['agencyPrompt', 'clientName'].includes(key)) assert.ok(!CJK.test(en.replace(/某某县人民政府|政府信息公开|年报/g, '')), `${key}: ${en}`);
    }
    assert.equal(say('en', 'workspaceChecked', { files: 1, errors: 0, warnings: 2, unreadable: 0 }), '1 report checked: 0 errors, 2 warnings.');
    assert.equal(say('zh', 'workspaceChecked', { cancelled: true, files: 1, errors: 0, warnings: 2, unreadable: 3 }), '已取消。检查了 1 份年报：0 个错误，2 个警告；3 个文件无法读取。');
  });
});
