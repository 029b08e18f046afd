/**
 * The writing experience over LSP, in Chinese and in English: completion in each
 * context, hover guidance on headings, 第二十条 items and table 三 row labels.
 */
import assert from 'node:assert/strict';
import { CheckWorkspaceRequest, CompareAnswer, CompareRequest, ExportReportAnswer, ExportReportRequest, ExportTablesRequest, ListReportsRequest, StatusNotification, SumRequest, TablesRequest, publishedTextUri } from '../../server/src/lsp/protocol';
import { encodeText } from '../../server/src/read/encode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CompletionItem,
  CompletionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  MarkupContent,
  SelectionRange,
  SelectionRangeRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXPECTED } from '../fixtures/expectedTables';
import { ROOT, SEED_NAMES, blankLine, lineOf, previousYearOf, readSeed } from '../helpers';
import { TestServer, startServer } from './lspClient';
import { readBytes } from '../../server/src/read/index';
import { exportTables } from '../../server/src/features/tablesExport';
import { analyze } from '../../server/src/check';

const REPORT = [
  '某县2023年政府信息公开工作年度报告',
  '',
  '',
  '一、总体情况',
  '（一）主动公开情况。（二）依申请公开情况。（三）政府信息管理情况。（四）平台建设情况。（五）监督保障情况。',
  '二、主动公开政府信息情况',
  '',
  '三、收到和处理政府信息公开申请情况',
  '第二十条第',
  '四、政府信息公开行政复议、行政诉讼情况',
  '',
  '五、存在的主要问题及改进情况',
  '问题。',
  '六、其他需要报告的事项',
  '',
].join('\n');

async function complete(server: TestServer, uri: string, line: number, character = 0): Promise<CompletionItem[]> {
  const r = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return (Array.isArray(r) ? r : r?.items ?? []) as CompletionItem[];
}

for (const locale of ['zh-cn', 'en'] as const) {
  describe(`completion and hover over LSP (${locale})`, () => {
    let server: TestServer;
    const zh = locale === 'zh-cn';
    const uri = `file:///writing/${locale}.txt`;
    const tableUri = `file:///writing/${locale}-table.txt`;
    const tableText = blankLine(readSeed('wuzhong-2023'), '2.没有现成信息需要另行制作');

    before(async () => {
      server = await startServer(locale);
      await server.open(uri, REPORT);
      await server.open(tableUri, tableText);
    });
    after(() => server.stop());

    it('offers the preamble filled with the agency and year of the title', async () => {
      const items = await complete(server, uri, 1);
      assert.equal(items.length, 1);
      assert.equal(items[0]!.label, zh ? '前言（引用《条例》和国办公开办函〔2021〕30号）' : 'Preamble (citing the Regulations and 国办公开办函〔2021〕30号)');
      assert.match(items[0]!.insertText!, /\$\{1:某县\}/);
      assert.match(items[0]!.insertText!, /统计期限为\$\{2:2023\}年1月1日至\$\{2:2023\}年12月31日/);
    });

    it('offers the template of an empty section (二, with its table)', async () => {
      const items = await complete(server, uri, 6);
      assert.equal(items[0]!.label, zh ? '二、主动公开政府信息情况（模板）' : 'Template of section 二 (Proactive disclosure)');
      assert.match(items[0]!.insertText!, /^第二十条第（一）项\t/);
    });

    it('offers the four items after 第二十条第', async () => {
      const items = await complete(server, uri, 8, '第二十条第'.length);
      assert.deepEqual(items.map((i) => i.label), ['（一）项', '（五）项', '（六）项', '（八）项']);
      assert.match(String(items[1]!.detail), zh ? /第二十条（五）：行政许可/ : /Article 20 item （五）: 行政许可/);
    });

    it('offers the fee clauses in section 六, and its template while it is empty', async () => {
      const items = await complete(server, uri, 14);
      const labels = items.map((i) => i.label);
      assert.deepEqual(labels, zh ? ['六、其他需要报告的事项（模板）', '信息处理费：未收取', '信息处理费：已收取'] : ['Template of section 六 (Other matters)', 'Fees: none charged', 'Fees: charged']);
      assert.match(items[1]!.insertText!, /国办函〔2020〕109号），\$\{1:某县\}\$\{2:2023\}年度在办理政府信息公开申请过程中未收取信息处理费/);
    });

    it('offers, inside table 三, the rows it lacks', async () => {
      const line = tableText.split('\n').findIndex((l, k, all) => k > 0 && l === '' && all[k - 1]!.includes('1.本机关不掌握相关政府信息'));
      const items = await complete(server, tableUri, line);
      assert.deepEqual(items.map((i) => i.label), ['2.没有现成信息需要另行制作']);
      assert.equal(items[0]!.detail, zh ? '表三缺少的行：（四）无法提供 2.没有现成信息需要另行制作' : 'Row missing from table 三: （四）无法提供 2.没有现成信息需要另行制作');
    });

    it('hover on a section heading says what the format requires', async () => {
      const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 11, character: 2 } });
      const v = (h!.contents as MarkupContent).value;
      assert.match(v, /\*\*五、存在的主要问题及改进情况\*\*/);
      assert.match(v, zh ? /不能为空或仅写“无”/ : /not just “无”/);
    });

    it('hover on 第二十条第（五）项 quotes the 条例, and on a table 三 row label gives its article', async () => {
      const text = readSeed('wuzhong-2023');
      const line = lineOf(text, '第二十条第(五)项');
      const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: tableUri }, position: { line, character: 3 } });
      assert.match((h!.contents as MarkupContent).value, /第二十条　行政机关应当依照本条例第十九条的规定.*（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；/s);
      const row = lineOf(text, '4.保护第三方合法权益');
      const character = text.split('\n')[row]!.indexOf('4.保护');
      const r = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: tableUri }, position: { line: row, character: character + 2 } });
      const v = (r!.contents as MarkupContent).value;
      assert.match(v, /\*\*表三 · （三）不予公开 4\.保护第三方合法权益\*\*/);
      assert.match(v, zh ? /依据：《中华人民共和国政府信息公开条例》第十五条/ : /Basis: .*第十五条/);
    });
  });
}

