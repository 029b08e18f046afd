/**
 * The read layer: reports as they are published (web pages, Word files) read into report text.
 * The seeds and four real reports rendered by LibreOffice (test/fixtures/renderings/, made by
 * scripts/renderings.ts) and one real page's article give the tables of their text; small pages and
 * documents of our own pin each reading (charsets, merged cells, list numbering, what is dropped) and
 * each refusal.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { analyze } from '../../server/src/check';
import { TablesExport, exportTables } from '../../server/src/features/tablesExport';
import { formatNumber, parseXml } from '../../server/src/read/docx';
import { Parser } from 'htmlparser2';
import { strFromU8, unzipSync } from 'fflate';
import { decodeHtml } from '../../server/src/read/html';
import { readBytes, sniffForm } from '../../server/src/read/index';
import { ROOT, SEED_NAMES, readSeed } from '../helpers';

const RENDERINGS = path.join(ROOT, 'test', 'fixtures', 'renderings');
const REAL_DIR = path.join(ROOT, 'test', 'fixtures', 'real');
const TRUTH: Record<string, TablesExport & { known_defects: unknown[] }> = JSON.parse(fs.readFileSync(path.join(REAL_DIR, 'truth.json'), 'utf8'));
const REAL = ['pingtan-zonghe-shiyanqu-2025', 'pingtan-haitan-pianqu-2025', 'pingtan-gongan-ju-2019', 'pingtan-suping-pianqu-2020'];

function textOf(bytes: Uint8Array, name: string): string {
  const r = readBytes(bytes, name);
  assert.ok(r.ok, r.ok ? '' : `${name}: ${r.refusal.message.en}`);
  return r.read.text;
}

function tablesOf(text: string): Omit<TablesExport, 'file'> {
  const { file: _file, ...rest } = exportTables(analyze(text).report);
  return rest;
}

function html(body: string, head = '<meta charset="utf-8">'): Uint8Array {
  return strToU8(`<!DOCTYPE html><html><head>${head}<title>页面</title></head><body>${body}</body></html>`);
}

const SECTIONS_HTML =
  '<p>一、总体情况</p><p>本年度工作。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>' +
  '<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>';

describe('reading published forms: the renderings give the tables of their text', () => {
  for (const name of SEED_NAMES) {
    for (const ext of ['docx', 'html']) {
      it(`${name}.${ext}: the seed's tables`, () => {
        const text = textOf(fs.readFileSync(path.join(RENDERINGS, `${name}.${ext}`)), `${name}.${ext}`);
        assert.deepEqual(tablesOf(text), tablesOf(readSeed(name)));
      });
    }
  }
  for (const name of REAL) {
    for (const ext of ['docx', 'html']) {
      it(`${name}.${ext}: every cell as read by hand`, () => {
        const text = textOf(fs.readFileSync(path.join(RENDERINGS, `${name}.${ext}`)), `${name}.${ext}`);
        const { known_defects: _k, file: _f, ...truth } = TRUTH[`${name}.txt`]!;
        const got = tablesOf(text);
        assert.deepEqual(got.table2, truth.table2);
        assert.deepEqual(got.table3, truth.table3);
        assert.deepEqual(got.table4, truth.table4);
      });
    }
  }
  it('a real page’s article (pingtan-jinjing-pianqu-2024.html): every cell, a blank one too, and its defects', () => {
    const text = textOf(fs.readFileSync(path.join(REAL_DIR, 'pingtan-jinjing-pianqu-2024.html')), 'pingtan-jinjing-pianqu-2024.html');
    const truth = TRUTH['pingtan-jinjing-pianqu-2024.txt']!;
    const got = tablesOf(text);
    assert.deepEqual(got.table2, truth.table2);
    assert.deepEqual(got.table3, truth.table3);
    assert.deepEqual(got.table4, truth.table4);
    const errors = analyze(text).problems.filter((p) => p.severity === 'error').map((p) => p.rule).sort();
    // no 规章 row; row 四's 商业企业 left blank (the page keeps its place, which the crawled text lost)
    assert.deepEqual(errors, ['cell-empty', 'table-row-missing']);
  });
});

describe('web pages', () => {
  it('reads the article only: navigation, scripts, styles, forms and hidden elements dropped, the title taken from the heading before it', () => {
    const page = html(
      '<nav>首页 | 政务公开 | 一、总体情况</nav><script>document.write("二、主动公开政府信息情况")</script><style>p{}</style>' +
        '<div class="header"><h1>X县2023年政府信息公开工作年度报告</h1><span>发布时间：2024-01-20</span></div>' +
        `<div class="article">${SECTIONS_HTML}<p style="display:none">隐藏的文字</p></div>` +
        '<div class="footer">网站标识码 主办单位</div><form><input value="搜索"></form>',
    );
    const text = textOf(page, 'page.html');
    assert.equal(text.split('\n')[0], 'X县2023年政府信息公开工作年度报告');
    assert.ok(!text.includes('document.write'));
    assert.ok(!text.includes('首页'));
    assert.ok(!text.includes('隐藏的文字'));
    assert.ok(!text.includes('网站标识码'));
    assert.ok(!text.includes('发布时间'));
    assert.deepEqual(analyze(text).report.sections.map((s) => s.spec.id), [1, 2, 3, 4, 5, 6]);
  });

  it('takes the title from the page’s <title> when no heading before the article names the report', () => {
    const page = strToU8(`<html><head><meta charset="utf-8"><title>X县2023年政府信息公开工作年度报告_X县人民政府</title></head><body><div>${SECTIONS_HTML}</div></body></html>`);
    assert.equal(textOf(page, 'p.html').split('\n')[0], 'X县2023年政府信息公开工作年度报告');
  });

  it('decodes the page by its declared charset (GBK, as many government sites serve)', () => {
    // 一、总体情况 … in GB18030 bytes, declared as gb2312 in an http-equiv meta
    const gbk = Buffer.from(new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]));
    const utf8 = Buffer.from(SECTIONS_HTML.replace('<p>一、总体情况</p>', ''), 'utf8');
    // the rest of the page in ASCII-safe form: the sections as entities
    const entities = [...utf8.toString('utf8')].map((c) => (c.charCodeAt(0) > 127 ? `&#${c.charCodeAt(0)};` : c)).join('');
    const page = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><div><p>'),
      gbk,
      Buffer.from(`</p>${entities}</div></body></html>`),
    ]);
    const text = textOf(page, 'gbk.html');
    assert.ok(text.includes('一、总体情况'), text.slice(0, 60));
    // the declaration decides, not a guess: é in windows-1252 (as GB18030 the byte would be another character)
    assert.equal(decodeHtml(Buffer.from([...Buffer.from('<meta charset="windows-1252"><p>'), 0xe9])).slice(-1), 'é');
    // a page that says UTF-8 but is not: GB18030
    assert.ok(decodeHtml(Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), gbk])).includes('一、总体情况'));
  });

  it('lays merged cells out on the table’s grid: a merged cell’s text in its first slot, &nbsp; cells blank', () => {
    const page = html(
      `<div>${SECTIONS_HTML}<table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>` +
        '<tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td></tr></table></div>',
    );
    const lines = textOf(page, 't.html').split('\n');
    assert.ok(lines.includes('三、本年度办理结果\t（一）予以公开\t\t5'), lines.join('\n'));
    assert.ok(lines.includes('\t（三）不予公开\t1.属于国家秘密\t\u00a0') || lines.includes('\t（三）不予公开\t1.属于国家秘密\t'), lines.join('\n'));
  });

  it('joins a cell’s paragraphs without a space between Chinese words, and reads a layout table as the blocks it holds', () => {
    const page = html(`<table><tr><td><div>${SECTIONS_HTML}<table><tr><td><p>1.本机关不掌握</p><p>相关政府信息</p></td><td>3</td></tr></table></div></td></tr></table>`);
    const text = textOf(page, 'layout.html');
    assert.ok(text.includes('1.本机关不掌握相关政府信息\t3'), text);
    assert.ok(text.includes('\n一、总体情况\n') || text.startsWith('一、总体情况\n'), text);
  });

  it('refuses a page that holds no report, with what to do', () => {
    const r = readBytes(html('<p>欢迎访问</p><a href="x">政务公开</a>'), 'index.html');
    assert.ok(!r.ok);
    assert.equal(r.refusal.reason, 'no-report');
    assert.match(r.refusal.message.zh, /没有找到年报正文/);
  });

  it('never runs what a page holds (scripts, event handlers): their text is not even kept', () => {
    const page = html(`<div onload="alert(1)">${SECTIONS_HTML}<script>throw new Error("ran")</script><img src=x onerror="globalThis.pwned=1"></div>`);
    const text = textOf(page, 'x.html');
    assert.ok(!text.includes('throw'));
    assert.equal((globalThis as { pwned?: number }).pwned, undefined);
  });
});

/** A minimal .docx: the document's body XML (and numbering), zipped as Word does. */
function docx(body: string, numbering?: string, styles?: string): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
  if (styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
  return zipSync(files);
}

