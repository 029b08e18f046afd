/**
 * The extension-host suite: runs inside a real VS Code (code-server or
 * desktop), against the extension as installed. The module contract of
 * @vscode/test-electron: run() returns a promise that rejects on failure.
 * Event-driven waits only (diagnostics, document events), each with a time limit.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const LANGUAGE = 'gov-annual-report';
const LIMIT_MS = 30_000;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Resolves when `check` holds, re-evaluated on every diagnostics change, or rejects after the limit. */
function waitForDiagnostics(uri: vscode.Uri, check: (ds: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (check(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; have: ${vscode.languages.getDiagnostics(uri).map((d) => codeOf(d)).join(', ')}`));
    }, LIMIT_MS);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = vscode.languages.getDiagnostics(uri);
      if (check(ds)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(ds);
      }
    });
  });
}

/** Opens a workspace file and waits until the extension has given it the report language. */
async function openReport(name: string): Promise<vscode.TextDocument> {
  const uri = workspaceFile(name);
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const switched = new Promise<vscode.TextDocument>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} never got the language ${LANGUAGE}`)), LIMIT_MS);
    sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === uri.toString() && d.languageId === LANGUAGE) resolve(d);
    });
  });
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId === LANGUAGE) return doc;
    return await switched;
  } finally {
    clearTimeout(timer);
    sub?.dispose();
  }
}

/** The extension under test runs in the browser's web worker host (scripts/e2e-run.mjs --web): no file system there. */
const WEB = process.env.GOV_E2E_WEB === '1';

const tests: [string, () => Promise<void>][] = [];
const test = (name: string, fn: () => Promise<void>, where: { web: boolean } = { web: true }) => {
  if (!WEB || where.web) tests.push([name, fn]);
};
/** Tests that need the file system (.govreportrc.json, files not open): not in the web build. */
const NODE_ONLY = { web: false };

test(`the extension runs in the ${WEB ? 'web worker' : 'Node'} extension host`, async () => {
  // this suite runs in the Node extension host: it sees the extension only when it runs there too
  const ext = vscode.extensions.getExtension('gov-report-tools.gov-annual-report');
  if (WEB) {
    assert.equal(ext, undefined, 'not in the Node extension host');
    const doc = await openReport('wuzhong-2023.txt');
    assert.equal(doc.languageId, LANGUAGE, 'yet reports get the report language: from the web worker host');
  } else {
    assert.ok(ext, 'installed');
    await ext.activate();
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
  }
});

/**
 * A diagnostic's rule link. Diagnostics made in another extension host (the web worker
 * host) reach this one without the link's target (VS Code mirrors only the code), so
 * there the code alone is checked.
 */
function linksToRule(d: vscode.Diagnostic): boolean {
  if (WEB && typeof d.code === 'string') return true;
  return typeof d.code === 'object' && d.code.target.toString().endsWith(`/docs/rules/${String(d.code.value)}.md`);
}

test('a .txt report gets the report language by itself', async () => {
  const doc = await openReport('wuzhong-2023.txt');
  assert.equal(doc.languageId, LANGUAGE);
  if (WEB) return; // the extension is not visible from this (Node) host: see the first test
  const ext = vscode.extensions.getExtension('gov-report-tools.gov-annual-report');
  assert.ok(ext, 'the extension is installed');
  assert.ok(ext.isActive);
});

test('wuwei-2023: the diagnostics of corpus/README.md, with rule ids, links, severities and ranges', async () => {
  const doc = await openReport('wuwei-2023.txt');
  const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-column'), 'wuwei diagnostics');
  const codes = ds.map(codeOf).sort();
  assert.deepEqual(codes, ['T3-column', 'T3-row', 'cell-empty', 'cell-empty', 'cell-residue', 'cell-residue', 'cell-residue', 'cell-residue']);
  for (const d of ds) {
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(linksToRule(d), `code: ${JSON.stringify(d.code)}`);
  }
  const residue = ds.filter((d) => codeOf(d) === 'cell-residue').sort((a, b) => a.range.start.line - b.range.start.line)[0]!;
  assert.equal(doc.getText(residue.range), '政许可 421808');
});

