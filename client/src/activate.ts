/**
 * The extension, wherever it runs: gives plain-text and Markdown reports the report language,
 * registers the commands and the status items, and starts the language server through
 * `vscode-languageclient` — the client its entry point makes (a Node process in `extension.ts`,
 * a web worker in `browserExtension.ts`).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { LANGUAGE_ID, createLanguageDetector } from './languageDetector';
import {
  CanonicalTextRequest,
  CheckWorkspaceRequest,
  CompareRequest,
  ExportReportRequest,
  ExportTablesRequest,
  ListReportsRequest,
  ReadPublishedRequest,
  StatusNotification,
  SumRequest,
  TablesRequest,
  IGNORE_COMMAND,
  fromBase64,
} from '../../server/src/lsp/protocol';
import { PUBLISHED_FILES, PUBLISHED_SCHEME, PublishedReports } from './published';
import { ReportStatus } from './status';
import { TableView } from './tableView';
import { CompareView } from './compareView';
import { SnippetDef, reportTemplate } from './template';
import { clientLang, t } from './language';

let extensionUri: vscode.Uri | undefined;
let client: BaseLanguageClient | undefined;

async function newReport(): Promise<void> {
  const agency = await vscode.window.showInputBox({
    title: t('newReportTitle'),
    prompt: t('agencyPrompt'),
    validateInput: (v) => (v.trim() ? undefined : t('agencyRequired')),
  });
  if (agency === undefined) return;
  const year = await vscode.window.showInputBox({
    title: t('newReportTitle'),
    prompt: t('yearPrompt'),
    value: String(new Date().getFullYear() - 1),
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : t('yearFourDigits')),
  });
  if (year === undefined) return;
  const file = vscode.Uri.joinPath(extensionUri!, 'snippets', 'gov-annual-report.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, SnippetDef>;
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(reportTemplate(snippets, agency.trim(), Number(year.trim()))));
}

/** The running client, or a message saying the server is not running. */
function running(): BaseLanguageClient | undefined {
  if (client?.isRunning()) return client;
  void vscode.window.showErrorMessage(t('serverNotRunning'));
  return undefined;
}

async function checkWorkspace(): Promise<void> {
  const c = running();
  if (!c) return;
  const r = await c.sendRequest(CheckWorkspaceRequest);
  const message = t('workspaceChecked', { cancelled: r.cancelled, files: r.files, errors: r.errors, warnings: r.warnings, unreadable: r.unreadable.length });
  const open = t('showProblems');
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
  else void vscode.window.showInformationMessage(t('nothingToFix'));
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
    void vscode.window.showInformationMessage(t('allSectionsThere'));
    return;
  }
  const pick = await vscode.window.showQuickPick(
    inserts.map((a) => ({ label: a.title, action: a })),
    { title: t('insertSectionTitle') },
  );
  if (pick?.action.edit) await vscode.workspace.applyEdit(pick.action.edit);
}

/** The active report, or a message saying one is needed. */
function activeReport(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.languageId === LANGUAGE_ID) return doc;
  void vscode.window.showInformationMessage(t('openReportFirst'));
  return undefined;
}

/** Exports the active report's tables to a CSV or JSON file (the CLI's --tables). */
async function exportTablesCommand(): Promise<void> {
  const doc = activeReport();
  const c = doc && running();
  if (!doc || !c) return;
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'CSV', description: t('exportCsv'), format: 'csv' as const },
      { label: 'JSON', description: t('exportJson'), format: 'json' as const },
    ],
    { title: t('exportTitle') },
  );
  if (!pick) return;
  const content = await c.sendRequest(ExportTablesRequest, { uri: doc.uri.toString(), format: pick.format });
  if (content === null) return;
  const base = doc.uri.path.replace(/\.[^./]*$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: doc.uri.with({ path: `${base}.tables.${pick.format}` }),
    filters: pick.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(t('exported', target.path.slice(target.path.lastIndexOf('/') + 1)));
}

/**
 * Exports the active report for publication: a Word document or a web page's fragment, beside the
 * report (same name, new extension) unless `target` says where. While its tables have errors it asks
 * first (`force` skips the question). Never writes over the report itself. Returns where it wrote.
 */
