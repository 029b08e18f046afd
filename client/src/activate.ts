/**
 * The extension, wherever it runs: gives plain-text and Markdown reports the report
 * language, registers the commands and the status item, and starts the language
 * server through the connection its entry point provides (a Node process in
 * `extension.ts`, a web worker in `browserExtension.ts`).
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, createLanguageDetector } from './languageDetector';
import { ReportClient } from './lsp/client';
import type { Connection } from './lsp/rpc';
import type { CheckStatus, SumAnswer, WorkspaceCheck } from '../../server/src/lsp/protocol';
import { PUBLISHED_FILES, PUBLISHED_SCHEME, PublishedReports } from './published';
import { ReportStatus } from './status';
import { TableView } from './tableView';
import { SnippetDef, reportTemplate } from './template';

/** Chinese unless govReport.messageLanguage or VS Code's display language says otherwise. */
const zh = () => {
  const chosen = vscode.workspace.getConfiguration('govReport').get<string>('messageLanguage', 'auto');
  return chosen === 'zh' ? true : chosen === 'en' ? false : vscode.env.language.toLowerCase().startsWith('zh');
};

let extensionUri: vscode.Uri | undefined;

async function newReport(): Promise<void> {
  const agency = await vscode.window.showInputBox({
    title: zh() ? '新建政府信息公开年报' : 'New annual report',
    prompt: zh() ? '机关名称（如：某某县人民政府）' : 'Name of the agency (e.g. 某某县人民政府)',
    validateInput: (v) => (v.trim() ? undefined : zh() ? '请填写机关名称' : 'The agency is required'),
  });
  if (agency === undefined) return;
  const year = await vscode.window.showInputBox({
    title: zh() ? '新建政府信息公开年报' : 'New annual report',
    prompt: zh() ? '报告年度' : 'Year reported on',
    value: String(new Date().getFullYear() - 1),
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : zh() ? '请输入四位数年份' : 'Four digits'),
  });
  if (year === undefined) return;
  const file = vscode.Uri.joinPath(extensionUri!, 'snippets', 'gov-annual-report.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, SnippetDef>;
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(reportTemplate(snippets, agency.trim(), Number(year.trim()))));
}


async function checkWorkspace(): Promise<void> {
  if (!client) return;
  const r = await client.sendRequest<WorkspaceCheck>('govReport/checkWorkspace');
  const message = zh()
    ? `${r.cancelled ? '已取消。' : ''}检查了 ${r.files} 份年报：${r.errors} 个错误，${r.warnings} 个警告${r.unreadable.length ? `；${r.unreadable.length} 个文件无法读取` : ''}。`
    : `${r.cancelled ? 'Cancelled. ' : ''}${r.files} reports checked: ${r.errors} errors, ${r.warnings} warnings${r.unreadable.length ? `; ${r.unreadable.length} files unreadable` : ''}.`;
  const open = zh() ? '打开问题面板' : 'Show Problems';
  if ((await vscode.window.showInformationMessage(message, open)) === open) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Applies every safe fix of the active report (the server's source.fixAll.govReport action). */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
  const doc = editor.document;
  const kind = vscode.CodeActionKind.SourceFixAll.append('govReport');
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), kind.value)) ?? [];
  const action = actions.find((a) => a.kind?.value === kind.value && a.edit);
  if (action?.edit) await vscode.workspace.applyEdit(action.edit);
  else void vscode.window.showInformationMessage(zh() ? '没有可以安全自动修复的问题。' : 'Nothing to fix safely.');
}

/** Turns a rule off in the workspace settings (govReport.rules), keeping the other rule settings. */
async function disableRule(rule: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('govReport');
  const rules = { ...(config.get<Record<string, string>>('rules') ?? {}), [rule]: 'off' };
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('rules', rules, target);
}