const p = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = ''): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

describe('a Word document’s XML, read as a stream of tags (docx.parseXml)', () => {
  /** The events of a reading: as htmlparser2's Parser gives them in XML mode (what the reader used before) or as parseXml does. */
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  function events(xml: string, by: 'parser' | 'reader'): string[] {
    const out: string[] = [];
    const open = (name: string, attrs: Record<string, string>) => out.push(`<${name} ${JSON.stringify(attrs)}`);
    const text = (t: string) => (out.length > 0 && out[out.length - 1]!.startsWith('"') ? (out[out.length - 1] = JSON.stringify(JSON.parse(out[out.length - 1]!) + t)) : out.push(JSON.stringify(t)));
    const close = (name: string) => out.push(`</${name}`);
    if (by === 'reader') parseXml(xml, { open, text, close });
    else {
      const p = new Parser({ onopentag: (n, a) => open(local(n), a), ontext: text, onclosetag: (n) => close(local(n)) }, { xmlMode: true, decodeEntities: true });
      p.write(xml);
      p.end();
    }
    return out;
  }

  it('gives the events htmlparser2’s Parser gives in XML mode: every part of every Word fixture, and XML made to be awkward', () => {
    const parts: string[] = [];
    for (const name of fs.readdirSync(RENDERINGS).filter((n) => n.endsWith('.docx'))) {
      for (const [part, bytes] of Object.entries(unzipSync(new Uint8Array(fs.readFileSync(path.join(RENDERINGS, name)))))) if (part.endsWith('.xml')) parts.push(strFromU8(bytes));
    }
    assert.ok(parts.length > 50);
    parts.push(
      '<?xml version="1.0"?><!-- c --><w:p a="1" a="2" b=\'x&amp;y&#x4E00;\' c><w:t>a &lt;b&gt; &#19968;&quot;</w:t><w:br/><![CDATA[<raw>]]></w:p>',
      '<a><b><c>unclosed inside</a>after</x><d/>',
      '<w:p><w:r><w:t xml:space="preserve"> spaced </w:t></w:r></w:p><w:p',
      '<a x="&unknown;">&unknown; &amp</a>',
      // a table in a table's cell, and an element left open inside one of its own name
      '<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p>inner</w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>',
      '<a><b><a>x</a>y</b>z</a>',
    );
    for (const xml of parts) assert.deepEqual(events(xml, 'reader'), events(xml, 'parser'), xml.slice(0, 80));
  });
});

