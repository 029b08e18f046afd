import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValueLike, readCell } from '../../server/src/model/cells';
import { toHalfWidth } from '../../server/src/parse/text';

const at = { start: 10, end: 20 };

describe('readCell', () => {
  it('reads clean counts and amounts', () => {
    assert.deepEqual(readCell('421808', at), { start: 10, end: 20, raw: '421808', value: 421808, issue: undefined, notes: undefined, candidates: undefined, inferred: undefined });
    assert.equal(readCell('18770.9525', at, 'amount').value, 18770.9525);
    assert.equal(readCell('18770.9525', at, 'amount').issue, undefined);
  });

  it('gives every cell the same fields in the same order, whatever it holds (one shape for the engine)', () => {
    const keys = (raw: string) => Object.keys(readCell(raw, at)).join(',');
    const plain = keys('421808');
    assert.equal(plain, 'start,end,raw,value,issue,notes,candidates,inferred');
    for (const raw of ['', '/', '无', '１２３', '1,234', '-3', '2.5', '12件', '共 12 件 3', 'abc']) assert.equal(keys(raw), plain, raw);
  });

  it('reads full-width digits and thousands separators, with a note', () => {
    const c = readCell('１２３', at);
    assert.equal(c.value, 123);
    assert.deepEqual(c.notes, ['fullwidth']);
    const d = readCell('1,234', at);
    assert.equal(d.value, 1234);
    assert.deepEqual(d.notes, ['separator']);
  });

  it('says why a cell holds no number', () => {
    assert.equal(readCell('', at).issue, 'empty');
    assert.equal(readCell('  ', at).issue, 'empty');
    for (const p of ['/', '—', '-', '无', '——']) assert.equal(readCell(p, at).issue, 'placeholder', p);
    assert.equal(readCell('本年处理决定数量', at).issue, 'text');
    const r = readCell('元 政事业性收费 22910', at);
    assert.equal(r.issue, 'residue');
    assert.equal(r.value, null);
    assert.deepEqual(r.candidates, [22910]);
  });

  it('reads negative numbers and fractional counts as numbers with an issue', () => {
    assert.deepEqual([readCell('-3', at).value, readCell('-3', at).issue], [-3, 'negative']);
    assert.deepEqual([readCell('2.5', at).value, readCell('2.5', at).issue], [2.5, 'fraction']);
  });
});

describe('isValueLike', () => {
  it('tells what stands where a number should, a label told without folding it', () => {
    // the whole reading, folded and without white space, as it is defined
    const folded = (raw: string) => {
      const half = toHalfWidth(raw).replace(/\s+/g, '');
      return half === '' || /^(?:[\/／\\—–\-－─━_＿…·.。]+|无|空|暂无|—+|-+)$/.test(half) || /^[-−]?\d+(?:\.\d+)?$/.test(half.replace(/,/g, ''));
    };
    const cases: [string, boolean][] = [
      ['', true], ['  ', true], ['\u3000', true], ['0', true], ['１２３', true], ['12,345', true], ['-3', true], ['3.5', true],
      ['无', true], [' 无 ', true], ['暂 无', true], ['空', true], ['—', true], ['／', true], ['…', true],
      ['（一）予以公开', false], ['自然人', false], ['无数据', false], ['暂', false], ['空白', false], ['1件', false],
      ['三、本年度办理结果', false], ['12a', false], ['无无', false], ['一', false],
    ];
    for (const [raw, want] of cases) {
      assert.equal(isValueLike(raw), want, JSON.stringify(raw));
      assert.equal(folded(raw), want, `the definition: ${JSON.stringify(raw)}`);
    }
  });
});