test('the other seeds: the diagnostics of corpus/README.md', async () => {
  const want: Record<string, string[]> = {
    'wuzhong-2023.txt': [],
    'tongxin-2022.txt': [],
    'shizuishan-office-2023.txt': ['TXT-table', 'cell-empty', 'cell-empty', 'cell-empty', 'cell-empty', 'cell-empty', 'section-title-nonstandard'],
    'litong-2021.txt': ['cell-empty', 'cell-empty', 'cell-empty', 'cell-empty', 'cell-empty', 'cell-empty', 'table-header', 'table-shape', 'table-shape', 'table-shape'],
  };
  for (const [name, codes] of Object.entries(want)) {
    const doc = await openReport(name);
    // the server answers on a document in order: once it has given the outline, it has published the diagnostics
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.equal(symbols?.length, 6, `${name}: ${JSON.stringify(symbols?.map((x) => x.name))}`);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length === codes.length, `${name} diagnostics`);
    assert.deepEqual(ds.map(codeOf).map(String).sort(), [...codes].sort(), name);
    for (const d of ds) assert.ok(linksToRule(d), `${name}: ${JSON.stringify(d.code)}`);
  }
  const litong = vscode.languages.getDiagnostics(workspaceFile('litong-2021.txt'));
  const note = litong.find((d) => codeOf(d) === 'table-header')!;
  assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
});

test('a quick fix applied through the code-action provider makes its diagnostic go away', async () => {
  const doc = await openReport('shizuishan-office-2023.txt');
  const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'section-title-nonstandard'), 'the title warning');
  const target = ds.find((x) => codeOf(x) === 'section-title-nonstandard')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => a.title === '改为标准标题“五、存在的主要问题及改进情况”' || a.title === 'Use the standard heading “五、存在的主要问题及改进情况”');
  assert.ok(fix && fix.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'section-title-nonstandard'), 'the warning to go');
  assert.ok(doc.getText().includes('五、存在的主要问题及改进情况'));
});

test('hover on a total that does not add up shows its identity and the sum', async () => {
  const doc = await openReport('wuwei-2023.txt');
  const line = doc.getText().split('\n').findIndex((l) => l.includes('1.申请人无正当理由逾期'));
  const character = doc.lineAt(line).text.lastIndexOf('3');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /表三 · （六）其他处理/);
  assert.match(text, /✗ (差|off by) 3/);
});

test('typing above the tables, character by character: the problems in the tables follow them', async () => {
  // wuwei-2023 in a document of its own, so that the other tests see the file as it is
  const text = (await openReport('wuwei-2023.txt')).getText();
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE, content: text });
  const editor = await vscode.window.showTextDocument(doc);
  const where = (ds: readonly vscode.Diagnostic[], lines = 0) =>
    ds.map((d) => `${codeOf(d)} ${d.range.start.line + lines}:${d.range.start.character}-${d.range.end.line + lines}:${d.range.end.character}`).sort().join(', ');
  const before = await waitForDiagnostics(doc.uri, (d) => d.length === 8, 'the eight problems of wuwei-2023');
  // a sentence and a new line in section 一, above tables 二, 三 and 四: every table one line down
  const line = text.split('\n').findIndex((l) => l.startsWith('一、')) + 1;
  const typed = '补充一句。\n';
  for (let k = 0; k < typed.length; k++) {
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, k), typed[k]!)));
  }
  const moved = where(before, 1);
  await waitForDiagnostics(doc.uri, (d) => where(d) === moved, `the problems one line down: ${moved}`);
  const residue = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === 'cell-residue').sort((a, b) => a.range.start.line - b.range.start.line)[0]!;
  assert.equal(doc.getText(residue.range), '政许可 421808');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('completion offers the fee clause in section 六', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE, content: '某县2023年政府信息公开工作年度报告\n一、总体情况\n六、其他需要报告的事项\n\n' });
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(3, 0));
  const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.ok(labels.includes('信息处理费：未收取') || labels.includes('Fees: none charged'), labels.join(' | '));
});

test('the outline has the six sections', async () => {
  const doc = await openReport('wuzhong-2023.txt');
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  );
});