describe('navigation over LSP on every seed', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer('zh-cn');
    for (const name of SEED_NAMES) await server.open(`file:///nav/${name}.txt`, readSeed(name));
  });
  after(() => server.stop());

  for (const name of SEED_NAMES) {
    it(`${name}: six sections, the five sub-items of 一, the tables with their row groups`, async () => {
      const uri = `file:///nav/${name}.txt`;
      const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(symbols.length, 6);
      assert.deepEqual(symbols.map((s) => s.detail), ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分', '第六部分']);
      assert.equal(symbols[0]!.children!.filter((c) => c.kind === 12 /* Field */ || c.name.startsWith('（') || c.name.startsWith('(')).length, 5);
      const t2 = symbols[1]!.children!.find((c) => c.name.startsWith('表二'))!;
      assert.deepEqual(t2.children!.map((c) => c.name), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
      const t3 = symbols[2]!.children!.find((c) => c.name.startsWith('表三'))!;
      assert.deepEqual(t3.children!.map((c) => c.name), ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理']);
      const results = t3.children![2]!;
      assert.deepEqual(results.children!.map((c) => c.name), ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '（七）总计']);
      assert.equal(results.children![2]!.children!.length, 8);
      assert.ok(symbols[3]!.children!.some((c) => c.name.startsWith('表四')));
    });
  }

  it('folds sections, sub-items and tables', async () => {
    const text = readSeed('wuzhong-2023');
    const ranges = (await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: 'file:///nav/wuzhong-2023.txt' } }))!;
    const sub = lineOf(text, '（二）依申请公开情况');
    assert.ok(ranges.some((r) => r.startLine === sub && r.endLine === lineOf(text, '复引起行政复议')), 'sub-item （二） folds over its page-broken continuation');
    assert.ok(ranges.some((r) => r.startLine === lineOf(text, '第二十条第(一)项') && r.endLine === lineOf(text, '行政事业性收费')), 'table 二');
  });

  it('grows a selection from a cell to its row, table, section and the document', async () => {
    const text = readSeed('wuzhong-2023');
    const line = lineOf(text, '规章\t2');
    const [r] = (await server.connection.sendRequest(SelectionRangeRequest.type, {
      textDocument: { uri: 'file:///nav/wuzhong-2023.txt' },
      positions: [{ line, character: 3 }],
    })) as SelectionRange[];
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = r; s; s = s.parent) {
      const lines = text.split('\n');
      chain.push(s.range.start.line === s.range.end.line ? lines[s.range.start.line]!.slice(s.range.start.character, s.range.end.character) : `${s.range.start.line}-${s.range.end.line}`);
    }
    assert.equal(chain[0], '2');
    assert.equal(chain[1], '规章\t2\t0\t3');
    assert.equal(chain[2], `${lineOf(text, '第二十条第(一)项')}-${lineOf(text, '行政事业性收费')}`);
    assert.equal(chain[3], `${lineOf(text, '二、主动公开政府信息情况')}-${lineOf(text, '行政事业性收费')}`);
    assert.equal(chain.length, 5);
  });
});

