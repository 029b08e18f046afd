import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as {
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  wordPattern: string;
  onEnterRules: { beforeText: string; action: { indent: string; appendText?: string } }[];
};
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configurationDefaults: Record<string, Record<string, unknown>> } };

describe('language configuration', () => {
  it('pairs the Chinese and ASCII brackets', () => {
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    for (const p of ['（）', '《》', '“”', '〔〕', '【】', '()', '[]']) {
      assert.ok(pairs.includes(p), p);
      assert.ok(config.brackets.some(([o, c]) => o + c === p), p);
    }
  });
  it('has a word pattern that selects Chinese words and numbers', () => {
    const re = new RegExp(config.wordPattern, 'gu');
    assert.deepEqual('行政许可 421808 件，1,234.5 元'.match(re), ['行政许可', '421808', '件', '1,234.5', '元']);
  });
  it('keeps the leading tabs of a table row on Enter, and tabs in the editor', () => {
    const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test('\t\t2.其他法律行政法规禁止公开\t0'))!;
    assert.equal(rule.action.indent, 'none');
    assert.equal(manifest.contributes.configurationDefaults['[gov-annual-report]']!['editor.insertSpaces'], false);
  });
});
