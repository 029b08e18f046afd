/**
 * PDFs read through pdf.js: the renderings of the seeds and of four real reports (LibreOffice's PDF
 * export) give the tables of their text, every cell; the layout of a page's text items pinned on
 * small examples; files without text, with a password, cut short or broken refused with a message.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { canonicalText } from '../../server/src/features/canonicalText';
import { analyze } from '../../server/src/check';
import { TablesExport, exportTables } from '../../server/src/features/tablesExport';
import { layoutPage, readPdf, unreadableChars, upright } from '../../server/src/read/pdf';
import { TITLE_TEXT_LINES, titleOf } from '../../server/src/parse/title';
import { ROOT, SEED_NAMES, readSeed } from '../helpers';

const RENDERINGS = path.join(ROOT, 'test', 'fixtures', 'renderings');
const BAD = path.join(ROOT, 'test', 'fixtures', 'bad');
const CMAPS = path.join(ROOT, 'node_modules', 'pdfjs-dist', 'cmaps') + path.sep;
const TRUTH: Record<string, TablesExport> = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', 'truth.json'), 'utf8'));
const REAL = ['pingtan-zonghe-shiyanqu-2025', 'pingtan-haitan-pianqu-2025', 'pingtan-gongan-ju-2019', 'pingtan-suping-pianqu-2020'];

async function textOf(file: string): Promise<string> {
  const r = await readPdf(new Uint8Array(fs.readFileSync(file)), { cMapUrl: CMAPS });
  assert.ok(r.ok, r.ok ? '' : r.refusal.message.en);
  assert.equal(r.read.form, 'pdf');
  return r.read.text;
}

function tables(text: string) {
  const e = exportTables(analyze(text).report);
  return { table2: e.table2, table3: e.table3, table4: e.table4 };
}

/** A one-page PDF with the given content stream (offsets computed, as a writer would). */
function pdfOf(content: string, extraObjects: string[] = []): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>${extraObjects.length ? ' /XObject << /Im1 6 0 R >>' : ''} >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...extraObjects,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('PDFs: the renderings give the tables of their text', () => {
  for (const name of SEED_NAMES) {
    it(`${name}.pdf: the seed's tables`, async () => {
      assert.deepEqual(tables(await textOf(path.join(RENDERINGS, `${name}.pdf`))), tables(readSeed(name)));
    });
  }
  for (const name of REAL) {
    it(`${name}.pdf: every cell as read by hand`, async () => {
      const got = tables(await textOf(path.join(RENDERINGS, `${name}.pdf`)));
      const truth = TRUTH[`${name}.txt`]!;
      assert.deepEqual(got, { table2: truth.table2, table3: truth.table3, table4: truth.table4 });
    });
  }
  it('ends each page with a form feed, and finds the six sections across them', async () => {
    const text = await textOf(path.join(RENDERINGS, 'wuzhong-2023.pdf'));
    assert.equal(text.split('\f').length, 9);
    assert.deepEqual(analyze(text).report.sections.map((s) => s.spec.id), [1, 2, 3, 4, 5, 6]);
  });
  it('reads only the pages that hold the first lines when asked (a title), giving the start of the whole reading', async () => {
    for (const name of ['wuzhong-2023', 'pingtan-zonghe-shiyanqu-2025']) {
      const bytes = fs.readFileSync(path.join(RENDERINGS, `${name}.pdf`));
      const whole = await readPdf(new Uint8Array(bytes), { cMapUrl: CMAPS });
      assert.ok(whole.ok);
      assert.ok(titleOf(whole.read.text).year, `${name}: titled`);
      for (const lines of [1, 40, TITLE_TEXT_LINES]) {
        const head = await readPdf(new Uint8Array(bytes), { cMapUrl: CMAPS, maxLines: lines });
        assert.ok(head.ok);
        assert.ok(whole.read.text.startsWith(head.read.text), `${name}, ${lines} lines: a start of the whole text`);
        assert.ok(head.read.text.split('\n').length - 1 >= Math.min(lines, whole.read.text.split('\n').length - 1), `${name}: at least ${lines} lines`);
        assert.deepEqual(head.read.origins, whole.read.origins.slice(0, head.read.origins.length));
        assert.deepEqual(titleOf(head.read.text), titleOf(whole.read.text), `${name}: the same title`);
      }
      const first = await readPdf(new Uint8Array(bytes), { cMapUrl: CMAPS, maxLines: 1 });
      assert.ok(first.ok && first.read.origins.length === 1 && whole.read.origins.length > 1, `${name}: one page of ${whole.read.origins.length}`);
    }
  });
});