describe('checking every report of the workspace over LSP', () => {
  it('publishes the diagnostics of each report on disk and reports progress and totals', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'wuwei-2023.txt'), readSeed('wuwei-2023'));
    fs.writeFileSync(path.join(dir, 'sub', 'wuzhong-2023.txt'), readSeed('wuzhong-2023'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), '会议纪要\n');
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    const progress: string[] = [];
    server.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      progress.push(p.value.kind);
    });
    try {
      const r = (await server.connection.sendRequest(CheckWorkspaceRequest)) as { files: number; errors: number; warnings: number; unreadable: string[] };
      assert.equal(r.files, 2);
      assert.equal(r.errors, 8, 'wuwei-2023: 4 residue, 2 empty cells, a row and a column');
      assert.deepEqual(r.unreadable, []);
      const published = new Map(server.published.map((p) => [p.uri, p.diagnostics.length]));
      assert.equal(published.get(pathToFileURL(path.join(dir, 'wuwei-2023.txt')).href), 8);
      assert.equal(published.get(pathToFileURL(path.join(dir, 'sub', 'wuzhong-2023.txt')).href), 0);
      assert.ok(!published.has(pathToFileURL(path.join(dir, 'notes.txt')).href));
      assert.equal(progress[0], 'begin');
      assert.equal(progress[progress.length - 1], 'end');
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('checks the reports published as PDF, Word and web pages too, under their report text’s URI; names a protected PDF; passes over a page without a report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-published-'));
    const renderings = path.join(ROOT, 'test', 'fixtures', 'renderings');
    fs.copyFileSync(path.join(renderings, 'wuwei-2023.pdf'), path.join(dir, 'wuwei-2023.pdf'));
    fs.copyFileSync(path.join(renderings, 'tongxin-2022.docx'), path.join(dir, 'tongxin-2022.docx'));
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'bad', 'encrypted.pdf'), path.join(dir, 'protected.pdf'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><body><p>欢迎</p></body></html>');
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    try {
      const r = (await server.connection.sendRequest(CheckWorkspaceRequest)) as { files: number; errors: number; unreadable: string[] };
      assert.equal(r.files, 2);
      assert.equal(r.unreadable.length, 1);
      assert.match(r.unreadable[0]!, /^protected\.pdf: 这个 PDF 设置了打开密码/);
      const pdf = server.published.find((p) => p.uri === publishedTextUri(pathToFileURL(path.join(dir, 'wuwei-2023.pdf')).href));
      assert.ok(pdf && pdf.diagnostics.some((d) => d.code === 'T3-row'), JSON.stringify(server.published.map((p) => p.uri)));
      const docx = server.published.find((p) => p.uri === publishedTextUri(pathToFileURL(path.join(dir, 'tongxin-2022.docx')).href));
      assert.deepEqual(docx?.diagnostics, []);
      assert.ok(!server.published.some((p) => p.uri.includes('index.html')));
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('skips a report larger than govReport.maxFileSize without reading it through, and names it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-large-'));
    fs.writeFileSync(path.join(dir, 'small-2023.txt'), readSeed('wuwei-2023'));
    fs.writeFileSync(path.join(dir, 'huge-2023.txt'), readSeed('wuwei-2023').repeat(Math.ceil(7_000_000 / Buffer.byteLength(readSeed('wuwei-2023')))));
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    try {
      const r = (await server.connection.sendRequest(CheckWorkspaceRequest)) as { files: number; unreadable: string[] };
      assert.equal(r.files, 1);
      assert.ok(r.unreadable.some((u) => u.includes('huge-2023.txt')), JSON.stringify(r.unreadable));
      assert.ok(!server.published.some((p) => p.uri.endsWith('huge-2023.txt')));
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a file it reported on that is deleted loses its diagnostics; one that changes on disk is checked again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-gone-'));
    const gone = path.join(dir, 'wuwei-2023.txt');
    const changed = path.join(dir, 'copy-2023.txt');
    fs.writeFileSync(gone, readSeed('wuwei-2023'));
    fs.writeFileSync(changed, readSeed('wuwei-2023'));
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    const last = (file: string) => server.published.filter((p) => p.uri === pathToFileURL(file).href).at(-1)?.diagnostics.length;
    const until = async (ok: () => boolean) => {
      for (let k = 0; k < 500 && !ok(); k++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(ok());
    };
    try {
      await server.connection.sendRequest(CheckWorkspaceRequest);
      assert.equal(last(gone), 8);
      assert.equal(last(changed), 8);
      fs.rmSync(gone);
      // the copy mended on disk: one cell with OCR residue holds a plain number now
      fs.writeFileSync(changed, readSeed('wuwei-2023').replace('5 政处罚 351867', '351867'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: pathToFileURL(gone).href, type: 3 },
          { uri: pathToFileURL(changed).href, type: 2 },
        ],
      });
      await until(() => last(gone) === 0 && last(changed) !== 8);
      assert.equal(last(changed), 7);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives way to typing while it runs, and stops when cancelled through its progress', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-many-'));
    const names = ['wuwei-2023', 'wuzhong-2023', 'litong-2021', 'tongxin-2022'] as const;
    const total = 400;
    for (let k = 0; k < total; k++) fs.writeFileSync(path.join(dir, `r${k}.txt`), readSeed(names[k % names.length]!));
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    let progressToken: string | number | undefined;
    const reports: string[] = [];
    let typedChecked = false;
    server.connection.onNotification('$/progress', (p: { token: string | number; value: { kind: string; message?: string } }) => {
      progressToken = p.token;
      if (p.value.kind === 'report') reports.push(p.value.message ?? '');
    });
    try {
      const uri = 'file:///typing/wuzhong.txt';
      await server.open(uri, readSeed('wuzhong-2023'));
      const running = server.connection.sendRequest(CheckWorkspaceRequest) as Promise<{ files: number; cancelled?: boolean }>;
      // wait for the check to be under way, then type into the open report
      while (reports.length < 5) await new Promise((r) => setTimeout(r, 2));
      const typed = new Promise<void>((resolve) => {
        const d = server.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
          if (p.uri === uri && p.version === 2) {
            typedChecked = true;
            d.dispose();
            resolve();
          }
        });
      });
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '字' }],
      });
      await typed;
      const checkedWhileTyping = reports.length;
      assert.ok(typedChecked && checkedWhileTyping < total, `the edit was checked while the workspace check ran (${checkedWhileTyping} of ${total} files done)`);
      await server.connection.sendNotification('window/workDoneProgress/cancel', { token: progressToken });
      const r = await running;
      assert.equal(r.cancelled, true);
      assert.ok(r.files > 0 && r.files < total, `stopped early: ${r.files} of ${total}`);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the status of each check (govReport/status, for the language status item)', () => {
  it('counts the problems by severity and says how long the check took', async () => {
    const server = await startServer('zh-cn');
    const statuses: { uri: string; version: number; state: string; errors: number; warnings: number; others: number; ignored: number; ms?: number }[] = [];
    server.connection.onNotification(StatusNotification, (p: (typeof statuses)[number]) => {
      statuses.push(p);
    });
    try {
      const uri = 'file:///status/wuwei.txt';
      const p = await server.open(uri, readSeed('wuwei-2023'));
      const deadline = Date.now() + 10_000;
      while (!statuses.some((s) => s.uri === uri) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const s = statuses.find((x) => x.uri === uri)!;
      assert.equal(s.state, 'checked');
      assert.equal(s.version, 1);
      assert.equal(s.errors, p.diagnostics.filter((d) => d.severity === 1).length);
      assert.equal(s.warnings, p.diagnostics.filter((d) => d.severity === 2).length);
      assert.equal(s.errors + s.warnings + s.others, p.diagnostics.length);
      assert.equal(s.ignored, 0);
      assert.ok(typeof s.ms === 'number' && s.ms > 0 && s.ms < 10_000, `a duration: ${s.ms}`);
    } finally {
      server.stop();
    }
  });
});