describe('Word documents', () => {
  it('writes list numbering as Word shows it: 一、 for the sections, （一） under them, restarting under each', () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
      '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>';
    const styles = '<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style><w:style w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>';
    const num = (lvl: number) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="5"/></w:numPr>`;
    const body = p('总体情况', '<w:pStyle w:val="H1"/>') + p('主动公开情况', num(1)) + p('依申请公开情况', num(1)) + p('主动公开政府信息情况', '<w:pStyle w:val="H1b"/>') + p('说明', num(1));
    assert.deepEqual(textOf(docx(body, numbering, styles), 'n.docx').trimEnd().split('\n'), ['一、总体情况', '（一）主动公开情况', '（二）依申请公开情况', '二、主动公开政府信息情况', '（一）说明']);
  });

  it('formats counters in Word’s number formats', () => {
    assert.equal(formatNumber(1, 'chineseCounting'), '一');
    assert.equal(formatNumber(10, 'chineseCounting'), '十');
    assert.equal(formatNumber(12, 'chineseCountingThousand'), '十二');
    assert.equal(formatNumber(21, 'chineseCounting'), '二十一');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(4, 'upperRoman'), 'IV');
    assert.equal(formatNumber(28, 'lowerLetter'), 'ab');
    assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
    assert.equal(formatNumber(7, 'bullet'), '');
  });

  it('lays a table on its grid (gridSpan, vMerge), leaves out deleted text and field codes, and keeps a run’s tab but not a tab stop', () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>' +
      '<w:tbl>' +
      `<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('5')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>` +
      '</w:tbl>';
    const lines = textOf(docx(body), 't.docx').split('\n');
    assert.equal(lines[0], '甲\t乙');
    assert.ok(lines.includes('三、本年度办理结果\t（一）予以公开\t\t5'), lines.join('\n'));
    assert.ok(lines.includes('\t（三）不予公开\t1.属于国家秘密\t0'), lines.join('\n'));
  });

  it('refuses a cut-short zip, a zip that is no Word document, an old binary .doc, an RTF, and a PDF for now, each with what to do', () => {
    const whole = fs.readFileSync(path.join(RENDERINGS, 'wuzhong-2023.docx'));
    const cut = readBytes(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.docx');
    assert.ok(!cut.ok && cut.refusal.reason === 'broken-zip', JSON.stringify(cut));
    const other = readBytes(zipSync({ 'Doc_0/Content.xml': strToU8('<ofd/>') }), 'report.ofd');
    assert.ok(!other.ok && other.refusal.reason === 'not-docx');
    assert.match(!other.ok ? other.refusal.message.zh : '', /另存为 \.docx/);
    const ole = readBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'old.doc');
    assert.ok(!ole.ok && ole.refusal.reason === 'binary-office');
    assert.match(!ole.ok ? ole.refusal.message.zh : '', /另存为/);
    const rtf = readBytes(strToU8('{\\rtf1\\ansi 一、总体情况}'), 'r.rtf');
    assert.ok(!rtf.ok && rtf.refusal.reason === 'unsupported');
    const pdf = readBytes(fs.readFileSync(path.join(RENDERINGS, 'wuzhong-2023.pdf')), 'wuzhong-2023.pdf');
    assert.ok(!pdf.ok && pdf.refusal.reason === 'unsupported');
  });

  it('stops a zip that would inflate past the bound before inflating it', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(81 * 1024 * 1024) }, { level: 1 });
    assert.ok(bomb.length < 1024 * 1024);
    const r = readBytes(bomb, 'bomb.docx');
    assert.ok(!r.ok && r.refusal.reason === 'too-large', JSON.stringify(r));
  });

  it('tells the form by the bytes before the name (a Word file named .txt is read as Word)', () => {
    const bytes = fs.readFileSync(path.join(RENDERINGS, 'wuzhong-2023.docx'));
    assert.equal(sniffForm(bytes, 'report.txt'), 'zip');
    assert.deepEqual(tablesOf(textOf(bytes, 'report.txt')), tablesOf(readSeed('wuzhong-2023')));
    assert.equal(sniffForm(strToU8('X县2023年政府信息公开工作年度报告\n'), 'a.txt'), 'text');
  });

  it('tells every form as reading the first KB as text does, without decoding a file that is none of them', () => {
    // the test as it was written on the decoded first KB: the oracle for the byte-level one
    const latin1 = new TextDecoder('latin1');
    const byText = (bytes: Uint8Array, name: string): string => {
      if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1) return 'ole';
      if (bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) return 'zip';
      const head = latin1.decode(bytes.subarray(0, 1024));
      if (head.includes('%PDF-')) return 'pdf';
      if (head.startsWith('{\\rtf')) return 'rtf';
      if (/\.(?:html?|shtml|xhtml)$/i.test(name)) return 'html';
      if (/^(?:\ufeff|ï»¿)?\s*<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b/i.test(head)) return 'html';
      if (/\.docx$/i.test(name)) return 'docx';
      return 'text';
    };
    const files: { bytes: Uint8Array; name: string }[] = [];
    for (const dir of [RENDERINGS, REAL_DIR, path.join(ROOT, 'test', 'fixtures', 'seeds')]) {
      for (const name of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, name)).isFile()) files.push({ bytes: fs.readFileSync(path.join(dir, name)), name });
    }
    const seen = new Set<string>();
    for (const f of files) {
      seen.add(sniffForm(f.bytes, f.name));
      assert.equal(sniffForm(f.bytes, f.name), byText(f.bytes, f.name), f.name);
      assert.equal(sniffForm(f.bytes, 'x.bin'), byText(f.bytes, 'x.bin'), f.name);
    }
    assert.ok(['text', 'html', 'zip', 'pdf'].every((x) => seen.has(x)), [...seen].join(' '));
    // heads made of the pieces the tests read, in random order
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ['<', 'html', '<p', '<table>', '%PDF-', '%PDF', '{\\rtf1', ' ', '\t', '\n', '\u00a0', '\ufeff', 'ï»¿', '<!DOCTYPE html>', '<Body', 'x', '年', '\u0085', '\u2028'];
    const enc = new TextEncoder();
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(next() * 6);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
      // as UTF-8, and byte for byte as latin1 (the BOM's three bytes, a lone 0xA0)
      const asLatin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
      for (const bytes of [enc.encode(text), asLatin1, Uint8Array.from([...new Array<number>(1020).fill(0x20), ...asLatin1])]) {
        assert.equal(sniffForm(bytes, 'a.txt'), byText(bytes, 'a.txt'), JSON.stringify(text));
      }
    }
  });
});

describe('reading damaged files', () => {
  it('never throws on cut, flipped or spliced bytes of a Word file and a page: a text or a refusal', () => {
    let seed = 20261127;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const sources = [fs.readFileSync(path.join(RENDERINGS, 'tongxin-2022.docx')), fs.readFileSync(path.join(RENDERINGS, 'tongxin-2022.html')), fs.readFileSync(path.join(REAL_DIR, 'pingtan-jinjing-pianqu-2024.html'))];
    const outcomes = { text: 0, refused: 0 };
    for (let k = 0; k < 300; k++) {
      const source = sources[k % sources.length]!;
      const bytes = new Uint8Array(source);
      const kind = k % 3;
      let damaged: Uint8Array;
      if (kind === 0) damaged = bytes.subarray(0, Math.floor(random() * bytes.length));
      else if (kind === 1) {
        damaged = bytes.slice();
        for (let f = 0; f < 20; f++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      } else {
        const at = Math.floor(random() * bytes.length);
        damaged = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(Math.floor(random() * bytes.length))]);
      }
      const name = k % 3 === 0 ? 'x.docx' : 'x.html';
      const r = readBytes(damaged, name);
      if (r.ok) {
        assert.equal(typeof r.read.text, 'string');
        outcomes.text++;
      } else {
        assert.ok(r.refusal.message.zh.length > 0 && r.refusal.message.en.length > 0);
        outcomes.refused++;
      }
    }
    assert.ok(outcomes.text > 0 && outcomes.refused > 0, JSON.stringify(outcomes));
  });
});

describe('report text to edit: the tables in the national layout', () => {
  it('writes every fully read table tab-separated in the national layout, and leaves a table with a blank or a missing row as it was', async () => {
    const { canonicalText } = await import('../../server/src/features/canonicalText');
    const seed = fs.readFileSync(path.join(RENDERINGS, 'wuzhong-2023.layout.txt'), 'utf8');
    const a = analyze(seed);
    const canon = canonicalText(seed, a.report);
    assert.ok(canon.includes('规章\t2\t0\t3'), 'table 二 in the national layout');
    assert.ok(canon.includes('一、本年新收政府信息公开申请数量\t343\t1\t0\t0\t0\t0\t344'));
    assert.deepEqual(tablesOf(canon), tablesOf(seed));
    // everything but the tables is kept
    assert.ok(canon.includes('五、存在的主要问题及改进情况'));
    // a real report whose table 二 lacks a row, whose table 三 has wrong totals: table 二 stays as written
    const haitan = fs.readFileSync(path.join(RENDERINGS, 'pingtan-haitan-pianqu-2025.layout.txt'), 'utf8');
    const kept = canonicalText(haitan, analyze(haitan).report);
    assert.ok(!/^规章\t/m.test(kept), 'no 规章 row made up');
    assert.deepEqual(tablesOf(kept), tablesOf(haitan));
    assert.deepEqual(
      analyze(kept).problems.filter((p) => p.severity === 'error').map((p) => p.rule).sort(),
      analyze(haitan).problems.filter((p) => p.severity === 'error').map((p) => p.rule).sort(),
    );
  });
});