test('the whole-report snippet inserted with insertSnippet yields no problem', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  const snippets = JSON.parse(
    Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(vscode.extensions.getExtension('gov-report-tools.gov-annual-report')?.extensionPath ?? path.join(__dirname, '..', '..'), 'snippets', 'gov-annual-report.code-snippets')))).toString('utf8'),
  ) as Record<string, { body: string[] }>;
  const body = Object.entries(snippets).find(([k]) => k.startsWith('年报全文'))![1].body.join('\n');
  assert.ok(await editor.insertSnippet(new vscode.SnippetString(body)));
  await waitForDiagnostics(doc.uri, () => doc.getText().includes('六、其他需要报告的事项') && vscode.languages.getDiagnostics(doc.uri).length === 0, 'a clean check of the inserted report');
  assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).map(codeOf), []);
});

test('turning a rule off in the settings takes effect without reload', async () => {
  const doc = await openReport('shizuishan-office-2023.txt');
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'TXT-table'), 'the TXT-table warning');
  const config = vscode.workspace.getConfiguration('govReport');
  await config.update('rules', { 'TXT-table': 'off' }, vscode.ConfigurationTarget.Global);
  try {
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'TXT-table'), 'TXT-table to be off');
  } finally {
    await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
  }
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'TXT-table'), 'TXT-table to be back');
});

test('folding, selection ranges and semantic tokens come from the server', async () => {
  const doc = await openReport('wuzhong-2023.txt');
  const lines = doc.getText().split(/\r?\n/);
  const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
  const sectionLine = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  assert.ok(folds.some((f) => f.start === sectionLine && f.end > sectionLine + 20), `a fold for section 三 at line ${sectionLine}`);
  const cellLine = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  const ranges = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', doc.uri, [new vscode.Position(cellLine, lines[cellLine]!.length - 1)]);
  let depth = 0;
  for (let r: vscode.SelectionRange | undefined = ranges[0]; r; r = r.parent) depth++;
  assert.ok(depth >= 4, `cell → row → table → section → document, got ${depth} levels`);
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
  assert.ok(legend.tokenTypes.length > 0, 'a legend');
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0, 'tokens in groups of five');
});

test('a rule turned off in .govreportrc.json takes effect at once, and comes back when the file goes', async () => {
  const doc = await openReport('shizuishan-office-2023.txt');
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'TXT-table'), 'the TXT-table warning');
  const rc = workspaceFile('.govreportrc.json');
  await vscode.workspace.fs.writeFile(rc, Buffer.from(JSON.stringify({ rules: { 'TXT-table': 'off' } })));
  try {
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'TXT-table'), 'TXT-table off by .govreportrc.json');
  } finally {
    await vscode.workspace.fs.delete(rc);
  }
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'TXT-table'), 'TXT-table back once the file is gone');
}, NODE_ONLY);

test('"ignore this problem here" hides the problem without touching the report, kept in .govreportrc.json', async () => {
  const doc = await openReport('wuwei-2023.txt');
  const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the T3-row error');
  const row = ds.find((x) => codeOf(x) === 'T3-row')!;
  const textBefore = doc.getText();
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, row.range, vscode.CodeActionKind.QuickFix.value);
  // (VS Code hands commands with arguments back under an id of its own: the action is found by its title, and run as a click would)
  const ignore = actions.find((a) => /^(Ignore this problem here|忽略此处的这个问题)/.test(a.title) && a.title.includes('T3-row'));
  assert.ok(ignore?.command && !ignore.edit, `an ignore action (a command, no edit) among: ${actions.map((a) => a.title).join(' | ')}`);
  const rc = workspaceFile('.govreportrc.json');
  // the server writes the file: wait until the file watchers have seen it before it is deleted again
  // (a creation and a deletion close together reach watchers as nothing at all)
  const watcher = vscode.workspace.createFileSystemWatcher('**/.govreportrc.json');
  const seen = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the watcher never saw .govreportrc.json')), LIMIT_MS);
    const done = () => (clearTimeout(timer), resolve());
    watcher.onDidCreate(done);
    watcher.onDidChange(done);
  });
  try {
    await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
    await seen;
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'T3-row'), 'T3-row to be ignored');
    assert.equal(doc.getText(), textBefore, 'the report text is untouched');
    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(rc)).toString('utf8')) as { ignore: { file: string; rule: string }[] };
    assert.deepEqual(saved.ignore.map((e) => [e.file, e.rule]), [['wuwei-2023.txt', 'T3-row']]);
  } finally {
    watcher.dispose();
    await vscode.workspace.fs.delete(rc);
  }
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'T3-row back once the file is gone');
}, NODE_ONLY);

