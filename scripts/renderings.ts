/**
 * Renders each example report the way reports are published, with real converters, for the layout
 * fixtures in test/fixtures/renderings/ (committed: CI needs neither LibreOffice nor Chromium):
 *
 *   <seed>.html          the report as a web page: the national format's tables with rowspan/colspan
 *   <seed>.fodt          the same as a Word-processor document (flat ODF: A4, 仿宋/宋体, page numbers "— N —",
 *                        the report's title as page header from page 2), the source of:
 *   <seed>.docx          LibreOffice's Word export        (soffice --headless --convert-to docx)
 *   <seed>.pdf           LibreOffice's PDF export          (soffice --headless --convert-to pdf)
 *   <seed>.layout.txt    pdftotext -layout <seed>.pdf      (poppler-utils)
 *   <seed>.raw.txt       pdftotext -raw <seed>.pdf
 *   <seed>.innertext.txt Chromium's innerText of the web page (what a browser's copy gives)
 *   <seed>.html2text.md  html2text's Markdown of the page (Debian python3-html2text: cells between pipes, a|b|c)
 *   <seed>.w3m.txt       w3m -dump (tables boxed in ┌─┬─┐ │ │ └─┴─┘, one row between rules)
 *   <seed>.lynx.txt      lynx -dump (tables aligned with spaces)
 *   <seed>.pandoc.txt    pandoc -t plain (tables aligned with spaces, rules of dashes)
 *
 * The numbers come from the seed's own tables (`--tables`), so every rendering must export the same; for
 * four of the real reports, from the tables read by hand (truth.json).
 * Run: npm run renderings   (needs Debian libreoffice-writer-nogui, poppler-utils, chromium, python3-html2text, w3m, lynx, pandoc)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/check';
import { exportTables, TablesExport } from '../server/src/features/tablesExport';
import { FormatId, TABLE3_HEADER_ROWS, TABLE4_BLOCKS, TABLE4_CELLS, TABLE_FORMATS, table3RowLabel } from '../server/src/format/national';

const ROOT = path.join(__dirname, '..');
const SEEDS = ['litong-2021', 'shizuishan-office-2023', 'tongxin-2022', 'wuwei-2023', 'wuzhong-2023'];
const OUT = path.join(ROOT, 'test', 'fixtures', 'renderings');

/** One cell of a rendered table: text, spans. */
interface Cell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** a label cell (left-aligned) */
  label?: boolean;
}
type Grid = Cell[][];

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Table 二 of a format: four columns, a sub-table's single value (or two) spread over the rest. */
function table2Grid(t: TablesExport, format: FormatId): Grid {
  const rows: Grid = [];
  const { table2Subtables, table2Rows } = TABLE_FORMATS[format];
  const spread = <T>(cells: T[], make: (c: T, span: number) => Cell): Cell[] => cells.map((c, k) => make(c, k === cells.length - 1 ? 4 - cells.length : 1));
  for (const sub of table2Subtables) {
    rows.push([{ text: sub.heading, colspan: 4 }]);
    rows.push([{ text: '信息内容' }, ...spread([...sub.columns], (c, span) => ({ text: c, ...(span > 1 ? { colspan: span } : {}) }))]);
    for (const label of sub.rows) {
      const spec = table2Rows.find((r) => r.label === label)!;
      // a row the report leaves out (truth: every cell null and no such row) is left out here too
      const values = t.table2?.[label];
      if (!values || Object.values(values).every((v) => v === null)) continue;
      rows.push([{ text: label, label: true }, ...spread([...spec.columns], (c, span) => ({ text: num(values[c]), ...(span > 1 ? { colspan: span } : {}) }))]);
    }
  }
  return rows;
}

const GROUPS: Record<number, string> = { 3: '（三）不予公开', 4: '（四）无法提供', 5: '（五）不予处理', 6: '（六）其他处理' };

