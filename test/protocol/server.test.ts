/**
 * Talks LSP over stdio to the bundled server (dist/server.js), as an editor would.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  MarkupContent,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageWriter,
  TextDocumentSyncKind,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import * as fs from 'node:fs';
import { analyze } from '../../server/src/check';
import { serverReader } from './lspClient';
import { exportTables } from '../../server/src/features/tablesExport';
import { type PublishedText, ReadPublishedRequest } from '../../server/src/lsp/protocol';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { ROOT, blankLine, lineOf, readSeed, seedPath } from '../helpers';

const SERVER = path.join(ROOT, 'dist', 'server.js');
const TIMEOUT_MS = 10_000;

let child: ChildProcess;
let connection: ProtocolConnection;
const received: PublishDiagnosticsParams[] = [];
const waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

/** Resolves with the first diagnostics (already received or still to come) that match. */
function diagnosticsWhere(match: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  const seen = received.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching diagnostics within ' + TIMEOUT_MS + ' ms')), TIMEOUT_MS);
    waiters.push({
      match,
      resolve: (p) => {
        clearTimeout(timer);
        resolve(p);
      },
    });
  });
}

function uriOf(file: string): string {
  return 'file://' + file;
}

before(async () => {
  child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  connection = createProtocolConnection(serverReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    received.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i]!.match(p)) waiters.splice(i, 1)[0]!.resolve(p);
    }
  });
  connection.listen();
});

after(() => {
  connection?.dispose();
  if (child && child.exitCode === null) child.kill();
});