test('checking the workspace publishes the problems of reports that are not open', async () => {
  const source = await vscode.workspace.fs.readFile(workspaceFile('wuwei-2023.txt'));
  const unopened = workspaceFile('unopened-wuwei-copy.txt');
  await vscode.workspace.fs.writeFile(unopened, source);
  try {
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), false);
    // the command ends in a message that waits for the user: not awaited
    void vscode.commands.executeCommand('govReport.checkWorkspace');
    const ds = await waitForDiagnostics(unopened, (d) => d.some((x) => codeOf(x) === 'T3-column'), 'the diagnostics of the unopened copy');
    assert.ok(ds.some((x) => codeOf(x) === 'T3-row'));
  } finally {
    await vscode.workspace.fs.delete(unopened);
  }
}, NODE_ONLY);

/** The language server processes of the extension under test (forked with --node-ipc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => /gov-annual-report[^/]*\/dist\/server\.js$/.test(a)) && cmd.includes('--node-ipc')) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

test('a crashed language server is started again, and the reports are checked again', async () => {
  const doc = await openReport('wuwei-2023.txt');
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the T3-row error');
  const before = serverPids();
  assert.equal(before.length, 1, `one server process: ${before.join(', ')}`);
  // the client forgets the dead server's diagnostics, then the new server publishes them again
  const cleared = waitForDiagnostics(doc.uri, (d) => d.length === 0, 'the diagnostics to be cleared');
  process.kill(before[0]!, 'SIGKILL');
  await cleared;
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the T3-row error from the new server');
  const after = serverPids();
  assert.equal(after.length, 1);
  assert.notEqual(after[0], before[0]);
}, NODE_ONLY);

/** Resolves with `promise`, or rejects after the limit. */
function within<T>(promise: Thenable<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), LIMIT_MS);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/** The table view's drawing once it satisfies `check` (each new drawing is looked at; the current one first). */
async function drawnUntil(check: (s: Drawn) => boolean): Promise<Drawn> {
  for (;;) {
    const next = vscode.commands.executeCommand<Drawn>('govReport._tableViewState', true);
    const now = await vscode.commands.executeCommand<Drawn | undefined>('govReport._tableViewState', false);
    if (now && check(now)) return now;
    const s = await next;
    if (check(s)) return s;
  }
}

interface Drawn {
  uri: string;
  tables: { id: string; present: boolean; cells: number }[];
  flagged: { text: string; severity: string; note: string }[];
}

test('the table view draws the tables of a seed, highlights wuwei-2023’s failing cells, and follows edits', async () => {
  const copy = workspaceFile('table-view-wuwei.txt');
  await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(workspaceFile('wuwei-2023.txt')));
  try {
    const doc = await openReport('table-view-wuwei.txt');
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the T3-row error');
    // what the page itself reports having drawn (read back from its DOM)
    const drawn = vscode.commands.executeCommand<Drawn>('govReport._tableViewState', true);
    await vscode.commands.executeCommand('govReport.showTables');
    const state = await within(drawn, 'the table view to draw');
    // (the web worker host names the same file with a vscode-remote: URI)
    assert.equal(vscode.Uri.parse(state.uri).path, doc.uri.path);
    assert.deepEqual(state.tables.map((t) => [t.id, t.present]), [['二', true], ['三', true], ['四', true]]);
    assert.equal(state.tables[1]!.cells, 25 * 7, '表三: 25 rows of 7 numbers');
    assert.equal(state.tables[2]!.cells, 15, '表四: one row of 15');
    const errors = state.flagged.filter((f) => f.severity === 'error');
    assert.ok(errors.some((f) => f.text === '3' && /T3-row/.test(f.note)), `the failing total, with its sum on hover: ${JSON.stringify(errors.slice(0, 3))}`);
    assert.ok(errors.some((f) => f.text === '政许可 421808' && /cell-residue/.test(f.note)), 'a cell with OCR residue');
    // a real click on a cell (the runner clicks inside the webview) selects it in the text
    const selected = new Promise<vscode.Selection>((resolve, reject) => {
      const timer = setTimeout(() => (sub.dispose(), reject(new Error('the click never selected the cell'))), LIMIT_MS);
      const sub = vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === doc && !e.selections[0]!.isEmpty) {
          clearTimeout(timer);
          sub.dispose();
          resolve(e.selections[0]!);
        }
      });
    });
    console.log('CLICK 政许可 421808');
    const selection = await selected;
    assert.equal(doc.getText(selection), '政许可 421808');
    // typing: the empty 自然人 cell of （六）1 filled with 3 → that row and column add up, fewer cells flagged
    const empty = vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === 'cell-empty').sort((a, b) => a.range.start.line - b.range.start.line)[0]!;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, empty.range, '3');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await within(drawnUntil((s) => s.flagged.length < state.flagged.length), 'the table view to follow the edit');
    assert.ok(after.flagged.length < state.flagged.length, `${after.flagged.length} < ${state.flagged.length}`);
    assert.ok(!after.flagged.some((f) => /T3-row/.test(f.note) && f.text === '3'), 'the row adds up now');
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === copy.toString());
    if (open?.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert', copy);
    await vscode.workspace.fs.delete(copy);
  }
});