describe('the PDF reader as shipped (dist/pdf.js: pdf.js changed where it is slow, scripts/build.mjs PDFJS_PATCHES)', () => {
  it('reads every rendering as pdf.js itself does', async () => {
    const names = fs.readdirSync(RENDERINGS).filter((n) => n.endsWith('.pdf'));
    assert.ok(names.length >= 9);
    for (const name of names) {
      const file = path.join(RENDERINGS, name);
      const text = await textOf(file);
      // this test's reading: pdf.js from node_modules as it is; the command line's: the shipped bundle
      const shipped = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--to-text', file], { encoding: 'utf8' });
      assert.equal(shipped.status, 0, shipped.stderr);
      assert.equal(shipped.stdout, canonicalText(text, analyze(text).report), name);
    }
  });
});

describe('the thread a PDF was read in', () => {
  it('keeps the built-ins pdf.js’s polyfills replace (push, JSON): every report checked after it runs on them', async () => {
    await textOf(path.join(RENDERINGS, 'wuzhong-2023.pdf'));
    // told by another realm's Function.prototype.toString (this realm's is one of those replaced)
    const source = vm.runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    for (const [name, f] of [['Array.prototype.push', Array.prototype.push], ['JSON.parse', JSON.parse], ['JSON.stringify', JSON.stringify], ['Function.prototype.toString', Function.prototype.toString]] as const) {
      assert.match(source.call(f), /\{ \[native code\] \}$/, `${name} is V8's`);
    }
  });
});

describe('laying out a page’s text items', () => {
  const item = (str: string, x: number, y: number, size = 10) => ({ str, x, y, size, w: str.length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1) });
  it('puts numbers under one another in one column, whatever the labels before them', () => {
    const lines = layoutPage([item('规章', 0, 100), item('12', 200, 100), item('3', 250, 100), item('行政规范性文件', 0, 88), item('4', 205, 88), item('56', 250, 88)]);
    assert.equal(lines.length, 2);
    const col = (line: string, s: string) => line.indexOf(s);
    assert.ok(Math.abs(col(lines[0]!, '12') - col(lines[1]!, '4')) <= 1, lines.join('\n'));
    assert.equal(col(lines[0]!, '3'), col(lines[1]!, '56'));
  });
  it('joins items that touch (a label set in two runs) and keeps a line from items a little off its baseline', () => {
    const lines = layoutPage([item('1.本机关不掌握', 0, 100), item('相关政府信息', 80, 100.5), item('3', 200, 99.8)]);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^1\.本机关不掌握相关政府信息 +3$/);
  });
  it('leaves a blank line where the page leaves more than a line and a half', () => {
    assert.deepEqual(layoutPage([item('甲', 0, 100), item('乙', 0, 88), item('丙', 0, 40)]), ['甲', '乙', '', '丙']);
  });
});

describe('pages whose text runs another way', () => {
  it('reads a table set sideways (text running up the page) as it reads one set upright', () => {
    const rows: [string, number, number][] = [['规章', 0, 100], ['12', 200, 100], ['3', 250, 100], ['行政规范性文件', 0, 88], ['4', 205, 88], ['56', 250, 88]];
    const run = (str: string, x: number, y: number, quarter: number) => {
      const size = 10;
      const w = str.length * size * (/^[\x20-\x7e]+$/.test(str) ? 0.5 : 1);
      // the same page turned a quarter: (x, y) → (-y, x), the text direction (1, 0) → (0, 1)
      return quarter === 0 ? { a: size, b: 0, e: x, f: y, w, h: size, str } : { a: 0, b: size, e: -y, f: x, w, h: size, str };
    };
    const straight = layoutPage(upright(rows.map(([s, x, y]) => run(s, x, y, 0))));
    const sideways = layoutPage(upright(rows.map(([s, x, y]) => run(s, x, y, 1))));
    assert.deepEqual(sideways, straight);
    assert.equal(straight.length, 2);
  });
  it('counts the characters a font without a character map gives', () => {
    assert.equal(unreadableChars('一、总体情况'), 0);
    assert.equal(unreadableChars('\ue001\ue002\ufffd甲'), 3);
  });
});