async function insertMissingSection(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
  const doc = editor.document;
  const range = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const inserts = actions.filter((a) => a.edit && a.diagnostics?.some((d) => codeOf(d) === 'section-missing'));
  if (inserts.length === 0) {
    void vscode.window.showInformationMessage(zh() ? '六个部分齐全，没有缺失的部分。' : 'All six sections are there.');
    return;
  }
  const pick = await vscode.window.showQuickPick(
    inserts.map((a) => ({ label: a.title, action: a })),
    { title: zh() ? '插入缺失的部分' : 'Insert a missing section' },
  );
  if (pick?.action.edit) await vscode.workspace.applyEdit(pick.action.edit);
}

let client: ReportClient | undefined;

/** The active report, or a message saying one is needed. */
function activeReport(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.languageId === LANGUAGE_ID) return doc;
  void vscode.window.showInformationMessage(zh() ? '请先打开一份政府信息公开年报。' : 'Open an annual report first.');
  return undefined;
}

/** Exports the active report's tables to a CSV or JSON file (the CLI's --tables). */
async function exportTablesCommand(): Promise<void> {
  const doc = activeReport();
  if (!doc || !client) return;
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: zh() ? '每个单元格一行，可用 Excel 打开' : 'one line per cell, opens in Excel', format: 'csv' },
      { label: 'JSON', description: zh() ? '与命令行 --tables 相同' : 'as the CLI’s --tables', format: 'json' },
    ],
    { title: zh() ? '导出统计表' : 'Export the tables' },
  );
  if (!pick) return;
  const content = await client.sendRequest<string | null>('govReport/exportTables', { uri: doc.uri.toString(), format: pick.format });
  if (content === null) return;
  const base = doc.uri.path.replace(/\.[^./]*$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: doc.uri.with({ path: `${base}.tables.${pick.format}` }),
    filters: pick.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(zh() ? `统计表已导出到 ${target.path.slice(target.path.lastIndexOf('/') + 1)}。` : `Tables exported to ${target.path.slice(target.path.lastIndexOf('/') + 1)}.`);
}


