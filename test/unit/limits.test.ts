/**
 * Limits a hostile or careless document must not break: very many problems from one rule, positions
 * past a line's end.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PROBLEMS_PER_RULE, analyze } from '../../server/src/check';
import { LineIndex } from '../../server/src/parse/text';
import type { Rule } from '../../server/src/rules/types';

describe('a rule with very many problems', () => {
  it('keeps them (no stack overflow past 100 000), lists the first 1 000 and says how many more there are', () => {
    const many: Rule = {
      meta: { id: 'many', severity: 'warning', description: { zh: '多', en: 'many' } },
      check: () => Array.from({ length: 200_000 }, (_v, k) => ({ rule: 'many', severity: 'warning' as const, message: { zh: `第 ${k} 个`, en: `#${k}` }, span: { start: k % 10, end: (k % 10) + 1 } })),
    };
    const a = analyze('一二三四五六七八九十\n', { rules: [many] });
    assert.deepEqual(a.failures, []);
    assert.equal(MAX_PROBLEMS_PER_RULE, 1000);
    assert.equal(a.problems.length, MAX_PROBLEMS_PER_RULE + 1);
    assert.ok(a.problems.some((p) => /还有 199000 个问题未列出/.test(p.message.zh)));
  });
});

describe('positions past a line’s end', () => {
  it('mean the line’s end, never a place on the next line (LSP)', () => {
    const index = new LineIndex('行政许可\t15\n行政处罚\t3\n');
    assert.equal(index.offsetAt({ line: 0, character: 22 }), 7);
    assert.equal(index.offsetAt({ line: 1, character: 3 }), 11);
    assert.equal(index.offsetAt({ line: 1, character: 99 }), 14);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 15);
  });
});