describe('language server over stdio', () => {
  const wuzhong = seedPath('wuzhong-2023');
  const wuzhongText = readSeed('wuzhong-2023');

  it('answers initialize with incremental sync, symbols and folding', async () => {
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(ROOT),
      capabilities: {},
      locale: 'zh-cn',
      initializationOptions: { debounce: 0 },
      workspaceFolders: null,
    });
    const sync = result.capabilities.textDocumentSync;
    assert.ok(sync && typeof sync === 'object');
    assert.equal(sync.change, TextDocumentSyncKind.Incremental);
    assert.equal(sync.openClose, true);
    assert.ok(result.capabilities.documentSymbolProvider);
    assert.ok(result.capabilities.foldingRangeProvider);
    assert.deepEqual(result.capabilities.semanticTokensProvider?.legend.tokenTypes, ['rowLabel', 'totalCell', 'numberCell']);
    assert.ok(result.capabilities.hoverProvider);
    assert.equal(result.serverInfo?.name, 'gov-annual-report-server');
    await connection.sendNotification(InitializedNotification.type, {});
  });

  it('publishes no problems for a clean seed', async () => {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(wuzhong), languageId: 'gov-annual-report', version: 1, text: wuzhongText },
    });
    const p = await diagnosticsWhere((d) => d.uri === uriOf(wuzhong) && d.version === 1);
    assert.deepEqual(p.diagnostics, []);
  });

  it('gives the six sections as document symbols, with sub-items and tables as children', async () => {
    const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf(wuzhong) } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    );
    assert.equal(symbols[0]!.selectionRange.start.line, lineOf(wuzhongText, '一、总体情况'));
    assert.deepEqual(
      symbols[0]!.children!.map((c) => c.name),
      ['（一）主动公开情况', '（二）依申请公开情况', '（三）政府信息管理情况', '（四）平台建设情况', '（五）监督保障情况'],
    );
    assert.equal(symbols[2]!.children!.length, 1, 'section 三 holds table 三');
  });

  it('gives folding ranges for the sections', async () => {
    const ranges = (await connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uriOf(wuzhong) } }))!;
    const sectionStarts = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理', '四、政府信息公开行政复议', '五、存在的主要问题', '六、其他需要报告的事项'].map((h) =>
      lineOf(wuzhongText, h),
    );
    for (const start of sectionStarts) assert.ok(ranges.some((r) => r.startLine === start && r.endLine > start), `no folding range at line ${start}`);
    const s1 = ranges.find((r) => r.startLine === sectionStarts[0])!;
    assert.equal(s1.endLine, sectionStarts[1]! - 2, 'section 一 folds up to its last non-blank line');
  });

  it('re-checks after an incremental edit: deleting the 四、 heading gives an error where it belongs', async () => {
    const line = lineOf(wuzhongText, '四、政府信息公开行政复议');
    const headingLength = '四、政府信息公开行政复议、行政诉讼情况'.length;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf(wuzhong), version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: headingLength } }, text: '' }],
    });
    const p = await diagnosticsWhere((d) => d.uri === uriOf(wuzhong) && d.version === 2);
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0]!;
    assert.equal(d.code, 'section-missing');
    assert.equal(d.severity, 1);
    assert.equal(d.message, '缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”，应位于“五、”之前');
    assert.match(d.codeDescription!.href, /docs\/rules\/section-missing\.md$/);
    const five = lineOf(wuzhongText, '五、存在的主要问题及改进情况');
    assert.deepEqual(d.range, { start: { line: five, character: 0 }, end: { line: five, character: 14 } });

    // typing it back, one character at a time, clears the error
    const heading = '四、政府信息公开行政复议、行政诉讼情况';
    for (let k = 0; k < heading.length; k++) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uriOf(wuzhong), version: 3 + k },
        contentChanges: [{ range: { start: { line, character: k }, end: { line, character: k } }, text: heading[k]! }],
      });
    }
    const last = 3 + heading.length - 1;
    const q = await diagnosticsWhere((d) => d.uri === uriOf(wuzhong) && d.version === last);
    assert.deepEqual(q.diagnostics, []);
  });

  it('typing above the tables, keystroke by keystroke (the tables move): the diagnostics a check from cold gives', async () => {
    const uri = 'file:///tmp/gov-report-typing/wuwei-2023.txt';
    const text = readSeed('wuwei-2023');
    const doc = TextDocument.create(uri, 'gov-annual-report', 1, text);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    // in section 一, above tables 二, 三 and 四: a sentence, a new line (every row one line down), another
    const typed = '补充说明一句。\n又一句';
    let at = text.indexOf('\n', text.indexOf('一、')) + 1;
    for (let k = 0; k < typed.length; k++) {
      const position = doc.positionAt(at);
      const change = { range: { start: position, end: position }, text: typed[k]! };
      TextDocument.update(doc, [change], doc.version + 1);
      at++;
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
      const p = await diagnosticsWhere((d) => d.uri === uri && d.version === doc.version);
      const cold = JSON.parse(JSON.stringify(toDiagnostics(analyze(doc.getText()), 'zh', uri))) as unknown;
      assert.deepEqual(p.diagnostics, cold, `after ${JSON.stringify(typed.slice(0, k + 1))}`);
    }
    assert.ok(received.filter((d) => d.uri === uri).at(-1)!.diagnostics.some((d) => d.code === 'cell-empty'), 'problems inside the tables were found where they moved');
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('clears the diagnostics of a closed document', async () => {
    const before = received.length;
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(wuzhong) } });
    const p = await diagnosticsWhere((d) => d.uri === uriOf(wuzhong) && received.indexOf(d) >= before);
    assert.deepEqual(p.diagnostics, []);
  });

  /**
   * Opens a text, waits for its diagnostics, asks for the quick fixes of the diagnostic of `rule`,
   * applies the first one as an editor would (incremental edits) and returns the diagnostics after it.
   */
  async function fixThrough(uri: string, text: string, rule: string, title?: string, at?: (d: { message: unknown }) => boolean) {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    const before = await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    const diagnostic = before.diagnostics.find((d) => d.code === rule && (!at || at(d)));
    assert.ok(diagnostic, `no ${rule} diagnostic in ${before.diagnostics.map((d) => d.code).join(', ')}`);
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const action = actions.find((a) => a.edit && a.diagnostics?.some((d) => d.code === rule) && (!title || a.title === title));
    // every diagnostic also offers its rule's page and turning the rule off
    assert.ok(actions.some((a) => a.command?.command === 'vscode.open' && String(a.command.arguments![0]).endsWith(`/docs/rules/${rule}.md`)));
    assert.ok(actions.some((a) => a.command?.command === 'govReport.disableRule' && a.command.arguments![0] === rule));
    assert.ok(action && action.edit?.changes?.[uri], 'a quick fix with an edit');
    assert.equal(action.kind, 'quickfix');
    const edits = action.edit!.changes![uri]!;
    const doc = TextDocument.create(uri, 'gov-annual-report', 1, text);
    const fixed = TextDocument.applyEdits(doc, edits);
    // send the same edits incrementally, from the last to the first
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = await diagnosticsWhere((d) => d.uri === uri && d.version === 2);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return { action, fixed, before: before.diagnostics, after: after.diagnostics };
  }

  it('quick fix: inserts a missing section with its empty table; the error is gone', async () => {
    const text = blankLine(readSeed('wuzhong-2023'), '四、政府信息公开行政复议');
    const r = await fixThrough('file:///fix/section.txt', text, 'section-missing');
    assert.equal(r.action.title, '插入“四、政府信息公开行政复议、行政诉讼情况”');
    assert.ok(!r.after.some((d) => d.code === 'section-missing'), r.after.map((d) => d.message).join(' / '));
    assert.ok(r.fixed.includes('四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t'));
  });

  it('quick fix: renames a non-standard section title', async () => {
    const r = await fixThrough('file:///fix/title.txt', readSeed('shizuishan-office-2023'), 'section-title-nonstandard');
    assert.equal(r.action.title, '改为标准标题“五、存在的主要问题及改进情况”');
    assert.deepEqual(r.after.filter((d) => d.code === 'section-title-nonstandard'), []);
    assert.equal(r.after.length, r.before.length - 1);
  });

  it('quick fix: inserts a missing row of table 三 at its place, with empty cells', async () => {
    const text = blankLine(readSeed('tongxin-2022'), '2.没有现成信息需要另行制作');
    const r = await fixThrough('file:///fix/row.txt', text, 'table-row-missing');
    assert.deepEqual(r.after.filter((d) => d.code === 'table-row-missing'), []);
    const lines = r.fixed.split('\n');
    const k = lines.indexOf('2.没有现成信息需要另行制作\t\t\t\t\t\t\t');
    assert.ok(k > 0);
    assert.ok(lines[k + 1]!.includes('3.补正后申请内容仍不明确'));
  });

  it('quick fix: fixes the brackets of a 文号', async () => {
    const text = readSeed('wuzhong-2023').replace('国办公开办函〔2021〕30号', '国办公开办函(2021)30号');
    const r = await fixThrough('file:///fix/docno.txt', text, 'doc-number-brackets');
    assert.ok(r.fixed.includes('国办公开办函〔2021〕30号'));
    assert.deepEqual(r.after, []);
  });

  it('quick fix: fills the empty cell that balances a row and a column (wuwei-2023 （六）1·自然人)', async () => {
    const r = await fixThrough('file:///fix/fill.txt', readSeed('wuwei-2023'), 'T3-row', '在（六）1·自然人填入 3');
    for (const rule of ['T3-row', 'T3-column']) assert.ok(r.before.some((d) => d.code === rule));
    for (const rule of ['T3-row', 'T3-column']) assert.ok(!r.after.some((d) => d.code === rule), rule);
    assert.ok(r.fixed.includes('理其政府信息公开申请\t3\t0\t0\t0\t0\t0\t3'));
  });

  it('quick fix: keeps the number of a cell with OCR residue (wuwei-2023 “5 政处罚 351867”)', async () => {
    const r = await fixThrough('file:///fix/residue.txt', readSeed('wuwei-2023'), 'cell-residue', '改为 351867', (d) => String(d.message).includes('行政处罚'));
    assert.ok(r.fixed.includes('行政处罚\t351867\t'));
    assert.equal(r.after.filter((d) => d.code === 'cell-residue').length, 3);
  });

  it('quick fix: sets a total to the sum of its parts (T4-block)', async () => {
    const text = readSeed('wuzhong-2023').replace('9\t8\t3\t2\t22\t', '9\t8\t3\t2\t23\t');
    const r = await fixThrough('file:///fix/total.txt', text, 'T4-block', '将行政复议·总计改为 22');
    assert.deepEqual(r.after.filter((d) => d.code === 'T4-block'), []);
    assert.ok(r.fixed.includes('9\t8\t3\t2\t22\t'));
  });

  it('hover: a table cell shows its identity and the sums it takes part in', async () => {
    const uri = 'file:///hover/wuwei.txt';
    const text = readSeed('wuwei-2023');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    const line = lineOf(text, '1.申请人无正当理由逾期');
    const character = text.split('\n')[line]!.lastIndexOf('3');
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    assert.ok(hover && MarkupContent.is(hover.contents));
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*表三 · （六）其他处理 · 1\.申请人无正当理由逾期不补正… · 总计\*\*/);
    assert.match(value, /数值：3/);
    assert.match(value, /行合计（总计 = 六类申请人之和） · （六）1：3 ⟷ 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 0 ✗ 差 3（1 格为空或无法识别，按 0 计）/);
    assert.match(value, /列合计（（七）总计 = 各项办理结果之和） · 总计：260 ⟷ 260 ✓/);
    assert.deepEqual(hover!.range, { start: { line, character }, end: { line, character: character + 1 } });

    const heading = lineOf(text, '三、收到和处理政府信息公开申请情况');
    const h2 = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: heading, character: 3 } });
    assert.match((h2!.contents as MarkupContent).value, /\*\*三、收到和处理政府信息公开申请情况\*\*\n\n申请情况统计表/);
    const none = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: lineOf(text, '2023年,武威市坚持'), character: 5 } });
    assert.equal(none, null);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('semantic tokens: row labels, totals, and the cells of a sum that does not add up', async () => {
    const uri = 'file:///tokens/wuwei.txt';
    const text = readSeed('wuwei-2023');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    const init = await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    assert.ok(init);
    const result = await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const data = result!.data;
    assert.equal(data.length % 5, 0);
    const lines = text.split('\n');
    const tokens: { text: string; type: string; modifiers: number; line: number }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push({ text: lines[line]!.slice(char, char + data[i + 2]!), type: ['rowLabel', 'totalCell', 'numberCell'][data[i + 3]!]!, modifiers: data[i + 4]!, line });
    }
    assert.ok(tokens.some((t) => t.type === 'rowLabel' && t.text === '予以公开'));
    assert.ok(tokens.some((t) => t.type === 'rowLabel' && t.text === 'PUTF'), 'a garbled label mapped by position is a row label too');
    const row61 = lineOf(text, '1.申请人无正当理由逾期');
    const total = tokens.find((t) => t.line === row61 && t.type === 'totalCell')!;
    assert.deepEqual([total.text, total.modifiers], ['3', 1], '（六）1·总计 is in a failing sum');
    const fine = tokens.find((t) => t.line === lineOf(text, '一、本') && t.type === 'numberCell')!;
    assert.deepEqual([fine.text, fine.modifiers], ['255', 0]);
    assert.ok(tokens.filter((t) => t.modifiers === 1).length >= 8);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('turns a rule off, or changes its severity, when the settings change (no restart)', async () => {
    const uri = 'file:///settings/shizuishan.txt';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text: readSeed('shizuishan-office-2023') } });
    const first = await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'TXT-table'));
    const mark = received.length;
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { rules: { 'TXT-table': 'off', 'section-title-nonstandard': 'error' } } } });
    const after = await diagnosticsWhere((d) => d.uri === uri && received.indexOf(d) >= mark);
    assert.ok(!after.diagnostics.some((d) => d.code === 'TXT-table'));
    assert.equal(after.diagnostics.find((d) => d.code === 'section-title-nonstandard')!.severity, 1);
    const mark2 = received.length;
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { rules: {}, messageLanguage: 'en' } } });
    const back = await diagnosticsWhere((d) => d.uri === uri && received.indexOf(d) >= mark2);
    assert.ok(back.diagnostics.some((d) => d.code === 'TXT-table'));
    assert.match(String(back.diagnostics.find((d) => d.code === 'TXT-table')!.message), /^The text says 1 reconsideration cases/);
    const mark3 = received.length;
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { govReport: { messageLanguage: 'auto' } } });
    const zhAgain = await diagnosticsWhere((d) => d.uri === uri && received.indexOf(d) >= mark3);
    assert.match(String(zhAgain.diagnostics.find((d) => d.code === 'TXT-table')!.message), /^正文称行政复议 1 件/);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('source.fixAll.govReport applies every safe fix and never touches a number', async () => {
    const uri = 'file:///fix/all.txt';
    const text = readSeed('shizuishan-office-2023').replace('（国办公开办函〔2021〕30号）', '（国办公开办函(2021)30号）').replace('行政规范性文件\t1\t0\t46', '行政规范性文件\t１\t0\t46');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.govReport');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, text), actions[0]!.edit!.changes![uri]!);
    assert.ok(fixed.includes('五、存在的主要问题及改进情况') && fixed.includes('国办公开办函〔2021〕30号') && fixed.includes('行政规范性文件\t1\t0\t46'));
    assert.equal(fixed.length, text.length + 1, 'one character added (的); nothing else changed in length');
    const cleanUri = 'file:///fix/clean.txt';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: cleanUri, languageId: 'gov-annual-report', version: 1, text: wuzhongText } });
    await diagnosticsWhere((d) => d.uri === cleanUri && d.version === 1);
    const none = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: cleanUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.govReport'] },
    })) as CodeAction[];
    assert.deepEqual(none, []);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: cleanUri } });
  });

  it('offers no quick fix where there is no problem, and none for other kinds', async () => {
    const uri = 'file:///fix/none.txt';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text: wuzhongText } });
    await diagnosticsWhere((d) => d.uri === uri && d.version === 1);
    const all = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, context: { diagnostics: [] } })) as { kind?: string; title: string }[];
    // no quick fix; the one other action is writing the 依申请公开 paragraph from the tables (a refactoring)
    assert.deepEqual(all.filter((a) => a.kind === 'quickfix'), []);
    assert.deepEqual(all.map((a) => [a.kind, a.title]), [['refactor.rewrite', '根据表三、表四写出依申请公开情况（插入一段）']]);
    const fixesOnly = await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(fixesOnly, []);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('reads a published report (govReport/readPublished): a Word file and a PDF into report text, a PDF with its pages; an old .doc refused with what to do', async () => {
    const ask = (file: string) => connection.sendRequest(ReadPublishedRequest, { name: path.basename(file), data: fs.readFileSync(file).toString('base64') }) as Promise<PublishedText>;
    const renderings = path.join(ROOT, 'test', 'fixtures', 'renderings');
    const docx = await ask(path.join(renderings, 'tongxin-2022.docx'));
    assert.ok(docx.ok && docx.form === 'docx');
    assert.deepEqual(exportTables(analyze(docx.text).report).table3, exportTables(analyze(readSeed('tongxin-2022')).report).table3);
    const pdf = await ask(path.join(renderings, 'wuwei-2023.pdf'));
    assert.ok(pdf.ok && pdf.form === 'pdf');
    assert.deepEqual(pdf.pages?.map((p) => p.page), [1, 2, 3, 4, 5, 6, 7, 8, 9].slice(0, pdf.pages!.length));
    assert.ok(pdf.pages!.length >= 5);
    assert.deepEqual(exportTables(analyze(pdf.text).report).table4, exportTables(analyze(readSeed('wuwei-2023')).report).table4);
    const doc = (await connection.sendRequest(ReadPublishedRequest, { name: 'old.doc', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString('base64') })) as PublishedText;
    assert.ok(!doc.ok && /另存为/.test(doc.message), JSON.stringify(doc));
  });

  it('shuts down and exits cleanly', async () => {
    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  });
});