/** Resolves with the report text of a published file once it is open in the report language. */
function publishedOpened(file: string): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const match = (d: vscode.TextDocument) => d.uri.scheme === 'gov-report-published' && d.uri.path.endsWith(`/${file}.txt`) && d.languageId === LANGUAGE;
    const open = vscode.workspace.textDocuments.find(match);
    if (open) return resolve(open);
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`the report text of ${file} never opened`))), LIMIT_MS);
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!match(d)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(d);
    });
  });
}

test('opening a Word report (.docx) shows its report text beside it, checked, with its tables in the table view', async () => {
  const opened = publishedOpened('wuwei-2023.docx');
  await vscode.commands.executeCommand('vscode.open', workspaceFile('wuwei-2023.docx'));
  const doc = await opened;
  const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the T3-row error in the Word file’s text');
  assert.ok(ds.some((x) => codeOf(x) === 'T3-column'));
  await vscode.window.showTextDocument(doc);
  const drawn = vscode.commands.executeCommand<Drawn>('govReport._tableViewState', true);
  await vscode.commands.executeCommand('govReport.showTables');
  const state = await within(drawn, 'the table view to draw the Word file’s tables');
  assert.deepEqual(state.tables.map((t) => [t.id, t.present]), [['二', true], ['三', true], ['四', true]]);
  assert.equal(state.tables[1]!.cells, 25 * 7);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test(
  'a PDF report: the command reads it (pdf.js), its problems shown in its text; the text opens as an editable report',
  async () => {
    const opened = publishedOpened('wuwei-2023.pdf');
    await vscode.commands.executeCommand('govReport.openPublished', workspaceFile('wuwei-2023.pdf'));
    const doc = await opened;
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row') && d.some((x) => codeOf(x) === 'T3-column'), 'the PDF’s T3-row and T3-column errors');
    await vscode.window.showTextDocument(doc);
    const untitled = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.isUntitled && d.languageId === LANGUAGE) {
          sub.dispose();
          resolve(d);
        }
      });
    });
    await vscode.commands.executeCommand('govReport.openPublishedAsText');
    const editable = await within(untitled, 'the editable report text');
    // the same report, its fully read tables in the national layout (tab-separated)
    assert.ok(editable.getText().includes('结果维持\t结果纠正\t'), 'table 四 (every cell read) written tab-separated');
    assert.ok(editable.getText().includes('一、总体情况'));
    await waitForDiagnostics(editable.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the editable text checked too');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  },
  NODE_ONLY,
);

