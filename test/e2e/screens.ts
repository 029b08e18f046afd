/**
 * Extension-host steps for the README's pictures: each step puts the editor in
 * a state, logs "SHOT <name>", and waits until the runner has taken the
 * screenshot (it writes an acknowledgement file into the workspace).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const LIMIT_MS = 60_000;

function folder(): string {
  return vscode.workspace.workspaceFolders![0]!.uri.fsPath;
}

async function shot(name: string): Promise<void> {
  // the runner acknowledges each picture in a folder beside the workspace (not in it, so the Explorer stays clean)
  const ack = path.join(folder(), '..', 'acks', name);
  console.log(`SHOT ${name}`);
  const until = Date.now() + LIMIT_MS;
  while (!fs.existsSync(ack)) {
    if (Date.now() > until) throw new Error(`no screenshot of ${name}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForDiagnostics(uri: vscode.Uri): Promise<void> {
  if (vscode.languages.getDiagnostics(uri).length > 0) return;
  await new Promise<void>((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        sub.dispose();
        resolve();
      }
    });
  });
}

async function openAt(file: string, needle: string, after = 0): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(folder(), file));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const line = doc.getText().split('\n').findIndex((l) => l.includes(needle));
  const character = after >= 0 ? doc.lineAt(line).text.lastIndexOf(needle) + after : 0;
  editor.selection = new vscode.Selection(line, character, line, character);
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  return editor;
}

export async function run(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // 1. a report with its problems: squiggles in the editor and the Problems panel
  const editor = await openAt('wuwei-2023.txt', '1.申请人无正当理由逾期');
  await waitForDiagnostics(editor.document.uri);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await shot('problems');
  await vscode.commands.executeCommand('workbench.action.closePanel');

  // 2. the hover on a total that does not add up
  const line = editor.document.getText().split('\n').findIndex((l) => l.includes('1.申请人无正当理由逾期'));
  const character = editor.document.lineAt(line).text.lastIndexOf('3');
  editor.selection = new vscode.Selection(line, character, line, character);
  await vscode.commands.executeCommand('editor.action.showHover');
  await shot('hover');

  // 3. the completion list of standard clauses in section 六
  const doc = await vscode.workspace.openTextDocument({
    language: 'gov-annual-report',
    content: '某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n……\n\n六、其他需要报告的事项\n\n',
  });
  const untitled = await vscode.window.showTextDocument(doc, { preview: false });
  untitled.selection = new vscode.Selection(7, 0, 7, 0);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
  await shot('completion');
  await vscode.commands.executeCommand('hideSuggestWidget');

  // 4. the outline
  await openAt('wuzhong-2023.txt', '三、收到和处理政府信息公开申请情况', -1);
  await vscode.commands.executeCommand('outline.focus');
  await vscode.commands.executeCommand('outline.expand').then(undefined, () => undefined);
  await shot('outline');

  // 5. the table view beside wuwei-2023, its failing cells highlighted
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await openAt('wuwei-2023.txt', '1.申请人无正当理由逾期');
  const drawn = vscode.commands.executeCommand('govReport._tableViewState', true);
  await vscode.commands.executeCommand('govReport.showTables');
  await drawn;
  await shot('tables');

  // 6. a PDF report (a real one: a row missing from table 二, totals that do not add up) read as report text, its problems
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const opened = new Promise<vscode.TextDocument>((resolve) => {
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.scheme === 'gov-report-published' && d.languageId === 'gov-annual-report') {
        sub.dispose();
        resolve(d);
      }
    });
  });
  await vscode.commands.executeCommand('govReport.openPublished', vscode.Uri.file(path.join(folder(), 'pingtan-haitan-pianqu-2025.pdf')));
  const pdfText = await opened;
  await waitForDiagnostics(pdfText.uri);
  const pdfEditor = await vscode.window.showTextDocument(pdfText, { preview: false });
  const first = vscode.languages.getDiagnostics(pdfText.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).sort((a, b) => a.range.start.line - b.range.start.line)[0];
  if (first) {
    pdfEditor.selection = new vscode.Selection(first.range.start, first.range.start);
    pdfEditor.revealRange(first.range, vscode.TextEditorRevealType.InCenter);
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await shot('pdf');
  await vscode.commands.executeCommand('workbench.action.closePanel');

  // 7. the 依申请公开 paragraph written from tables 三 and 四 (the action applied, the paragraph selected)
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const wuwei = await openAt('wuwei-2023.txt', '(二)依申请公开方面', -1);
  const at = wuwei.selection.active;
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', wuwei.document.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value)) ?? [];
  const prose = actions.find((a) => /^根据表三、表四|from tables 三 and 四/.test(a.title));
  if (prose?.edit) {
    await vscode.workspace.applyEdit(prose.edit);
    const lines = wuwei.document.getText().split('\n');
    const inserted = lines.findIndex((l) => l.startsWith('2023年，武威市共收到政府信息公开申请'));
    wuwei.selection = new vscode.Selection(inserted, 0, inserted, lines[inserted]!.length);
    wuwei.revealRange(new vscode.Range(inserted, 0, inserted, 0), vscode.TextEditorRevealType.InCenter);
  }
  // the paragraph whole: wrapped for this picture
  const wrap = vscode.workspace.getConfiguration('editor', { languageId: 'gov-annual-report' });
  await wrap.update('wordWrap', 'on', vscode.ConfigurationTarget.Global, true);
  await new Promise((r) => setTimeout(r, 300));
  await shot('prose');
  await wrap.update('wordWrap', 'off', vscode.ConfigurationTarget.Global, true);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

  // 8. the comparison with last year's report (made from wuzhong-2023: its years one less, a few numbers changed)
  const previous = path.join(folder(), 'wuzhong-2022.txt');
  fs.writeFileSync(
    previous,
    fs
      .readFileSync(path.join(folder(), 'wuzhong-2023.txt'), 'utf8')
      .replace(/2023/g, '2022')
      .replace(/343\t1\t0\t0\t0\t0\t344/g, '300\t0\t0\t0\t0\t0\t300')
      .replace('(一) 予以公开\t144\t1\t0\t0\t0\t0\t145', '(一) 予以公开\t0\t0\t0\t0\t0\t0\t0')
      .replace('9\t8\t3\t2\t22\t', '20\t20\t5\t5\t50\t'),
  );
  await openAt('wuzhong-2023.txt', '三、收到和处理政府信息公开申请情况', -1);
  const compared = vscode.commands.executeCommand('govReport._compareViewState', true);
  await vscode.commands.executeCommand('govReport.compareWithPrevious', vscode.Uri.file(previous));
  await compared;
  await shot('compare');
}