function table3Grid(t: TablesExport, format: FormatId): Grid {
  const TABLE3_ROWS = TABLE_FORMATS[format].table3Rows;
  const rows: Grid = [
    [{ text: TABLE3_HEADER_ROWS[0]![0]!, colspan: 3, rowspan: 3 }, { text: '申请人情况', colspan: 7 }],
    [{ text: '自然人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, { text: '总计', rowspan: 2 }],
    [{ text: '商业企业' }, { text: '科研机构' }, { text: '社会公益组织' }, { text: '法律服务机构' }, { text: '其他' }],
  ];
  const inResults = TABLE3_ROWS.filter((r) => r.lead === 3).length;
  for (const spec of TABLE3_ROWS) {
    const values = (t.table3?.[spec.key] ?? []).map((v) => ({ text: num(v) }));
    while (values.length < 7) values.push({ text: '' });
    const row: Cell[] = [];
    if (spec.paren === undefined) row.push({ text: table3RowLabel(spec), colspan: 3, label: true });
    else {
      if (spec.key === '三.一') row.push({ text: '三、本年度办理结果', rowspan: inResults, label: true });
      if (spec.arabic === undefined) row.push({ text: table3RowLabel(spec), colspan: 2, label: true });
      else {
        if (spec.arabic === 1) row.push({ text: GROUPS[spec.paren]!, rowspan: TABLE3_ROWS.filter((r) => r.paren === spec.paren).length, label: true });
        row.push({ text: table3RowLabel(spec), label: true });
      }
    }
    rows.push([...row, ...values]);
  }
  return rows;
}

function table4Grid(t: TablesExport): Grid {
  return [
    [{ text: TABLE4_BLOCKS[0], colspan: 5, rowspan: 2 }, { text: '行政诉讼', colspan: 10 }],
    [{ text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
    [0, 1, 2].flatMap(() => TABLE4_CELLS.map((c) => ({ text: c }))),
    Array.from({ length: 15 }, (_v, k) => ({ text: num(t.table4?.[k]) })),
  ];
}

/** Column widths (cm) of each table on an A4 page with 2.6 cm margins (15.8 cm of text). */
const WIDTHS: Record<2 | 3 | 4, number[]> = {
  2: [5.2, 3.5, 3.5, 3.6],
  3: [1.3, 1.6, 4.3, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2],
  4: Array.from({ length: 15 }, () => 15.75 / 15),
};

// ---------------------------------------------------------------------------
// the report as blocks

type Block = { kind: 'title' | 'heading' | 'sub' | 'p'; text: string } | { kind: 'table'; table: 2 | 3 | 4; grid: Grid };

function blocksOf(text: string, given?: TablesExport): Block[] {
  const { tree, report } = analyze(text);
  const tables = given ?? exportTables(report);
  const format = tables.format;
  const out: Block[] = [];
  if (tree.title) out.push({ kind: 'title', text: tree.title.text });
  const spans: { kind: 2 | 3 | 4; start: number; end: number }[] = [];
  const t = report.tables;
  if (t.table2) spans.push({ kind: 2, start: t.table2.start, end: t.table2.end });
  if (t.table3) spans.push({ kind: 3, start: t.table3.start, end: t.table3.end });
  if (t.table4) spans.push({ kind: 4, start: t.table4.start, end: t.table4.end });
  const done = new Set<number>();
  for (const b of tree.blocks) {
    const inTable = spans.find((s) => b.start >= s.start && b.start < s.end);
    if (inTable) {
      if (!done.has(inTable.kind)) {
        done.add(inTable.kind);
        const grid = inTable.kind === 2 ? table2Grid(tables, format) : inTable.kind === 3 ? table3Grid(tables, format) : table4Grid(tables);
        out.push({ kind: 'table', table: inTable.kind, grid });
      }
      continue;
    }
    if (b.kind === 'table') continue; // a table of no national kind (rare): left out
    const raw = b.kind === 'paragraph' ? b.lines.map((l) => text.slice(l.start, l.end).trim()).join('') : text.slice(b.start, b.end).trim();
    out.push({ kind: b.kind === 'heading' ? 'heading' : b.kind === 'subheading' ? 'sub' : 'p', text: raw });
  }
  // the preamble (before the first heading) is in tree.blocks too; nothing else to add
  return out;
}

// ---------------------------------------------------------------------------
// HTML

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTable(kind: 2 | 3 | 4, grid: Grid): string {
  const cols = WIDTHS[kind].map((w) => `<col style="width:${w}cm">`).join('');
  const rows = grid
    .map((r) => '<tr>' + r.map((c) => `<td${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}>${esc(c.text)}</td>`).join('') + '</tr>')
    .join('\n');
  return `<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse">\n<colgroup>${cols}</colgroup>\n${rows}\n</table>`;
}

function toHtml(blocks: Block[], title: string): string {
  const body = blocks
    .map((b) => {
      if (b.kind === 'table') return htmlTable(b.table, b.grid);
      if (b.kind === 'title') return `<h1>${esc(b.text)}</h1>`;
      if (b.kind === 'heading') return `<h2>${esc(b.text)}</h2>`;
      return `<p>${esc(b.text)}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

// ---------------------------------------------------------------------------
// Flat ODF text document

function fodtTable(kind: 2 | 3 | 4, grid: Grid, n: number): string {
  const widths = WIDTHS[kind];
  const name = `T${kind}`;
  const cols = widths.map((_w, k) => `<table:table-column table:style-name="${name}.C${k}"/>`).join('');
  // covered cells: a grid of which positions are taken by spans from above or the left
  const taken: boolean[][] = grid.map(() => new Array<boolean>(widths.length).fill(false));
  const rows: string[] = [];
  grid.forEach((row, r) => {
    let c = 0;
    const cells: string[] = [];
    for (const cell of row) {
      while (c < widths.length && taken[r]![c]) {
        cells.push('<table:covered-table-cell/>');
        c++;
      }
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) if (dr > 0 || dc > 0) taken[r + dr]![c + dc] = true;
      const attrs = (cs > 1 ? ` table:number-columns-spanned="${cs}"` : '') + (rs > 1 ? ` table:number-rows-spanned="${rs}"` : '');
      cells.push(`<table:table-cell table:style-name="Cell"${attrs} office:value-type="string"><text:p text:style-name="${cell.label ? 'CellLabel' : 'CellText'}">${esc(cell.text)}</text:p></table:table-cell>`);
      for (let dc = 1; dc < cs; dc++) cells.push('<table:covered-table-cell/>');
      c += cs;
    }
    while (c < widths.length && taken[r]![c]) {
      cells.push('<table:covered-table-cell/>');
      c++;
    }
    rows.push(`<table:table-row>${cells.join('')}</table:table-row>`);
  });
  return `<table:table table:name="${name}_${n}" table:style-name="${name}">${cols}\n${rows.join('\n')}\n</table:table>`;
}

function tableStyles(): string {
  return ([2, 3, 4] as const)
    .map((kind) => {
      const total = WIDTHS[kind].reduce((a, b) => a + b, 0);
      const cols = WIDTHS[kind].map((w, k) => `<style:style style:name="T${kind}.C${k}" style:family="table-column"><style:table-column-properties style:column-width="${w.toFixed(3)}cm"/></style:style>`).join('');
      return `<style:style style:name="T${kind}" style:family="table"><style:table-properties style:width="${total.toFixed(3)}cm" table:align="center"/></style:style>${cols}`;
    })
    .join('\n');
}

function toFodt(blocks: Block[], title: string): string {
  let n = 0;
  const body = blocks
    .map((b) => {
      if (b.kind === 'table') return fodtTable(b.table, b.grid, ++n);
      const style = b.kind === 'title' ? 'Title' : b.kind === 'heading' ? 'H' : 'Body';
      return `<text:p text:style-name="${style}">${esc(b.text)}</text:p>`;
    })
    .join('\n');
  const font = (f: string) => `style:font-name="${f}" style:font-name-asian="${f}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${esc(title)}</dc:title></office:meta>
<office:font-face-decls>
<style:font-face style:name="FangSong" svg:font-family="仿宋" style:font-family-generic="roman"/>
<style:font-face style:name="SimSun" svg:font-family="宋体" style:font-family-generic="roman"/>
<style:font-face style:name="SimHei" svg:font-family="黑体" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties ${font('FangSong')} fo:font-size="16pt" style:font-size-asian="16pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.99cm" fo:line-height="140%" fo:text-align="justify"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/><style:text-properties ${font('SimSun')} fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.99cm" fo:line-height="140%"/><style:text-properties ${font('SimHei')}/></style:style>
<style:style style:name="CellText" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${font('SimSun')} fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="CellLabel" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties ${font('SimSun')} fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${font('SimSun')} fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${font('SimSun')} fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.2cm" fo:margin-bottom="1.8cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm" style:vertical-align="middle"/></style:style>
${tableStyles()}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="A4">
<style:header><text:p text:style-name="Header">${esc(title)}</text:p></style:header>
<style:header-first><text:p text:style-name="Header"/></style:header-first>
<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}

// ---------------------------------------------------------------------------

async function innerText(htmlFile: string): Promise<string> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('file://' + htmlFile);
    return (await page.evaluate('document.body.innerText')) as string;
  } finally {
    await browser.close();
  }
}

/**
 * The real reports (test/fixtures/real/), crawled as one line, rendered with the tables read by hand
 * (truth.json) — every number, blank cell and missing row as the page had them — and their own prose.
 */
const REAL = ['pingtan-zonghe-shiyanqu-2025', 'pingtan-haitan-pianqu-2025', 'pingtan-gongan-ju-2019', 'pingtan-suping-pianqu-2020'];

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const only = process.argv.slice(2);
  const truth = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', 'truth.json'), 'utf8')) as Record<string, TablesExport>;
  const sources = [
    ...SEEDS.map((name) => ({ name, text: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', name + '.txt'), 'utf8'), tables: undefined as TablesExport | undefined })),
    ...REAL.map((name) => ({ name, text: fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', name + '.txt'), 'utf8'), tables: truth[name + '.txt'] })),
  ];
  for (const { name, text, tables } of sources) {
    if (only.length > 0 && !only.includes(name)) continue;
    const blocks = blocksOf(text, tables);
    const title = (blocks.find((b) => b.kind === 'title') as { text: string } | undefined)?.text ?? name;
    const base = path.join(OUT, name);
    fs.writeFileSync(base + '.html', toHtml(blocks, title));
    fs.writeFileSync(base + '.fodt', toFodt(blocks, title));
    for (const to of ['docx', 'pdf']) execFileSync('soffice', ['--headless', '--convert-to', to, '--outdir', OUT, base + '.fodt'], { stdio: 'ignore' });
    fs.writeFileSync(base + '.layout.txt', execFileSync('pdftotext', ['-layout', base + '.pdf', '-'], { encoding: 'utf8' }));
    fs.writeFileSync(base + '.raw.txt', execFileSync('pdftotext', ['-raw', base + '.pdf', '-'], { encoding: 'utf8' }));
    await webForms(base);
    console.log('rendered', name);
  }
  // a real web page's article (test/fixtures/real/…html: <p> in every cell, rowspan/colspan, <br/> for a blank
  // cell) through the web converters, as the page's text arrives in
  if (only.length === 0 || only.includes('page')) {
    const name = 'pingtan-jinjing-pianqu-2024';
    const body = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'real', name + '.html'), 'utf8');
    const base = path.join(OUT, name + '.page');
    fs.writeFileSync(base + '.html', `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n${body}\n</body>\n</html>\n`);
    await webForms(base);
    fs.rmSync(base + '.html');
    console.log('rendered', name + '.page');
  }
}

/** The text of a web page as a browser's copy and the common converters give it. */
async function webForms(base: string): Promise<void> {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.writeFileSync(base + '.innertext.txt', (await innerText(base + '.html')) + '\n');
  fs.writeFileSync(base + '.html2text.md', run('html2markdown', ['--body-width=0', base + '.html']));
  fs.writeFileSync(base + '.w3m.txt', run('w3m', ['-dump', '-cols', '160', '-O', 'UTF-8', base + '.html']));
  fs.writeFileSync(base + '.lynx.txt', run('lynx', ['-dump', '-nolist', '-width=160', '-display_charset=UTF-8', base + '.html']));
  fs.writeFileSync(base + '.pandoc.txt', run('pandoc', ['-f', 'html', '-t', 'plain', '--columns=160', base + '.html']));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
