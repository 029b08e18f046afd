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
import { CheckStatus, ReportStatus } from './status';
import { SnippetDef, reportTemplate } from './template';

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');

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

interface WorkspaceCheck {
  files: number;
  errors: number;
  warnings: number;
  unreadable: string[];
  cancelled?: boolean;
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
  context.subscriptions.push(status);
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
