/**
 * Every snippet, expanded with its default values, inserts text the checker accepts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { ROOT } from '../helpers';
import { expand } from '../snippetExpand';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'gov-annual-report.code-snippets'), 'utf8')) as Record<string, Snippet>;

const FULL = expand(SNIPPETS['年报全文 (whole report)']!.body);
const lines = FULL.split('\n');
const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

/** The whole report with lines [from, to) replaced. */
function replaced(from: number, to: number, by: string): string {
  return [...lines.slice(0, from), ...by.split('\n'), ...lines.slice(to)].join('\n');
}

const HEADINGS = ['一、', '二、主动公开', '三、收到和处理', '四、政府信息公开行政复议', '五、', '六、'];
function sectionLines(k: number): [number, number] {
  const from = at(HEADINGS[k]!);
  const to = k + 1 < HEADINGS.length ? at(HEADINGS[k + 1]!) : lines.length;
  return [from, to];
}

/** Where each snippet goes in the whole report. */
function placed(name: string, text: string): string {
  const preamble = at('根据《中华人民共和国政府信息公开条例》');
  if (name.startsWith('前言')) return replaced(preamble, preamble + 1, text);
  if (name.startsWith('统计期限')) return replaced(preamble, preamble + 1, lines[preamble]!.replace(/本报告所列数据统计期限为[^。]*。/, '') + text);
  if (name.startsWith('电子版')) return replaced(preamble, preamble + 1, lines[preamble]!.replace(/本报告电子版.*$/, '') + text);
  const section = ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分', '第六部分'].findIndex((p) => name.startsWith(p));
  if (section >= 0) {
    const [from, to] = sectionLines(section);
    return replaced(from, to, text + '\n');
  }
  const table = ['表二', '表三', '表四'].findIndex((p) => name.startsWith(p));
  if (table >= 0) {
    const [from, to] = sectionLines(table + 1);
    return replaced(from + 2, to, text + '\n');
  }
  if (name.startsWith('无行政复议')) {
    const [, to] = sectionLines(3);
    return replaced(to, to, text + '\n');
  }
  // clauses of section 六: the section with its fee sentence replaced by the clause
  const [from, to] = sectionLines(5);
  return replaced(from + 1, to, '\n' + text + (name.startsWith('信息处理费') ? '' : '\n本年度未收取信息处理费。'));
}

describe('snippets', () => {
  it('has prefixes in pinyin initials and in Chinese for every snippet', () => {
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.ok(s.prefix.some((p) => /^nb-[a-z0-9]+$/.test(p)), `${name}: pinyin prefix`);
      assert.ok(s.prefix.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name}: Chinese prefix`);
      assert.ok(s.description.length > 0);
    }
    assert.deepEqual(SNIPPETS['年报全文 (whole report)']!.prefix, ['nb-quanwen', '年报全文']);
  });

  it('the whole report checks clean, with a tab stop for every number', () => {
    assert.deepEqual(analyze(FULL).problems.map((p) => `${p.rule} ${p.message.zh}`), []);
    const body = SNIPPETS['年报全文 (whole report)']!.body.join('\n');
    const numberStops = body.match(/\$\{\d+:0\}/g)!.length;
    assert.equal(numberStops, 10 + 175 + 15, 'table 二 10, table 三 175, table 四 15');
    assert.match(FULL, /^机关名称2023年政府信息公开工作年度报告\n/);
  });

  it('the tables read as the format’s tables, every cell in its place', () => {
    const a = analyze(FULL);
    assert.equal(a.report.tables.table2!.rows.size, 6);
    assert.equal(a.report.tables.table3!.rows.size, 25);
    for (const row of a.report.tables.table3!.rows.values()) assert.equal(row.shape, 'ok', row.label);
    assert.equal(a.report.tables.table4!.shape, 'ok');
  });

  for (const [name, s] of Object.entries(SNIPPETS)) {
    if (name.startsWith('年报全文')) continue;
    it(`“${name}” inserts text the checker accepts`, () => {
      const text = expand(s.body);
      const doc = placed(name, text);
      assert.ok(doc.includes(text.split('\n')[0]!), 'the snippet is in the document');
      assert.deepEqual(analyze(doc).problems.map((p) => `${p.rule} ${p.message.zh}`), []);
    });
  }

  it('a snippet whose numbers are filled in still adds up when they do', () => {
    const t4 = expand(SNIPPETS['表四 (table 四)']!.body).replace(/^0(\t0){14}$/m, '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0');
    assert.deepEqual(analyze(placed('表四', t4)).problems.filter((p) => p.rule === 'T4-block'), []);
    const wrong = t4.replace(/^1\t0\t0\t0\t1/m, '1\t0\t0\t0\t2');
    assert.equal(analyze(placed('表四', wrong)).problems.filter((p) => p.rule === 'T4-block').length, 1);
  });
});