describe('PDFs that cannot be read', () => {
  it('refuses a PDF without a text layer (a scan)', async () => {
    const r = await readPdf(pdfOf('0 0 m 200 200 l S'));
    assert.ok(!r.ok && r.refusal.reason === 'pdf-no-text', JSON.stringify(r));
    assert.match(!r.ok ? r.refusal.message.zh : '', /没有文字层/);
  });
  it('refuses a PDF that needs a password to open', async () => {
    const r = await readPdf(new Uint8Array(fs.readFileSync(path.join(BAD, 'encrypted.pdf'))));
    assert.ok(!r.ok && r.refusal.reason === 'pdf-encrypted', JSON.stringify(r));
  });
  it('refuses a PDF cut short, and one that is no PDF past its header', async () => {
    const cut = await readPdf(new Uint8Array(fs.readFileSync(path.join(BAD, 'truncated.pdf'))));
    assert.ok(!cut.ok && cut.refusal.reason === 'broken-pdf', JSON.stringify(cut));
    const junk = await readPdf(new Uint8Array(Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000) + '\n%%EOF\n')));
    assert.ok(!junk.ok && junk.refusal.reason === 'broken-pdf', JSON.stringify(junk));
  });
  it('reads a text PDF that holds no report (the caller tells it is none) without refusing it', async () => {
    const r = await readPdf(pdfOf('BT /F1 12 Tf 20 200 Td (Meeting minutes of the committee, no report here) Tj ET'));
    assert.ok(r.ok, JSON.stringify(r));
    assert.match(r.read.text, /Meeting minutes/);
  });
  it('reads a 50 MB PDF (a page-size image) without decoding what text does not need', async () => {
    let samples = '';
    const chunk = Array.from({ length: 65536 }, (_v, k) => String.fromCharCode((k * 7919) % 256)).join('');
    while (samples.length < 50 * 1024 * 1024) samples += chunk;
    const image = `<< /Type /XObject /Subtype /Image /Width 4096 /Height 4096 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${samples.length} >>\nstream\n${samples}\nendstream`;
    const bytes = pdfOf('q 300 0 0 300 0 0 cm /Im1 Do Q BT /F1 12 Tf 20 200 Td (X County 2023 annual report on government information disclosure) Tj ET', [image]);
    assert.ok(bytes.length > 50 * 1024 * 1024);
    const r = await readPdf(bytes);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.refusal));
    assert.match(r.read.text, /X County 2023/);
  });
  it('never throws on cut, flipped or spliced bytes of a PDF: a text or a refusal', async () => {
    let seed = 1127;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const source = new Uint8Array(fs.readFileSync(path.join(RENDERINGS, 'tongxin-2022.pdf')));
    let texts = 0;
    let refusals = 0;
    for (let k = 0; k < 24; k++) {
      let bytes = source.slice();
      if (k % 3 === 0) bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
      else if (k % 3 === 1) for (let f = 0; f < 50; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      else bytes = new Uint8Array([...bytes.subarray(0, Math.floor(random() * bytes.length)), ...bytes.subarray(Math.floor(random() * bytes.length))]);
      const r = await readPdf(bytes);
      if (r.ok) texts++;
      else refusals++;
    }
    assert.equal(texts + refusals, 24);
    assert.ok(refusals > 0);
  });
  it('stops at its time bound between pages', async () => {
    const r = await readPdf(new Uint8Array(fs.readFileSync(path.join(RENDERINGS, 'wuzhong-2023.pdf'))), { deadlineMs: -1 });
    assert.ok(!r.ok && r.refusal.reason === 'too-large', JSON.stringify(r));
  });
});