async function exportReport(format: 'docx' | 'html', target?: unknown, options?: { force?: boolean }): Promise<vscode.Uri | undefined> {
  const doc = activeReport();
  const c = doc && running();
  if (!doc || !c) return undefined;
  let answer = await c.sendRequest(ExportReportRequest, { uri: doc.uri.toString(), format, force: options?.force === true });
  if (answer && !answer.ok && 'blockers' in answer) {
    const list = answer.blockers.slice(0, 5).map((b) => `• ${b.message}`).join('\n') + (answer.blockers.length > 5 ? '\n…' : '');
    const pick = await vscode.window.showWarningMessage(t('exportBlocked', answer.blockers.length, list), { modal: true }, t('exportAnyway'), t('showErrors'));
    if (pick === t('showErrors')) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (pick !== t('exportAnyway')) return undefined;
    answer = await c.sendRequest(ExportReportRequest, { uri: doc.uri.toString(), format, force: true });
  }
  if (!answer) return undefined;
  if (!answer.ok) {
    if ('unavailable' in answer) void vscode.window.showErrorMessage(answer.unavailable);
    return undefined;
  }
  const bytes = answer.base64 !== undefined ? fromBase64(answer.base64) : new TextEncoder().encode(answer.text ?? '');
  // the file the report is (a published .docx opened as a report) is never written over
  const source = doc.uri.scheme === PUBLISHED_SCHEME ? vscode.Uri.parse(doc.uri.query) : doc.uri;
  const base = source.path.replace(/\.[^./]*$/, '');
  const beside = source.scheme === 'untitled' ? undefined : source.with({ path: `${base}.${format}`, query: '', fragment: '' });
  const saveAs = () =>
    vscode.window.showSaveDialog({
      defaultUri: beside,
      filters: format === 'docx' ? { Word: ['docx'] } : { HTML: ['html', 'htm'] },
    });
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    if (!beside || beside.toString() === source.toString()) uri = await saveAs();
    else {
      let exists = true;
      try {
        await vscode.workspace.fs.stat(beside);
      } catch {
        exists = false;
      }
      uri = beside;
      if (exists) {
        const pick = await vscode.window.showWarningMessage(t('exportOverwrite', base.slice(base.lastIndexOf('/') + 1) + '.' + format), { modal: true }, t('replace'), t('saveAs'));
        if (pick === t('saveAs')) uri = await saveAs();
        else if (pick !== t('replace')) return undefined;
      }
    }
  }
  if (!uri) return undefined;
  if (uri.toString() === source.toString()) return undefined;
  await vscode.workspace.fs.writeFile(uri, bytes);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (target === undefined) {
    void vscode.window.showInformationMessage(t('reportExported', name), t('openExported'), ...(uri.scheme === 'file' ? [t('revealExported')] : [])).then((pick) => {
      if (pick === t('openExported')) void vscode.env.openExternal(uri);
      else if (pick === t('revealExported')) void vscode.commands.executeCommand('revealFileInOS', uri);
    });
  }
  return uri;
}

/**
 * 与上一年度比较: the active report beside the same agency's report of the year before (the one the
 * server finds, or the one given); when none is found, the user picks one of the workspace's reports.
 */
async function compareWithPrevious(view: CompareView, previous?: vscode.Uri): Promise<boolean> {
  const doc = activeReport();
  const c = doc && running();
  if (!doc || !c) return false;
  let shown = await view.show(doc, previous?.toString());
  if (shown === true) return true;
  const reports = (await c.sendRequest(ListReportsRequest)).filter((r) => r.uri !== doc.uri.toString());
  const pick = await vscode.window.showWarningMessage(shown, ...(reports.length > 0 ? [t('comparePick')] : []));
  if (pick !== t('comparePick')) return false;
  const chosen = await vscode.window.showQuickPick(
    reports.map((r) => ({ label: decodeURIComponent(r.uri.slice(r.uri.lastIndexOf('/') + 1)), description: [r.agency, r.year].filter((x) => x !== undefined).join(' '), uri: r.uri })),
    { title: t('comparePick') },
  );
  if (!chosen) return false;
  shown = await view.show(doc, chosen.uri);
  if (shown !== true) void vscode.window.showWarningMessage(shown);
  return shown === true;
}

