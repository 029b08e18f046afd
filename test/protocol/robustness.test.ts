/**
 * The server stays up and sane under odd requests: unknown documents, positions
 * outside the document, rapid open/change/close, a 10 MB change, invalid settings.
 */
import { CheckWorkspaceRequest, CompareRequest, ExportReportRequest, ExportTablesRequest, ListReportsRequest, SumRequest, TablesRequest } from '../../server/src/lsp/protocol';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeAction,
  CodeActionRequest,
  ExecuteCommandRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  PublishDiagnosticsParams,
  SelectionRangeRequest,
} from 'vscode-languageserver-protocol/node';
import { ROOT, readSeed } from '../helpers';
import { spawn } from 'node:child_process';
import { TestServer, startServer } from './lspClient';

describe('server robustness', () => {
  let server: TestServer;
  let published: PublishDiagnosticsParams[] = [];
  before(async () => {
    server = await startServer('zh-cn');
    published = server.published;
  });
  after(() => server.stop());

  it('answers requests about unknown documents with nothing', async () => {
    const uri = 'file:///nowhere.txt';
    assert.deepEqual(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), []);
  });

  it('answers positions outside the document sanely', async () => {
    const uri = 'file:///robust/out.txt';
    await server.open(uri, readSeed('wuzhong-2023'));
    for (const position of [{ line: 99_999, character: 0 }, { line: 3, character: 99_999 }, { line: 0, character: 0 }]) {
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      const ranges = await server.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [position] });
      assert.equal(ranges!.length, 1);
    }
  });

  it('survives rapid open/change/close and keeps answering', async () => {
    const text = readSeed('wuwei-2023');
    for (let k = 0; k < 30; k++) {
      const uri = `file:///robust/rapid-${k % 3}.txt`;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, text: '' }],
      });
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///robust/out.txt' } });
    assert.equal((symbols as unknown[]).length, 6);
  });

  it('takes a 10 MB change: checked on save only, with a note, and keeps answering', async () => {
    const uri = 'file:///robust/huge.txt';
    await server.open(uri, readSeed('wuzhong-2023'));
    const huge = readSeed('wuzhong-2023').repeat(Math.ceil(10_000_000 / readSeed('wuzhong-2023').length));
    const mark = published.length;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: huge }] });
    const noted = await waitFor(() => published.slice(mark).find((p) => p.uri === uri && p.version === 2));
    assert.equal(noted.diagnostics[0]!.code, 'size-limit');
    assert.match(String(noted.diagnostics[0]!.message), /只在保存时检查/);
    const mark2 = published.length;
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const saved = await waitFor(() => published.slice(mark2).find((p) => p.uri === uri), 60_000);
    assert.equal(saved.diagnostics[0]!.code, 'size-limit');
    assert.ok(saved.diagnostics.some((d) => d.code === 'section-duplicate'), 'the saved document was checked');
    // edited again, over the limit: no feature runs a full analysis (the one of the save is gone with the edit)
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某' }],
    });
    assert.deepEqual(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    assert.deepEqual(await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), []);
    assert.deepEqual(await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }), { data: [] });
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 3 } }), null);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('answers a request the client cancelled before it ran as cancelled (RequestCancelled), and the next one in full', async () => {
    // raw JSON-RPC over the server's stdin: the request and its cancellation in one write, so the server
    // reads them together whatever the load (a client library writes them apart)
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const frame = (message: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    };
    let buffer = Buffer.alloc(0);
    const answers = new Map<number, { result?: unknown; error?: { code: number } }>();
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const head = buffer.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, head).toString('ascii'))?.[1]);
        if (buffer.length < head + 4 + length) return;
        const message = JSON.parse(buffer.subarray(head + 4, head + 4 + length).toString('utf8')) as { id?: number; method?: string; result?: unknown; error?: { code: number } };
        buffer = buffer.subarray(head + 4 + length);
        if (typeof message.id === 'number' && message.method === undefined) answers.set(message.id, message);
        else if (typeof message.id === 'number' && message.method) child.stdin!.write(frame({ id: message.id, result: null }));
      }
    });
    const answer = async (id: number) => {
      const deadline = Date.now() + 10_000;
      while (!answers.has(id)) {
        if (Date.now() > deadline) throw new Error(`no answer to ${id}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return answers.get(id)!;
    };
    try {
      const uri = 'file:///robust/cancel.txt';
      child.stdin!.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounce: 0 } } }));
      await answer(1);
      child.stdin!.write(
        Buffer.concat([
          frame({ method: 'initialized', params: {} }),
          frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text: readSeed('wuzhong-2023') } } }),
          frame({ id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } }),
          frame({ method: '$/cancelRequest', params: { id: 2 } }),
        ]),
      );
      assert.equal((await answer(2)).error?.code, -32800);
      child.stdin!.write(frame({ id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } }));
      assert.equal(((await answer(3)).result as unknown[]).length, 6);
    } finally {
      child.stdin!.destroy();
      child.stdout!.destroy();
      child.kill();
    }
  });

  it('drops a long check the client cancelled while it ran, and answers the request as cancelled', async () => {
    // a separate server checking on save only: the request is the only one waiting for the check
    const own = await startServer('zh-cn');
    try {
      await own.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { run: 'onSave' } } });
      const uri = 'file:///robust/long.txt';
      const seed = readSeed('wuzhong-2023');
      /** about 1.5 M characters of reports, every copy's numbers different (nothing remembered helps) */
      const long = (shift: number) =>
        Array.from({ length: Math.ceil(1_500_000 / seed.length) }, (_, k) => seed.replace(/\d+/g, (d) => String(Number(d) + k + shift))).join('\n');
      await own.open(uri, long(0));
      await own.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: long(7) }] });
      const source = new CancellationTokenSource();
      const request = own.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token);
      // cancelled once the check has started (a check of this size takes far longer than this)
      setTimeout(() => source.cancel(), 50);
      await assert.rejects(request, (e: { code?: number }) => e.code === -32800);
      // the next request makes the check again, in full
      const symbols = (await own.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as unknown[];
      assert.ok(symbols.length > 6);
    } finally {
      own.stop();
    }
  });

  it('ignores invalid settings values', async () => {
    const uri = 'file:///robust/settings.txt';
    await server.open(uri, readSeed('shizuishan-office-2023'));
    // a valid setting first (so that the invalid ones below are a change back to the defaults)
    const mark0 = published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { rules: { 'TXT-table': 'off' } } } });
    const off = await waitFor(() => published.slice(mark0).find((p) => p.uri === uri));
    assert.ok(!off.diagnostics.some((d) => d.code === 'TXT-table'));
    const mark = published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { govReport: { rules: { 'TXT-table': 5, 'cell-empty': 'loud', 'no-such-rule': 'off' }, messageLanguage: 42, debounce: -3, maxFileSize: 'big' } },
    });
    const after = await waitFor(() => published.slice(mark).find((p) => p.uri === uri));
    assert.ok(after.diagnostics.some((d) => d.code === 'TXT-table'));
    assert.ok(after.diagnostics.some((d) => d.code === 'cell-empty' && d.severity === 1));
    assert.match(String(after.diagnostics[0]!.message), /[\u4e00-\u9fff]/);
  });
});

describe('the server’s own requests with bad parameters', () => {
  it('answer with nothing, and the server goes on', async () => {
    const server = await startServer('zh-cn');
    try {
      for (const method of [TablesRequest.method, ExportTablesRequest.method, ExportReportRequest.method, CompareRequest.method, SumRequest.method, ListReportsRequest.method, CheckWorkspaceRequest.method]) {
        for (const params of [undefined, null, 42, 'x', { uri: 7 }, { uri: 'file:///nope.txt', uris: 'not a list' }, { uris: [1, null, 'file:///none.txt'] }, { uri: 'file:///nope.txt', format: 'docx', force: 'yes' }]) {
          const r = await server.connection.sendRequest(method, params as never);
          assert.ok(r === null || typeof r === 'object', `${method} ${JSON.stringify(params)}: ${JSON.stringify(r)}`);
        }
      }
      const p = await server.open('file:///still/alive2.txt', readSeed('wuwei-2023'));
      assert.ok(p.diagnostics.length > 0);
    } finally {
      server.stop();
    }
  });
});

describe('.govreportrc.json in the editor', () => {
  it('applies the nearest file above the report, and re-checks when it changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    const report = path.join(dir, 'reports', 'r.txt');
    fs.writeFileSync(report, readSeed('shizuishan-office-2023'));
    fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'TXT-table': 'off' } }));
    const server = await startServer('zh-cn');
    try {
      const uri = pathToFileURL(report).href;
      const first = await server.open(uri, readSeed('shizuishan-office-2023'));
      assert.ok(!first.diagnostics.some((d) => d.code === 'TXT-table'));
      assert.ok(first.diagnostics.some((d) => d.code === 'cell-empty' && d.severity === 1));
      fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'cell-empty': 'warning' } }));
      const mark = server.published.length;
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(dir, '.govreportrc.json')).href, type: 2 }] });
      const after = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri));
      assert.ok(after.diagnostics.some((d) => d.code === 'TXT-table'));
      assert.ok(after.diagnostics.filter((d) => d.code === 'cell-empty').every((d) => d.severity === 2));
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in the file itself where a broken one is wrong, checks with the defaults meanwhile, and takes it back once fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    const report = path.join(dir, 'r.txt');
    const rc = path.join(dir, '.govreportrc.json');
    const rcUri = pathToFileURL(rc).href;
    fs.writeFileSync(report, readSeed('shizuishan-office-2023'));
    fs.writeFileSync(rc, '{\n  "rules": {\n    "TXT-table": "loud"\n  }\n}\n');
    const server = await startServer('zh-cn');
    try {
      const uri = pathToFileURL(report).href;
      const first = await server.open(uri, readSeed('shizuishan-office-2023'));
      assert.ok(first.diagnostics.some((d) => d.code === 'TXT-table'), 'checked with the default settings');
      const said = await waitFor(() => server.published.find((p) => p.uri === rcUri));
      assert.equal(said.diagnostics.length, 1);
      const [d] = said.diagnostics;
      assert.deepEqual(d!.range.start, { line: 2, character: 4 });
      assert.equal(d!.severity, 1);
      assert.match(String(d!.message), /^rules\.TXT-table 应为 off、error、warning、information、hint 之一，未使用；按默认设置检查$/);
      // fixed: the diagnostic goes, the file applies
      fs.writeFileSync(rc, JSON.stringify({ rules: { 'TXT-table': 'off' } }));
      const mark = server.published.length;
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rcUri, type: 2 }] });
      const cleared = await waitFor(() => server.published.slice(mark).find((p) => p.uri === rcUri));
      assert.deepEqual(cleared.diagnostics, []);
      const after = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri));
      assert.ok(!after.diagnostics.some((d) => d.code === 'TXT-table'));
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ignore this problem here, over LSP', () => {
  it('offers the action, records it in .govreportrc.json (text untouched), and the problem stays away when lines move', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ignore-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    const report = path.join(dir, 'reports', 'wuwei.txt');
    const text = readSeed('wuwei-2023');
    fs.writeFileSync(report, text);
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    try {
      const uri = pathToFileURL(report).href;
      const first = await server.open(uri, text);
      const row = first.diagnostics.find((d) => d.code === 'T3-row')!;
      assert.ok(row);
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: row.range, context: { diagnostics: [row] } })) as CodeAction[];
      const ignore = actions.find((a) => a.command?.command === 'govReport.ignoreProblem' && a.diagnostics?.[0]?.code === 'T3-row');
      assert.ok(ignore, `an ignore action among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(ignore.edit, undefined, 'it does not edit the report');
      let mark = server.published.length;
      const result = (await server.connection.sendRequest(ExecuteCommandRequest.type, { command: ignore.command!.command, arguments: ignore.command!.arguments })) as { file: string };
      const rc = path.join(dir, '.govreportrc.json');
      assert.equal(result.file, rc, 'written in the workspace folder (no .govreportrc.json above the report yet)');
      assert.deepEqual(JSON.parse(fs.readFileSync(rc, 'utf8')), { ignore: [{ file: 'reports/wuwei.txt', rule: 'T3-row', at: 'cell:表三 · （六）其他处理 · 1.申请人无正当理由逾期不补正… · 总计' }] });
      const after = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri));
      assert.deepEqual(after.diagnostics.map((d) => d.code), first.diagnostics.map((d) => d.code).filter((c) => c !== 'T3-row'));
      // three lines typed above the table: still ignored
      mark = server.published.length;
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '新加的一行。\n又一行。\n第三行。\n' }],
      });
      const moved = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri && p.version === 2));
      assert.ok(moved.diagnostics.length > 0 && !moved.diagnostics.some((d) => d.code === 'T3-row'));
      // the same action again adds nothing; other settings in the file are kept
      fs.writeFileSync(rc, JSON.stringify({ rules: { 'cell-residue': 'warning' }, ignore: JSON.parse(fs.readFileSync(rc, 'utf8')).ignore }));
      await server.connection.sendRequest(ExecuteCommandRequest.type, { command: ignore.command!.command, arguments: ignore.command!.arguments });
      const kept = JSON.parse(fs.readFileSync(rc, 'utf8')) as { rules: unknown; ignore: unknown[] };
      assert.deepEqual(kept.rules, { 'cell-residue': 'warning' });
      assert.equal(kept.ignore.length, 1);
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bad arguments are refused without a crash', async () => {
    const server = await startServer('zh-cn');
    try {
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'govReport.ignoreProblem', arguments: [{ uri: 'untitled:x' }] }), null);
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'govReport.ignoreProblem', arguments: [] }), null);
      const p = await server.open('file:///still/alive.txt', readSeed('wuzhong-2023'));
      assert.ok(Array.isArray(p.diagnostics));
    } finally {
      server.stop();
    }
  });
});

