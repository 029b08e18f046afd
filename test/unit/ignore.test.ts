import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { keyOf, problemKeys } from '../../server/src/ignore';
import { readSeed } from '../helpers';

const rules = (a: ReturnType<typeof analyze>) => a.problems.map((p) => p.rule);

/** Inserts lines right after the title line (above every problem of the seeds). */
function linesAbove(text: string): string {
  const at = text.indexOf('\n', text.indexOf('政府信息公开工作年度报告')) + 1;
  return text.slice(0, at) + '（新插入的一段说明文字。）\n\n又一行。\n' + text.slice(at);
}

describe('ignore this problem here', () => {
  it('names a problem on a cell by the cell’s place in the format, others by their line', () => {
    const a = analyze(readSeed('wuwei-2023'));
    const row = a.problems.find((p) => p.rule === 'T3-row')!;
    assert.equal(keyOf(a, row), 'cell:表三 · （六）其他处理 · 1.申请人无正当理由逾期不补正… · 总计');
    const s = analyze(readSeed('shizuishan-office-2023'));
    const title = s.problems.find((p) => p.rule === 'section-title-nonstandard')!;
    assert.equal(keyOf(s, title), 'line:五、存在主要问题及改进情况⟨五、存在主要问题及改进情况⟩');
  });

  it('numbers problems of one rule that share a place', () => {
    const text = '关于《某某》和《某某》的说明。\n《甲。\n《甲。\n';
    const a = analyze(text);
    const keys = problemKeys(a.problems.filter((p) => p.rule === 'unbalanced-pairs'), a.report, a.lineIndex);
    assert.deepEqual(keys, ['line:《甲。⟨《⟩', 'line:《甲。⟨《⟩#1']);
  });

  it('drops exactly the ignored problems, keeps them in `ignored`, and survives lines inserted above', () => {
    const text = readSeed('wuwei-2023');
    const before = analyze(text);
    const row = before.problems.find((p) => p.rule === 'T3-row')!;
    const ignore = [{ rule: 'T3-row', at: keyOf(before, row) }];
    const a = analyze(text, { ignore });
    assert.deepEqual(rules(a), rules(before).filter((r) => r !== 'T3-row'));
    assert.deepEqual(a.ignored.map((p) => p.rule), ['T3-row']);
    const moved = analyze(linesAbove(text), { ignore });
    assert.ok(!rules(moved).includes('T3-row'), 'still ignored after lines were inserted above');
    assert.ok(rules(moved).includes('T3-column'), 'the other problems of the same table still show');
  });

  it('a prose problem stays ignored when lines move, and shows again when its line is edited', () => {
    const text = readSeed('shizuishan-office-2023');
    const before = analyze(text);
    const txt = before.problems.find((p) => p.rule === 'TXT-table')!;
    const ignore = [{ rule: 'TXT-table', at: keyOf(before, txt) }];
    assert.ok(!rules(analyze(text, { ignore })).includes('TXT-table'));
    assert.ok(!rules(analyze(linesAbove(text), { ignore })).includes('TXT-table'));
    const edited = text.replace('均规范及时办理答复', '均依法办理答复');
    assert.notEqual(edited, text);
    assert.ok(rules(analyze(edited, { ignore })).includes('TXT-table'), 'its line changed: the problem is back');
  });

  it('an entry of another rule, or of a place that is not there, ignores nothing', () => {
    const text = readSeed('wuwei-2023');
    const before = analyze(text);
    const row = before.problems.find((p) => p.rule === 'T3-row')!;
    assert.deepEqual(rules(analyze(text, { ignore: [{ rule: 'T3-column', at: keyOf(before, row) }] })), rules(before));
    assert.deepEqual(rules(analyze(text, { ignore: [{ rule: 'T3-row', at: 'cell:表三 · 不存在' }] })), rules(before));
  });
});