/** 汇总: the sum of the chosen reports written into the active report (no tables yet), or compared with its tables. */
async function sumReports(): Promise<void> {
  const doc = activeReport();
  if (!doc || !client) return;
  const reports = (await client.sendRequest<{ uri: string; agency?: string; year?: number }[]>('govReport/listReports')).filter((r) => r.uri !== doc.uri.toString());
  if (reports.length === 0) {
    void vscode.window.showInformationMessage(zh() ? '工作区中没有其他年报可以汇总。' : 'No other reports in the workspace to sum.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    reports.map((r) => ({ label: decodeURIComponent(r.uri.slice(r.uri.lastIndexOf('/') + 1)), description: [r.agency, r.year].filter((x) => x !== undefined).join(' '), uri: r.uri })),
    { canPickMany: true, title: zh() ? '选择要汇总的年报' : 'Reports to sum' },
  );
  if (!picked || picked.length === 0) return;
  const answer = await client.sendRequest<SumAnswer>('govReport/sum', { uri: doc.uri.toString(), uris: picked.map((p) => p.uri) });
  const r = answer.result;
  const notes = [
    ...r.excluded.map((e) => (zh() ? `未计入 ${e.file}：${e.reason.zh}` : `Left out ${e.file}: ${e.reason.en}`)),
    ...r.partial.map((p) => (zh() ? `${p.file} 有 ${p.unreadable.length} 处无法读取，计为 0` : `${p.file}: ${p.unreadable.length} unreadable places counted as 0`)),
    ...answer.unreadable.map((f) => (zh() ? `无法读取 ${f}` : `Could not read ${f}`)),
  ];
  const head = zh() ? `汇总了 ${r.included.length} 份 ${r.year ?? ''} 年的报告。` : `${r.included.length} reports of ${r.year ?? '?'} summed.`;
  if (answer.edit) {
    const edit = new vscode.WorkspaceEdit();
    for (const [uri, edits] of Object.entries(answer.edit.changes)) {
      for (const e of edits) edit.replace(vscode.Uri.parse(uri), new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    await vscode.workspace.applyEdit(edit);
    void vscode.window.showInformationMessage([head + (zh() ? '汇总表已写入本报告。' : 'The summed tables were written into this report.'), ...notes].join(' '));
    return;
  }
  const differences = answer.differences ?? [];
  if (differences.length === 0) {
    void vscode.window.showInformationMessage([head + (zh() ? '本报告各表与汇总数一致。' : 'This report’s tables equal the sum.'), ...notes].join(' '));
    return;
  }
  const choice = await vscode.window.showQuickPick(
    differences.map((d) => ({
      label: d.name,
      description: zh() ? `本报告 ${d.mine ?? '（无数字）'}，汇总 ${d.sum}` : `this report ${d.mine ?? '(no number)'}, sum ${d.sum}`,
      d,
    })),
    { title: [head + (zh() ? `${differences.length} 格与汇总数不同` : `${differences.length} cells differ from the sum`), ...notes].join(' ') },
  );
  if (!choice) return;
  const range = new vscode.Range(choice.d.range.start.line, choice.d.range.start.character, choice.d.range.end.line, choice.d.range.end.character);
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Activates the extension; `connect` starts the server where this extension host can run it. */
export async function activateWith(context: vscode.ExtensionContext, connect: (log: (text: string) => void) => Connection): Promise<void> {
  extensionUri = context.extensionUri;
  const detect = createLanguageDetector<vscode.TextDocument>({
    detectByContent: (doc) => vscode.workspace.getConfiguration('govReport', doc.uri).get<boolean>('detectByContent', true),
    setLanguage: (doc, id) => vscode.languages.setTextDocumentLanguage(doc, id),
  });
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(detect),
    vscode.commands.registerCommand('govReport.newReport', newReport),
    vscode.commands.registerCommand('govReport.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('govReport.insertMissingSection', insertMissingSection),
    vscode.commands.registerCommand('govReport.disableRule', disableRule),
    vscode.commands.registerCommand('govReport.fixAll', fixAll),
  );
  for (const doc of vscode.workspace.textDocuments) detect(doc);

  const status = new ReportStatus(LANGUAGE_ID, zh());
  const tables = new TableView(LANGUAGE_ID, zh(), (uri) => (client ? client.sendRequest('govReport/tables', { uri }) : Promise.resolve(null)));
  context.subscriptions.push(
    status,
    tables,
    vscode.commands.registerCommand('govReport.showTables', () => tables.show()),
    // for the extension-host tests: what the table view has drawn (fresh: after its next drawing)
    vscode.commands.registerCommand('govReport._tableViewState', (fresh?: boolean) => tables.state(fresh === true)),
    vscode.commands.registerCommand('govReport.exportTables', exportTablesCommand),
    vscode.commands.registerCommand('govReport.sumReports', sumReports),
  );
  const published = new PublishedReports(
    <R>(method: string, params: unknown) => (client ? client.sendRequest<R>(method, params) : Promise.reject(new Error('the language server is not running'))),
    zh,
    LANGUAGE_ID,
  );
  const fileArg = (arg: unknown): vscode.Uri | undefined => (arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PUBLISHED_SCHEME, published),
    vscode.window.registerCustomEditorProvider('govReport.published', published, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('govReport.openPublished', async (arg?: unknown) => {
      let file = fileArg(arg);
      if (!file) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          title: zh() ? '选择 PDF、Word 或网页年报' : 'Choose a PDF, Word or web page report',
          filters: { [zh() ? '年报' : 'Reports']: ['pdf', 'docx', 'html', 'htm', 'doc', 'wps'] },
        });
        file = picked?.[0];
      }
      if (file && PUBLISHED_FILES.test(file.path)) await published.open(file);
      else if (file) await vscode.window.showTextDocument(file);
    }),
    vscode.commands.registerCommand('govReport.openPublishedAsText', (arg?: unknown) => published.openAsText(fileArg(arg))),
  );
  client = new ReportClient({
    connect,
    languageId: LANGUAGE_ID,
    name: zh() ? '政府信息公开年报' : 'Gov Annual Report',
    section: 'govReport',
    // the team's settings, and reports (last year's report of an open one may change on disk)
    watch: [vscode.workspace.createFileSystemWatcher('**/.govreportrc.json'), vscode.workspace.createFileSystemWatcher('**/*.{txt,md}')],
    notifications: { 'govReport/status': (p) => status.update(p as CheckStatus) },
  });
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