/** 汇总: the sum of the chosen reports written into the active report (no tables yet), or compared with its tables. */
async function sumReports(): Promise<void> {
  const doc = activeReport();
  const c = doc && running();
  if (!doc || !c) return;
  const reports = (await c.sendRequest(ListReportsRequest)).filter((r) => r.uri !== doc.uri.toString());
  if (reports.length === 0) {
    void vscode.window.showInformationMessage(t('nothingToSum'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    reports.map((r) => ({ label: decodeURIComponent(r.uri.slice(r.uri.lastIndexOf('/') + 1)), description: [r.agency, r.year].filter((x) => x !== undefined).join(' '), uri: r.uri })),
    { canPickMany: true, title: t('sumPick') },
  );
  if (!picked || picked.length === 0) return;
  const answer = await c.sendRequest(SumRequest, { uri: doc.uri.toString(), uris: picked.map((p) => p.uri) });
  const r = answer.result;
  const zh = clientLang() === 'zh';
  const notes = [
    ...r.excluded.map((e) => t('sumLeftOut', e.file, zh ? e.reason.zh : e.reason.en)),
    ...r.partial.map((p) => t('sumPartial', p.file, p.unreadable.length)),
    ...answer.unreadable.map((f) => t('sumUnreadable', f)),
  ];
  const head = t('sumHead', r.included.length, r.year);
  if (answer.edit) {
    const edit = new vscode.WorkspaceEdit();
    for (const [uri, edits] of Object.entries(answer.edit.changes)) {
      for (const e of edits) edit.replace(vscode.Uri.parse(uri), new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    await vscode.workspace.applyEdit(edit);
    void vscode.window.showInformationMessage([head + t('sumWritten'), ...notes].join(' '));
    return;
  }
  const differences = answer.differences ?? [];
  if (differences.length === 0) {
    void vscode.window.showInformationMessage([head + t('sumEqual'), ...notes].join(' '));
    return;
  }
  const choice = await vscode.window.showQuickPick(
    differences.map((d) => ({ label: d.name, description: t('sumCell', d.mine, d.sum), d })),
    { title: [head + t('sumDiffers', differences.length), ...notes].join(' ') },
  );
  if (!choice) return;
  const range = new vscode.Range(choice.d.range.start.line, choice.d.range.start.character, choice.d.range.end.line, choice.d.range.end.character);
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** How the language client is set up, wherever the server runs. */
function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    // the team's settings, and reports (last year's report of an open one may change on disk);
    // settings are pulled by the server (workspace/configuration), told of changes by its registration
    synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/.govreportrc.json'), vscode.workspace.createFileSystemWatcher('**/*.{txt,md}')] },
    diagnosticCollectionName: 'govReport',
    middleware: {
      // "ignore this problem here": say where it was recorded
      executeCommand: async (command, args, next) => {
        const result = (await next(command, args)) as { file?: string } | null | undefined;
        if (command === IGNORE_COMMAND && result?.file) void vscode.window.setStatusBarMessage(t('ignoredRecorded', result.file.slice(result.file.lastIndexOf('/') + 1)), 5000);
        return result;
      },
    },
  };
}

/**
 * Activates the extension; `makeClient` makes the language client for this extension host (its id is
 * `govReport`, so that `govReport.trace.server` traces it).
 */
export async function activateWith(context: vscode.ExtensionContext, makeClient: (name: string, options: LanguageClientOptions) => BaseLanguageClient): Promise<void> {
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

  const status = new ReportStatus(LANGUAGE_ID);
  const compare = new CompareView(async (uri, previousUri) => {
    if (!client?.isRunning()) return null;
    const answer = await client.sendRequest(CompareRequest, previousUri ? { uri, previousUri } : { uri });
    return answer === null ? null : answer.ok ? answer.comparison : answer.message;
  });
  const tables = new TableView(LANGUAGE_ID, (uri) => (client?.isRunning() ? client.sendRequest(TablesRequest, { uri }) : Promise.resolve(null)));
  context.subscriptions.push(
    status,
    tables,
    vscode.commands.registerCommand('govReport.showTables', () => tables.show()),
    // for the extension-host tests: what the table view has drawn (fresh: after its next drawing)
    vscode.commands.registerCommand('govReport._tableViewState', (fresh?: boolean) => tables.state(fresh === true)),
    compare,
    vscode.commands.registerCommand('govReport.compareWithPrevious', (previous?: unknown) => compareWithPrevious(compare, previous instanceof vscode.Uri ? previous : undefined)),
    vscode.commands.registerCommand('govReport._compareViewState', (fresh?: boolean) => compare.state(fresh === true)),
    vscode.commands.registerCommand('govReport.exportTables', exportTablesCommand),
    vscode.commands.registerCommand('govReport.exportWord', (target?: unknown, options?: { force?: boolean }) => exportReport('docx', target, options)),
    vscode.commands.registerCommand('govReport.exportHtml', (target?: unknown, options?: { force?: boolean }) => exportReport('html', target, options)),
    vscode.commands.registerCommand('govReport.sumReports', sumReports),
  );
  const notRunning = () => Promise.reject(new Error(t('serverNotRunning')));
  const published = new PublishedReports(
    {
      readPublished: (params) => (client ? client.sendRequest(ReadPublishedRequest, params) : notRunning()),
      canonicalText: (uri) => (client ? client.sendRequest(CanonicalTextRequest, { uri }) : notRunning()),
    },
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
          title: t('choosePublished'),
          filters: { [t('reportsFilter')]: ['pdf', 'docx', 'html', 'htm', 'doc', 'wps'] },
        });
        file = picked?.[0];
      }
      if (file && PUBLISHED_FILES.test(file.path)) await published.open(file);
      else if (file) await vscode.window.showTextDocument(file);
    }),
    vscode.commands.registerCommand('govReport.openPublishedAsText', (arg?: unknown) => published.openAsText(fileArg(arg))),
  );
  client = makeClient(t('clientName'), clientOptions());
  context.subscriptions.push(client.onNotification(StatusNotification, (p) => status.update(p)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