describe('govReport.enable and govReport.run', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer('zh-cn');
  });
  after(() => server.stop());

  it('checks nothing when disabled, and again when enabled', async () => {
    const uri = 'file:///settings/enable.txt';
    const first = await server.open(uri, readSeed('wuwei-2023'));
    assert.ok(first.diagnostics.length > 0);
    let mark = server.published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { enable: false } } });
    const off = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri));
    assert.deepEqual(off.diagnostics, []);
    mark = server.published.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { enable: true } } });
    const on = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri));
    assert.equal(on.diagnostics.length, first.diagnostics.length);
  });

  it('with run = onSave, checks on save and not while typing', async () => {
    const uri = 'file:///settings/onsave.txt';
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { run: 'onSave' } } });
    const opened = await server.open(uri, readSeed('wuzhong-2023'));
    assert.deepEqual(opened.diagnostics, [], 'opening checks');
    const mark = server.published.length;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, text: '' }],
    });
    await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(!server.published.slice(mark).some((p) => p.uri === uri), 'no check while typing');
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const saved = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri));
    assert.equal(saved.version, 2);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { run: 'onType' } } });
  });
});

function waitFor<T>(find: () => T | undefined, limit = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const until = Date.now() + limit;
    const tick = () => {
      const v = find();
      if (v !== undefined) return resolve(v);
      if (Date.now() > until) return reject(new Error('not received in time'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('last year’s report in the workspace (cross-year rules over LSP)', () => {
  it('checks against it, points into it, and re-checks when it changes (edited, or on disk)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'years-'));
    const thisYear = readSeed('wuzhong-2023').replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3');
    const lastYear = readSeed('wuzhong-2023').replace(/2023 年/g, '2022 年').replace('规章\t2\t0\t3', '规章\t1\t0\t1').replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t20\t5\t331');
    const lastFile = path.join(dir, 'old', 'wuzhong-2022.txt');
    fs.mkdirSync(path.dirname(lastFile));
    fs.writeFileSync(lastFile, lastYear);
    fs.writeFileSync(path.join(dir, 'wuzhong-2023.txt'), thisYear);
    const server = await startServer('zh-cn', pathToFileURL(dir).href);
    try {
      const uri = pathToFileURL(path.join(dir, 'wuzhong-2023.txt')).href;
      const lastUri = pathToFileURL(lastFile).href;
      await server.open(uri, thisYear);
      // the workspace's reports are indexed in the background: the report is checked again once they are
      const first = await waitFor(() => server.published.find((p) => p.uri === uri && p.diagnostics.some((x) => x.code === 'year-carryover')));
      const d = first.diagnostics.find((x) => x.code === 'year-carryover')!;
      assert.equal(d.relatedInformation?.[0]?.location.uri, lastUri);
      assert.equal(lastYear.split('\n')[d.relatedInformation![0]!.location.range.start.line]!.startsWith('四、结转下年度继续办理'), true);
      // last year's report opened and edited to carry over 4: this year's warning goes
      let mark = server.published.length;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: lastUri, languageId: 'gov-annual-report', version: 1, text: lastYear } });
      const line = lastYear.split('\n').findIndex((l) => l.startsWith('四、结转下年度继续办理'));
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: lastUri, version: 2 },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: lastYear.split('\n')[line]!.length } }, text: '四、结转下年度继续办理\t\t4\t0\t0\t0\t0\t0\t3' }],
      });
      const after = await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri && !p.diagnostics.some((x) => x.code === 'year-carryover')));
      assert.ok(after.diagnostics.length > 0);
      // closed again: what is on disk counts (3 carried over), so the warning is back
      mark = server.published.length;
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: lastUri } });
      await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri && p.diagnostics.some((x) => x.code === 'year-carryover')));
      // the file on disk changed to carry over 4: the watcher's news re-checks it
      fs.writeFileSync(lastFile, lastYear.replace('四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3', '四、结转下年度继续办理\t\t4\t0\t0\t0\t0\t0\t3'));
      mark = server.published.length;
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lastUri, type: 2 }] });
      await waitFor(() => server.published.slice(mark).find((p) => p.uri === uri && !p.diagnostics.some((x) => x.code === 'year-carryover')));
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