describe('the encoding of a report file, in its status', () => {
  it('says a GB18030 file opened as UTF-8 is opened wrong, a GB18030 file read right is GB18030, a UTF-8 file nothing; stray bytes by line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enc-'));
    const server = await startServer('zh-cn');
    const statuses: { uri: string; encoding?: { encoding: string; bom: boolean; mismatch?: boolean; badLines?: number[] } }[] = [];
    server.connection.onNotification(StatusNotification, (p: (typeof statuses)[number]) => {
      statuses.push(p);
    });
    const statusOf = async (uri: string) => {
      const deadline = Date.now() + 10_000;
      while (!statuses.some((s) => s.uri === uri) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return statuses.find((s) => s.uri === uri)!;
    };
    try {
      const text = readSeed('wuwei-2023');
      const gbk = path.join(dir, 'gbk.txt');
      fs.writeFileSync(gbk, encodeText(text, 'gb18030', false));
      // as an editor shows it when it decodes those bytes as UTF-8
      const garbled = new TextDecoder('utf-8').decode(fs.readFileSync(gbk));
      await server.open(pathToFileURL(gbk).href, garbled);
      assert.deepEqual((await statusOf(pathToFileURL(gbk).href)).encoding, { encoding: 'gb18030', bom: false, mismatch: true });
      const right = path.join(dir, 'right.txt');
      fs.copyFileSync(gbk, right);
      await server.open(pathToFileURL(right).href, text);
      assert.deepEqual((await statusOf(pathToFileURL(right).href)).encoding, { encoding: 'gb18030', bom: false });
      const utf8 = path.join(dir, 'utf8.txt');
      fs.writeFileSync(utf8, text);
      await server.open(pathToFileURL(utf8).href, text);
      assert.equal((await statusOf(pathToFileURL(utf8).href)).encoding, undefined);
      const stray = path.join(dir, 'stray.txt');
      const lines = text.split('\n');
      fs.writeFileSync(stray, Buffer.concat([Buffer.from(lines.slice(0, 4).join('\n') + '\n'), Buffer.from([0xff]), Buffer.from(lines.slice(4).join('\n'))]));
      await server.open(pathToFileURL(stray).href, new TextDecoder().decode(fs.readFileSync(stray)));
      assert.deepEqual((await statusOf(pathToFileURL(stray).href)).encoding, { encoding: 'utf-8', bom: false, badLines: [5] });
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the table view, export and 汇总 over LSP', () => {
  it('govReport/tables: the three tables as grids, wuwei-2023’s failing cells flagged with their sums', async () => {
    const server = await startServer('zh-cn');
    try {
      const uri = 'file:///view/wuwei.txt';
      await server.open(uri, readSeed('wuwei-2023'));
      const model = (await server.connection.sendRequest(TablesRequest, { uri })) as {
        tables: { id: string; present: boolean; rows: { text: string; severity?: string; notes?: string[]; colspan?: number; rowspan?: number; header?: boolean; range?: unknown }[][] }[];
        flagged: number;
      };
      assert.deepEqual(model.tables.map((t) => [t.id, t.present]), [['二', true], ['三', true], ['四', true]]);
      // every row of every grid spans the same number of columns, counting the cells merged from above
      for (const t of model.tables) {
        const width = t.rows[0]!.reduce((n, c) => n + (c.colspan ?? 1), 0);
        const carried = new Array<number>(t.rows.length + 5).fill(0);
        t.rows.forEach((row, r) => {
          const own = row.reduce((n, c) => n + (c.colspan ?? 1), 0);
          assert.equal(own + carried[r]!, width, `表${t.id} row ${r}`);
          for (const c of row) for (let k = 1; k < (c.rowspan ?? 1); k++) carried[r + k]! += c.colspan ?? 1;
        });
      }
      const t3 = model.tables[1]!;
      const flagged = t3.rows.flat().filter((c) => c.severity === 'error');
      assert.ok(flagged.length >= 4, `flagged cells of 表三: ${flagged.map((c) => c.text).join(' ')}`);
      const total = t3.rows.find((row) => row.some((c) => c.text.startsWith('1.申请人无正当理由逾期')))!.at(-1)!;
      assert.equal(total.text, '3');
      assert.equal(total.severity, 'error');
      assert.ok(total.notes!.some((n) => n.startsWith('T3-row:')), 'its equation on hover');
      assert.ok(model.flagged >= 8, `${model.flagged} flagged in all`);
      assert.equal(await server.connection.sendRequest(TablesRequest, { uri: 'file:///not/open.txt' }), null);
    } finally {
      server.stop();
    }
  });

  it('govReport/exportTables: CSV and JSON of the open report', async () => {
    const server = await startServer('zh-cn');
    try {
      const uri = 'file:///export/wuzhong-2023.txt';
      await server.open(uri, readSeed('wuzhong-2023'));
      const csv = (await server.connection.sendRequest(ExportTablesRequest, { uri, format: 'csv' })) as string;
      assert.ok(csv.includes('wuzhong-2023.txt,吴忠市,2023,三,一,一、本年新收政府信息公开申请数量,自然人,343'));
      const json = JSON.parse((await server.connection.sendRequest(ExportTablesRequest, { uri, format: 'json' })) as string) as { table4: number[] };
      assert.deepEqual(json.table4, [9, 8, 3, 2, 22, 2, 1, 1, 1, 5, 3, 0, 1, 0, 4]);
    } finally {
      server.stop();
    }
  });

  it('govReport/exportReport: a Word document and a web page that read back; the errors in the tables first, unless forced', async () => {
    const server = await startServer('zh-cn');
    try {
      const uri = 'file:///export/tongxin-2022.txt';
      await server.open(uri, readSeed('tongxin-2022'));
      const tables = exportTables(analyze(readSeed('tongxin-2022')).report);
      const docx = (await server.connection.sendRequest(ExportReportRequest, { uri, format: 'docx' })) as ExportReportAnswer;
      assert.ok(docx.ok && docx.base64);
      const read = readBytes(Buffer.from(docx.base64, 'base64'), 'x.docx');
      assert.ok(read.ok);
      assert.deepEqual(exportTables(analyze(read.read.text).report).table3, tables.table3);
      const html = (await server.connection.sendRequest(ExportReportRequest, { uri, format: 'html' })) as ExportReportAnswer;
      assert.ok(html.ok && html.text?.startsWith('<article'));
      // wuwei-2023 has eight errors in its tables: listed with their places, no file, until forced
      const bad = 'file:///export/wuwei-2023.txt';
      await server.open(bad, readSeed('wuwei-2023'));
      const refused = (await server.connection.sendRequest(ExportReportRequest, { uri: bad, format: 'docx' })) as ExportReportAnswer;
      assert.ok(!refused.ok && 'blockers' in refused);
      assert.equal(refused.blockers.length, 8);
      assert.equal(refused.blockers[0]!.rule, 'cell-residue');
      assert.equal(refused.blockers[0]!.range.start.line, lineOf(readSeed('wuwei-2023'), '行政许可'));
      const forced = (await server.connection.sendRequest(ExportReportRequest, { uri: bad, format: 'docx', force: true })) as ExportReportAnswer;
      assert.ok(forced.ok && forced.base64);
      // a document not open, or a format not known: nothing
      assert.equal(await server.connection.sendRequest(ExportReportRequest, { uri: 'file:///not/open.txt', format: 'docx' }), null);
      assert.equal(await server.connection.sendRequest(ExportReportRequest, { uri, format: 'pdf' as 'docx' }), null);
    } finally {
      server.stop();
    }
  });

  it('govReport/compare: with last year’s report found in the workspace, or the one named; a message when there is none', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-'));
    fs.writeFileSync(path.join(dir, 'wuzhong-2022.txt'), previousYearOf(readSeed('wuzhong-2023')));
    fs.writeFileSync(path.join(dir, 'tongxin-2022.txt'), readSeed('tongxin-2022'));
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    try {
      const uri = pathToFileURL(path.join(dir, 'wuzhong-2023.txt')).href;
      await server.open(uri, readSeed('wuzhong-2023'));
      const found = (await server.connection.sendRequest(CompareRequest, { uri })) as CompareAnswer;
      assert.ok(found.ok, JSON.stringify(found));
      assert.equal(found.comparison.previous.uri, pathToFileURL(path.join(dir, 'wuzhong-2022.txt')).href);
      assert.equal(found.comparison.flagged, 3);
      const cell = found.comparison.cells.find((c) => c.name === '表三一·自然人')!;
      assert.deepEqual([cell.before, cell.now, cell.percent, cell.beforeRange?.start.line], [300, 343, 14.3, 46]);
      // another agency's report, named: compared all the same, and said not to be the year before
      const named = (await server.connection.sendRequest(CompareRequest, { uri, previousUri: pathToFileURL(path.join(dir, 'tongxin-2022.txt')).href })) as CompareAnswer;
      assert.ok(named.ok && named.comparison.previous.year === 2022);
      // a report with no year before in the workspace
      const lone = pathToFileURL(path.join(dir, 'tongxin-2022.txt')).href;
      await server.open(lone, readSeed('tongxin-2022'));
      const none = (await server.connection.sendRequest(CompareRequest, { uri: lone })) as CompareAnswer;
      assert.ok(!none.ok && /没有找到同一机关上一年度的年报/.test(none.message));
      assert.equal(await server.connection.sendRequest(CompareRequest, { uri: 'file:///not/open.txt' }), null);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('govReport/sum: writes the sums into a report without tables, or lists where a report differs from them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sum-'));
    for (const n of ['wuzhong-2023', 'wuwei-2023', 'tongxin-2022'] as const) fs.writeFileSync(path.join(dir, `${n}.txt`), readSeed(n));
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    try {
      const listed = (await server.connection.sendRequest(ListReportsRequest)) as { uri: string; year?: number }[];
      assert.equal(listed.length, 3);
      const uris = ['wuzhong-2023', 'wuwei-2023', 'tongxin-2022'].map((n) => pathToFileURL(path.join(dir, `${n}.txt`)).href);
      // a 2023 report of the whole city with no tables yet
      const empty = '某市2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n正文。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
      const cityUri = pathToFileURL(path.join(dir, 'city.txt')).href;
      await server.open(cityUri, empty);
      const answer = (await server.connection.sendRequest(SumRequest, { uri: cityUri, uris })) as {
        result: { included: string[]; excluded: { file: string }[] };
        edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> };
      };
      assert.deepEqual(answer.result.included, ['wuzhong-2023.txt', 'wuwei-2023.txt']);
      assert.deepEqual(answer.result.excluded.map((e) => e.file), ['tongxin-2022.txt']);
      const filled = TextDocument.applyEdits(TextDocument.create(cityUri, 'x', 1, empty), answer.edit.changes[cityUri]!);
      // the written sums read back: wuzhong + wuwei, cell by cell, in this report's model
      const back = (await server.open('file:///sum/filled.txt', filled)).diagnostics;
      assert.ok(!back.some((d) => d.code === 'table-missing' || d.code === 'table-row-missing'), back.map((d) => d.code).join(', '));
      assert.ok(filled.includes('一、本年新收政府信息公开申请数量\t') && filled.indexOf('二、主动公开政府信息情况') < filled.indexOf('第二十条第（一）项'));
      // wuzhong compared with the sum of wuzhong and wuwei: wuwei's numbers are the differences
      await server.open(uris[0]!, readSeed('wuzhong-2023'));
      const compared = (await server.connection.sendRequest(SumRequest, { uri: uris[0], uris: uris.slice(0, 2) })) as { differences: { name: string; mine: number | null; sum: number }[] };
      const first = compared.differences.find((d) => d.name === '表三一·自然人')!;
      assert.deepEqual([first.mine, first.sum], [343, 343 + EXPECTED['wuwei-2023'].table3['一']![0]!]);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
