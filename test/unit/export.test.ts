import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import { analyze } from '../../server/src/check';
import { exportDocx } from '../../server/src/features/exportDocx';
import { exportHtml } from '../../server/src/features/exportHtml';
import { PubTable, exportBlockers, publication, withoutRows } from '../../server/src/features/publication';
import { exportTables } from '../../server/src/features/tablesExport';
import { readBytes } from '../../server/src/read/index';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, SEED_NAMES, readSeed } from '../helpers';

const readFixture = (name: string) => fs.readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8');

/**
 * Problems as rule and message (their places differ between a report and its export), but those on the
 * wording of column headers and row labels: export writes the national format's words.
 */
const said = (text: string) =>
  analyze(text)
    .problems.filter((p) => p.rule !== 'table-header' && p.rule !== 'table-row-label')
    .map((p) => `${p.rule} ${p.message.zh}`);

function readBack(bytes: Uint8Array, name: string): string {
  const r = readBytes(bytes, name);
  assert.ok(r.ok, r.ok ? '' : r.refusal.message.en);
  return r.read.text;
}

const tablesOf = (text: string) => {
  const { title: _t, ...rest } = exportTables(analyze(text).report);
  return rest;
};

/**
 * Reports to read back: the seeds, and the real reports of the corpus (crawled pages, one with its
 * web page too).
 */
