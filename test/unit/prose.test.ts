import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeActionKind, TextEdit } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/check';
import { codeActions } from '../../server/src/features/codeActions';
import { completionsAt } from '../../server/src/features/completion';
import { requestsItem, requestsProse } from '../../server/src/features/prose';
import { ROOT, SEED_NAMES, readSeed } from '../helpers';

const URI = 'file:///r.txt';
const REAL = path.join(ROOT, 'test', 'fixtures', 'real');
const REPORTS: [string, string][] = [
  ...SEED_NAMES.map((n): [string, string] => [n, readSeed(n)]),
  ...fs
    .readdirSync(REAL)
    .filter((f) => /^pingtan-.*\d\.txt$/.test(f))
    .map((f): [string, string] => [f, fs.readFileSync(path.join(REAL, f), 'utf8')]),
];

/** The prose action where the 依申请公开 sub-item stands, or undefined. */
function proseAction(text: string) {
  const a = analyze(text);
  const item = requestsItem(a);
  if (!item) return undefined;
  const range = a.lineIndex.rangeOf({ start: item.subheading.start, end: item.subheading.start });
  return codeActions(a, URI, range, 'zh', [CodeActionKind.RefactorRewrite]).find((x) => x.title.startsWith('根据表三、表四'));
}

function apply(text: string, edits: TextEdit[]): string {
  const a = analyze(text);
  let out = text;
  for (const e of [...edits].sort((x, y) => a.lineIndex.offsetAt(y.range.start) - a.lineIndex.offsetAt(x.range.start))) {
    out = out.slice(0, a.lineIndex.offsetAt(e.range.start)) + e.newText + out.slice(a.lineIndex.offsetAt(e.range.end));
  }
  return out;
}

describe('prose from the tables (依申请公开)', () => {
  it('writes the paragraph of wuzhong-2023 from its tables 三 and 四', () => {
    const prose = requestsProse(analyze(readSeed('wuzhong-2023')).report);
    assert.deepEqual(prose, {
      ok: true,
      text:
        '2023年，吴忠市共收到政府信息公开申请344件，上年结转3件。已办结344件，其中予以公开145件，部分公开53件，不予公开20件，无法提供115件，不予处理8件，其他处理3件；结转下年度继续办理3件。' +
        '因政府信息公开引起行政复议22件（结果维持9件、结果纠正8件、其他结果3件、尚未审结2件）；行政诉讼9件，其中未经复议直接起诉5件（结果维持2件、结果纠正1件、其他结果1件、尚未审结1件），复议后起诉4件（结果维持3件、其他结果1件）。',
    });
  });

  it('says what is none as none, and leaves out the kinds of outcome with no request', () => {
    const prose = requestsProse(analyze(readSeed('tongxin-2022')).report);
    assert.ok(prose.ok);
    assert.equal(prose.text, '2022年，同心县共收到政府信息公开申请16件，无上年结转申请。已办结16件，其中予以公开14件，无法提供2件；无结转下年度继续办理的申请。全年未发生因政府信息公开引起的行政复议、行政诉讼。');
  });

  it('writes nothing when a cell it needs is empty, and says which (the action shown disabled)', () => {
    // litong-2021: table 四's first five cells are empty
    const prose = requestsProse(analyze(readSeed('litong-2021')).report);
    assert.ok(!prose.ok);
    assert.deepEqual(prose.unread, ['表四第 1 格', '表四第 2 格', '表四第 3 格', '表四第 4 格', '表四第 5 格']);
    const action = proseAction(readSeed('litong-2021'));
    assert.ok(action?.disabled && !action.edit);
    assert.match(action.disabled.reason, /表四第 1 格/);
  });

  for (const [name, text] of REPORTS) {
    it(`${name}: the inserted paragraph is accepted by the checker (no problem on it, none added elsewhere)`, () => {
      const action = proseAction(text);
      assert.ok(action, 'the 依申请公开 sub-item is found');
      if (action.disabled) return;
      const edits = action.edit!.changes![URI]!;
      assert.equal(edits.length, 1);
      const after = apply(text, edits);
      const before = analyze(text).problems.map((p) => `${p.rule} ${p.message.zh}`);
      const now = analyze(after).problems.map((p) => `${p.rule} ${p.message.zh}`);
      assert.deepEqual(now, before);
      // the paragraph stands inside the sub-item, on a line of its own
      const item = requestsItem(analyze(after))!;
      const inserted = edits[0]!.newText.trim();
      assert.ok(after.slice(item.span.start, item.span.end).includes(inserted), 'inside the sub-item');
      assert.ok(after.split('\n').some((l) => l.trim() === inserted), 'a line of its own');
    });
  }

  it('the paragraph’s numbers are checked: a wrong table makes TXT-table speak', () => {
    const text = readSeed('wuzhong-2023');
    const action = proseAction(text)!;
    const after = apply(text, action.edit!.changes![URI]!);
    // the paragraph states 344 received; change table 三's 一·总计 to 345 and the prose disagrees with it
    const changed = after.replace(/(本年新收政府信息公开申请数量\t\t)343(\t1\t0\t0\t0\t0\t)344/, '$1344$2345');
    assert.notEqual(changed, after);
    assert.ok(analyze(changed).problems.some((p) => p.rule === 'TXT-table' && p.message.zh.includes('344')));
  });

  it('completion on an empty line of the sub-item offers the paragraph, and nowhere else', () => {
    const text = readSeed('wuzhong-2023');
    const a = analyze(text);
    const item = requestsItem(a)!;
    const lineEnd = text.indexOf('\n', item.span.end);
    const withLine = text.slice(0, lineEnd) + '\n' + text.slice(lineEnd);
    const b = analyze(withLine);
    const offered = completionsAt(b, lineEnd + 1, 'zh').find((c) => c.label === '根据表三生成依申请公开情况');
    assert.ok(offered);
    assert.equal(offered.insertText, (requestsProse(b.report) as { text: string }).text);
    // an empty line in section 五 is not the place
    const five = withLine.indexOf('五、存在的主要问题');
    const lineAfter = withLine.indexOf('\n', five);
    const elsewhere = withLine.slice(0, lineAfter) + '\n' + withLine.slice(lineAfter);
    assert.ok(!completionsAt(analyze(elsewhere), lineAfter + 1, 'zh').some((c) => c.label === '根据表三生成依申请公开情况'));
  });
});
