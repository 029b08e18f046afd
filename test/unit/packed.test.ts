import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PackedStrings } from '../../server/src/cli/packed';

describe('PackedStrings (a run’s paths kept off the heap)', () => {
  it('gives every string back exactly as it went in, in its place, across many growths', () => {
    const strings = ['', 'a', '某县人民政府2023年政府信息公开工作年度报告.md', 'C:\\报告\\2023.docx', 'lone \ud800 surrogate', '😀 astral', 'x'.repeat(70_000)];
    for (let k = 0; k < 5000; k++) strings.push(`/data/${k % 7}/report-${k}.md`);
    const packed = new PackedStrings();
    strings.forEach((s, k) => assert.equal(packed.push(s), k));
    assert.equal(packed.length, strings.length);
    strings.forEach((s, k) => assert.equal(packed.get(k), s, `string ${k}`));
  });

  it('refuses a place it does not have', () => {
    const packed = new PackedStrings();
    assert.throws(() => packed.get(0), RangeError);
    packed.push('a');
    assert.throws(() => packed.get(1), RangeError);
    assert.throws(() => packed.get(-1), RangeError);
  });
});