const ROUND_TRIP: [string, () => string][] = [
  ...SEED_NAMES.map((n): [string, () => string] => [n, () => readSeed(n)]),
  ...fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures', 'real'))
    .filter((f) => /^pingtan-.*\d\.(?:txt|html)$/.test(f))
    .map((f): [string, () => string] => [
      f,
      () => {
        const r = readBytes(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', f)), f);
        assert.ok(r.ok);
        return r.read.text;
      },
    ]),
];

/**
 * A report read back from its export says what the report said: the same tables and problems. Where
 * the report had digits run together (unreadable: cell-run-together), the export keeps each run whole
 * in one cell, and reading it back finds a row short of numbers there (table-shape) instead; the rest
 * is the same.
 */
function sameReport(back: string, text: string): void {
  const before = said(text);
  const after = said(back);
  if (!before.some((p) => p.startsWith('cell-run-together '))) {
    assert.deepEqual(tablesOf(back), tablesOf(text));
    assert.deepEqual(after, before);
    return;
  }
  for (const p of before) if (!p.startsWith('cell-run-together ')) assert.ok(after.includes(p), p);
  for (const p of after) if (!before.includes(p)) assert.match(p, /^table-shape 表[二三四]/);
}

describe('publication (what export writes)', () => {
  it('has the title, the six sections in order and tables 二, 三, 四 in the national layout where the report has them', () => {
    const pub = publication(analyze(readSeed('wuzhong-2023')));
    assert.equal(pub.title, '吴忠市 2023 年政府信息公开工作年度报告');
    const headings = pub.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text.slice(0, 2));
    assert.deepEqual(headings, ['一、', '二、', '三、', '四、', '五、', '六、']);
    const order = pub.blocks.filter((b) => b.kind === 'heading' || b.kind === 'table').map((b) => (b.kind === 'table' ? `表${b.id}` : (b as { text: string }).text.slice(0, 1)));
    assert.deepEqual(order, ['一', '二', '表二', '三', '表三', '四', '表四', '五', '六']);
    const tables = pub.blocks.filter((b): b is PubTable => b.kind === 'table');
    // 表二: 4 sub-tables of heading, header and rows; 表三: 3 header rows and 25 rows; 表四: 3 header rows and the numbers
    assert.deepEqual(tables.map((t) => t.rows.length), [14, 28, 4]);
    assert.deepEqual(tables.map((t) => t.widths.length), [4, 10, 15]);
    const t3 = tables[1]!;
    assert.deepEqual(t3.rows[0]![0], { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', header: true, colspan: 3, rowspan: 3 });
    assert.deepEqual(t3.rows[3]!.map((c) => c.text), ['一、本年新收政府信息公开申请数量', '343', '1', '0', '0', '0', '0', '344']);
    // every row spans the table's ten columns (merged cells counted once; rows under a rowspan are shorter)
    assert.equal(t3.rows[3]!.reduce((n, c) => n + (c.colspan ?? 1), 0), 10);
    assert.deepEqual(tables[2]!.rows[3]!.map((c) => c.text), ['9', '8', '3', '2', '22', '2', '1', '1', '1', '5', '3', '0', '1', '0', '4']);
    // the sub-items' titles are set apart from their text
    const sub = pub.blocks.find((b) => b.kind === 'paragraph' && b.lead?.startsWith('（一）'));
    assert.deepEqual(sub && sub.kind === 'paragraph' ? sub.lead : undefined, '（一）主动公开情况。');
  });

  it('keeps every line outside the tables, and no text of the tables outside them', () => {
    for (const name of SEED_NAMES) {
      const text = readSeed(name);
      const a = analyze(text);
      const pub = publication(a);
      const squeeze = (s: string) => s.replace(/[\s*#>-]/g, '');
      const written = squeeze(pub.blocks.map((b) => (b.kind === 'table' ? '' : b.kind === 'paragraph' ? (b.lead ?? '') + b.text : b.text)).join(''));
      const tables = [a.report.tables.table2, a.report.tables.table3, a.report.tables.table4].filter((t) => t !== undefined);
      let at = a.report.title!.end;
      for (const line of text.slice(at).split('\n')) {
        const start = at;
        at += line.length + 1;
        if (!line.trim() || tables.some((t) => start < t.end && start + line.length > t.start)) continue;
        assert.ok(written.includes(squeeze(line)), `${name}: ${line}`);
      }
      assert.ok(!written.includes('本年新收政府信息公开申请数量'), `${name}: table 三 is a table, not paragraphs`);
    }
  });

  it('writes a row whose numbers cannot all be placed as the report has them, never dropping a number', () => {
    const a = analyze(readSeed('litong-2021'));
    const t3 = publication(a).blocks.find((b): b is PubTable => b.kind === 'table' && b.id === '三')!;
    const row = t3.rows.find((r) => r.some((c) => c.text.includes('予以公开')))!;
    // （一）予以公开 has six numbers for seven columns: the six, in order, and no seventh cell
    assert.deepEqual(row.filter((c) => !c.header).map((c) => c.text), ['2', '0', '0', '0', '0', '2']);
    // and every number of the report's table 三 is in the export
    const numbers = [...a.report.tables.table3!.rows.values()].flatMap((r) => r.found.map((c) => c.raw).filter((x) => x !== ''));
    const exported = t3.rows.flatMap((r) => r.filter((c) => !c.header).map((c) => c.text));
    assert.equal(exported.filter((x) => x !== '').length, numbers.length);
  });

  it('leaves out a row the report does not have, and a group’s label moves down to its first row there', () => {
    // 表三 without （三）1.属于国家秘密, the first row of （三）不予公开 (which spans its eight rows)
    const text = readSeed('wuzhong-2023').replace(/^.*属于国家秘密.*\n/m, '');
    const a = analyze(text);
    assert.ok(a.problems.some((p) => p.rule === 'table-row-missing'));
    const t3 = publication(a).blocks.find((b): b is PubTable => b.kind === 'table' && b.id === '三')!;
    assert.equal(t3.rows.length, 27);
    const group = t3.rows.find((r) => r.some((c) => c.text === '（三）不予公开'))!;
    assert.deepEqual(group.slice(0, 2).map((c) => [c.text, c.rowspan]), [['（三）不予公开', 7], ['2.其他法律行政法规禁止公开', undefined]]);
    assert.equal(t3.rows[5]![0]!.text, '三、本年度办理结果');
    assert.equal(t3.rows[5]![0]!.rowspan, 21, 'twenty-two result rows, one left out');
    // read back, the row is missing still (not there with empty cells)
    const back = readBack(new TextEncoder().encode(exportHtml(publication(a))), 'x.html');
    assert.deepEqual(said(back), said(text));
    assert.deepEqual(tablesOf(back), tablesOf(text));
  });

  it('keeps digits run together as the report has them (and export refuses over them)', () => {
    const text = readFixture('real/pingtan-gongan-ju-2019.txt');
    const a = analyze(text);
    assert.ok(exportBlockers(a).some((p) => p.rule === 'cell-run-together'));
    const t2 = publication(a).blocks.find((b): b is PubTable => b.kind === 'table' && b.id === '二')!;
    const row = (label: string) => t2.rows.find((r) => r[0]!.text === label)!.slice(1).map((c) => c.text);
    assert.deepEqual(row('行政许可'), ['4500']);
    assert.deepEqual(row('行政处罚'), ['63600']);
    assert.deepEqual(row('规章'), ['0', '0', '0']);
  });

  it('withoutRows: a cell spanning rows keeps the rows kept, and moves down when its own row goes', () => {
    const c = (text: string, rowspan?: number) => (rowspan ? { text, rowspan } : { text });
    const grid = [[c('A', 3), c('a1')], [c('a2')], [c('a3')], [c('B'), c('b')]];
    assert.deepEqual(withoutRows(grid, new Set([1])), [[c('A', 2), c('a1')], [c('a3')], [c('B'), c('b')]]);
    assert.deepEqual(withoutRows(grid, new Set([0])), [[c('A', 2), c('a2')], [c('a3')], [c('B'), c('b')]]);
    assert.deepEqual(withoutRows(grid, new Set([0, 1])), [[c('A'), c('a3')], [c('B'), c('b')]]);
    assert.deepEqual(withoutRows(grid, new Set([0, 1, 2])), [[c('B'), c('b')]]);
  });

  it('joins a line broken inside a sentence (text from a PDF) to the paragraph it continues, and nothing else', () => {
    const text = readSeed('tongxin-2022').replace(/^（一）抓重点、拓范围，主动公开成效显著。(.{20})/m, '（一）抓重点、拓范围，主动公开成效显著。$1\n');
    const pub = publication(analyze(text));
    const item = pub.blocks.find((b) => b.kind === 'paragraph' && b.lead?.startsWith('（一）抓重点'));
    assert.ok(item && item.kind === 'paragraph');
    // the same as from the text without that break (the seed itself breaks this sub-item once, after “其”)
    const original = publication(analyze(readSeed('tongxin-2022'))).blocks.find((b) => b.kind === 'paragraph' && b.lead?.startsWith('（一）抓重点'));
    assert.deepEqual(item, original);
    assert.ok(item.text.includes('政务新媒体公开 8785 条，其他平台公开 2090 条'), item.text);
    assert.ok(item.text.endsWith('公示栏公开 2776 条。'));
    // a signature and its date stay two paragraphs
    const signed = publication(analyze(readSeed('tongxin-2022') + '\n同心县人民政府办公室\n2023年1月20日\n'));
    const last = signed.blocks.slice(-2).map((b) => (b.kind === 'paragraph' ? b.text : ''));
    assert.deepEqual(last, ['同心县人民政府办公室', '2023年1月20日']);
  });

  it('takes Markdown marks off headings and list items', () => {
    const text = readSeed('tongxin-2022').replace('一、总体情况', '## 一、总体情况');
    const pub = publication(analyze(text));
    assert.ok(pub.blocks.some((b) => b.kind === 'heading' && b.text === '一、总体情况'));
  });

  it('export refuses over the errors in the tables only, as configured', () => {
    assert.deepEqual(exportBlockers(analyze(readSeed('tongxin-2022'))), []);
    const wuwei = exportBlockers(analyze(readSeed('wuwei-2023')));
    assert.deepEqual([...new Set(wuwei.map((p) => p.rule))].sort(), ['T3-column', 'T3-row', 'cell-empty', 'cell-residue']);
    // a section missing is an error, but not one in the tables
    const noSix = readSeed('tongxin-2022').replace(/六、其他需要报告的事项[\s\S]*$/, '');
    assert.ok(analyze(noSix).problems.some((p) => p.severity === 'error' && p.rule === 'section-missing'));
    assert.deepEqual(exportBlockers(analyze(noSix)), []);
    // a rule turned down to a warning no longer blocks
    const relaxed = analyze(readSeed('wuwei-2023'), { ruleSettings: { 'cell-residue': 'warning' } });
    assert.equal(exportBlockers(relaxed).length, wuwei.length - 4);
  });
});

describe('export to a web page', () => {
  it('is one <article> with semantic tables: <th> with scope, rowspan and colspan, no script and nothing fetched', () => {
    const html = exportHtml(publication(analyze(readSeed('wuzhong-2023'))));
    assert.match(html, /^<article class="gov-annual-report">/);
    assert.match(html, /<th colspan="3" rowspan="3" scope="colgroup"[^>]*>（本列数据的勾稽关系为/);
    assert.match(html, /<th rowspan="2" scope="col"[^>]*>自然人<\/th>/);
    // 表二's sub-tables: the heading over the columns, the 信息内容 row heading the columns, the labels their rows
    assert.match(html, /<th colspan="4" scope="colgroup"[^>]*>第二十条第（一）项<\/th>/);
    assert.match(html, /<th scope="col"[^>]*>信息内容<\/th><th scope="col"[^>]*>本年制发件数<\/th>/);
    assert.match(html, /<th scope="row"[^>]*>规章<\/th><td/);
    assert.equal((html.match(/<table /g) ?? []).length, 3);
    assert.equal((html.match(/<thead>/g) ?? []).length, 2, '表三 and 表四 have header rows');
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
  });

  it('escapes every text', () => {
    const text = readSeed('tongxin-2022').replace('一、总体情况', '一、总体情况\n<script>alert("x")</script> & <b>');
    const html = exportHtml(publication(analyze(text)));
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;'));
    assert.doesNotMatch(html, /<script/);
  });

  for (const [name, read] of ROUND_TRIP) {
    it(`${name}: read back, the same tables and the same problems`, () => {
      const text = read();
      const back = readBack(new TextEncoder().encode(exportHtml(publication(analyze(text)))), `${name}.html`);
      sameReport(back, text);
    });
  }
});

describe('export to Word', () => {
  it('is a .docx on A4 with the official margins, CJK fonts, merged header cells and header rows repeated', async () => {
    const bytes = await exportDocx(publication(analyze(readSeed('wuzhong-2023'))));
    const files = unzipSync(bytes);
    assert.ok(files['[Content_Types].xml'] && files['word/document.xml'] && files['word/styles.xml']);
    const xml = strFromU8(files['word/document.xml']!);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /w:eastAsia="仿宋"/);
    assert.match(xml, /w:eastAsia="黑体"/);
    assert.equal((xml.match(/<w:tbl>/g) ?? []).length, 3);
    assert.match(xml, /<w:gridSpan w:val="7"\/>/, '申请人情况 over seven columns');
    assert.match(xml, /<w:vMerge w:val="restart"\/>/);
    assert.match(xml, /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    assert.match(xml, /<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1)"\/>/);
    // the table fits the text width: A4 less the margins
    const grid = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].reduce((n, g) => n + Number(g[1]), 0));
    for (const width of grid) assert.ok(width <= 11906 - 1587 - 1474 && width > 8500, String(width));
  });

  for (const [name, read] of ROUND_TRIP) {
    it(`${name}: read back, the same tables and the same problems`, async () => {
      const text = read();
      const back = readBack(await exportDocx(publication(analyze(text))), `${name}.docx`);
      sameReport(back, text);
    });
  }

  it('every seed: every number of its tables is in the Word document read back', async () => {
    for (const name of SEED_NAMES) {
      const text = readSeed(name);
      const a = analyze(text);
      const back = analyze(readBack(await exportDocx(publication(a)), `${name}.docx`));
      const numbers = (x: typeof a) => {
        const t = x.report.tables;
        return [...(t.table2?.rows.values() ?? []), ...(t.table3?.rows.values() ?? [])].flatMap((r) => r.found.map((c) => c.raw)).concat(t.table4?.found.map((c) => c.raw) ?? []).filter((r) => r !== '').sort();
      };
      assert.deepEqual(numbers(back), numbers(a), name);
    }
  });
});

describe('export of a row with more numbers than its cells', () => {
  it('writes its first numbers one a cell and the rest, as written, in its last', () => {
    // 表三（二）部分公开 with an eighth number
    const text = readSeed('wuzhong-2023').replace(/(\(二\) 部分公开[^\n]*?)\t53\t0\t0\t0\t0\t0\t53/, '$1\t53\t0\t0\t0\t0\t0\t53\t9');
    assert.notEqual(text, readSeed('wuzhong-2023'));
    const a = analyze(text);
    const t3 = publication(a).blocks.find((b): b is PubTable => b.kind === 'table' && b.id === '三')!;
    const row = t3.rows.find((r) => r.some((c) => c.text.startsWith('（二）部分公开')))!;
    assert.deepEqual(row.filter((c) => !c.header).map((c) => c.text), ['53', '0', '0', '0', '0', '0', '53 9']);
  });
});