test('export: the report as a Word document and as a web page, each read back as the same report', async () => {
  const doc = await openReport('tongxin-2022.txt');
  await vscode.window.showTextDocument(doc);
  const cases: ['exportWord' | 'exportHtml', string][] = [
    ['exportHtml', 'tongxin-2022-export.html'],
    ['exportWord', 'tongxin-2022-export.docx'],
  ];
  for (const [command, name] of cases) {
    await vscode.window.showTextDocument(doc);
    const target = workspaceFile(name);
    await vscode.commands.executeCommand(`govReport.${command}`, target);
    const bytes = await vscode.workspace.fs.readFile(target);
    if (command === 'exportWord') assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a zip');
    else assert.match(new TextDecoder().decode(bytes), /^<article class="gov-annual-report">[\s\S]*<table/);
    // opened as a published report: its text is the report's, its tables read back whole
    const opened = publishedOpened(name);
    await vscode.commands.executeCommand('govReport.openPublished', target);
    const back = await opened;
    const text = back.getText();
    assert.ok(text.includes('同心县 2022 年政府信息公开工作年度报告') || text.includes('同心县2022年政府信息公开工作年度报告'), text.slice(0, 200));
    assert.ok(text.includes('六、其他需要报告的事项'));
    assert.ok(/结果维持\t结果纠正/.test(text), 'table 四 laid out as cells');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(target);
  }
});

test('prose from the tables: the 依申请公开 action inserts the paragraph, and the checker accepts it', async () => {
  const doc = await openReport('wuwei-2023.txt');
  await vscode.window.showTextDocument(doc);
  const before = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row'), 'the T3-row error of wuwei-2023');
  const t3row = before.find((x) => codeOf(x) === 'T3-row')!.range.start.line;
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('(二)依申请公开方面'));
  assert.ok(line > 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(line, 0, line, 0), vscode.CodeActionKind.RefactorRewrite.value)) ?? [];
  const action = actions.find((a) => /^根据表三、表四|from tables 三 and 四/.test(a.title));
  assert.ok(action?.edit, actions.map((a) => a.title).join(' | '));
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  assert.ok(doc.getText().includes('\n2023年，武威市共收到政府信息公开申请259件，上年结转2件。已办结260件'));
  // checked again (the table's error one line lower): the same problems, none on the paragraph
  const after = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'T3-row' && x.range.start.line === t3row + 1), 'the check after the insertion');
  assert.deepEqual(after.map((d) => codeOf(d)), before.map((d) => codeOf(d)));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('与上一年度比较: the comparison view opens on a seed and its previous year, with the flagged changes and the copied paragraphs', async () => {
  // last year's report, made from the seed (years one less, a few numbers changed), opened beside it
  const previous = workspaceFile('wuzhong-2022-compare.txt');
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('wuzhong-2023.txt')));
  const before = text
    .replace(/2023/g, '2022')
    .replace(/343\t1\t0\t0\t0\t0\t344/g, '300\t0\t0\t0\t0\t0\t300')
    .replace('(一) 予以公开\t144\t1\t0\t0\t0\t0\t145', '(一) 予以公开\t0\t0\t0\t0\t0\t0\t0')
    .replace('9\t8\t3\t2\t22\t', '20\t20\t5\t5\t50\t');
  await vscode.workspace.fs.writeFile(previous, new TextEncoder().encode(before));
  try {
    await openReport('wuzhong-2022-compare.txt');
    const doc = await openReport('wuzhong-2023.txt');
    await vscode.window.showTextDocument(doc);
    type Rendered = { cells: number; flagged: string[]; paragraphs: number; previous: string };
    const drawn = vscode.commands.executeCommand<Rendered>('govReport._compareViewState', true);
    const shown = await vscode.commands.executeCommand<boolean>('govReport.compareWithPrevious', previous);
    assert.equal(shown, true);
    const state = await within(drawn, 'the comparison view to draw');
    assert.deepEqual(state.flagged, ['表三（一）·自然人', '表三（一）·总计', '表四·行政复议·总计']);
    assert.equal(state.cells, 14, 'the cells that changed');
    assert.ok(state.paragraphs >= 10, 'the paragraphs copied (all but the numbers)');
    assert.ok(state.previous.endsWith('/wuzhong-2022-compare.txt'), state.previous);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(previous);
  }
});

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, fn] of tests) {
    try {
      await fn();
      console.log(`✔ ${name}`);
    } catch (e) {
      failed++;
      console.log(`✖ ${name}\n  ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  console.log(`e2e: ${tests.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
}
