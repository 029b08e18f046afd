/**
 * Reports in the forms they are published in (PDF, Word .docx, web pages): the server reads them into
 * report text (govReport/readPublished), which is shown as a read-only report document beside the file
 * — checked like any report, with its problems and its table view. A command opens that text as a new
 * document to edit and save as .txt. Opening a .docx or .pdf in the editor does this by itself (a
 * custom editor whose page only says what happened: no script runs in it).
 */
import * as vscode from 'vscode';
import type { PublishedRequest, PublishedText } from '../../server/src/lsp/protocol';
import { clientLang, t } from './language';

export { PUBLISHED_SCHEME } from '../../server/src/lsp/protocol';
import { PUBLISHED_SCHEME, toBase64 } from '../../server/src/lsp/protocol';
/** The files read as published reports (a .doc or .wps gets the server's message on what to do). */
export { PUBLISHED_EXTENSIONS as PUBLISHED_FILES } from '../../server/src/read/sniff';
/** What a file may weigh (the server's bound): larger ones are refused before they are sent. */
const MAX_BYTES = 60 * 1024 * 1024;

/** What this needs of the language server. */
export interface PublishedServer {
  readPublished(params: PublishedRequest): Promise<PublishedText>;
  canonicalText(uri: string): Promise<string | null>;
}

function baseName(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));
}

export class PublishedReports implements vscode.TextDocumentContentProvider, vscode.CustomReadonlyEditorProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly server: PublishedServer,
    private readonly languageId: string,
  ) {}

  /** The read-only report document of a published file: its path with .txt added, the file's URI as the query. */
  static textUri(file: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: PUBLISHED_SCHEME, path: file.path + '.txt', query: file.toString() });
  }

  /** Reads a file through the server: its report text, or the message why it cannot be read. */
  async read(file: vscode.Uri): Promise<PublishedText> {
    const bytes = await vscode.workspace.fs.readFile(file);
    if (bytes.length > MAX_BYTES) {
      return { ok: false, message: t('fileTooLarge', Math.round(bytes.length / 1048576)) };
    }
    return this.server.readPublished({ name: baseName(file), data: toBase64(bytes) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const answer = await this.read(vscode.Uri.parse(uri.query));
    return answer.ok ? answer.text : '';
  }

  /**
   * Opens a published file's report text beside it (or in the active column), checked as a report.
   * Returns the document, or undefined when the file cannot be read (the message shown).
   */
  async open(file: vscode.Uri, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<vscode.TextDocument | undefined> {
    const answer = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: t('reading', baseName(file)) },
      () => this.read(file),
    );
    if (!answer.ok) {
      void vscode.window.showErrorMessage(`${baseName(file)}：${answer.message}`);
      return undefined;
    }
    const uri = PublishedReports.textUri(file);
    this.texts.set(uri.toString(), answer.text);
    this.changed.fire(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== this.languageId) doc = await vscode.languages.setTextDocumentLanguage(doc, this.languageId);
    await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
    return doc;
  }

  /** A new document holding the report text of the active published report (or of a file), to edit and save. */
  async openAsText(file?: vscode.Uri): Promise<void> {
    let text: string | undefined;
    const active = vscode.window.activeTextEditor?.document;
    if (file && file.scheme !== PUBLISHED_SCHEME) {
      const answer = await this.read(file);
      if (!answer.ok) {
        void vscode.window.showErrorMessage(`${baseName(file)}：${answer.message}`);
        return;
      }
      text = answer.text;
    } else {
      const doc = file ? await vscode.workspace.openTextDocument(file) : active;
      // the tables in the national layout, tab-separated, where every cell was read
      if (doc?.uri.scheme === PUBLISHED_SCHEME) text = (await this.server.canonicalText(doc.uri.toString()).catch(() => null)) ?? doc.getText();
    }
    if (text === undefined) {
      void vscode.window.showInformationMessage(t('openPublishedFirst'));
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: this.languageId, content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  // ---- the custom editor for .docx and .pdf -----------------------------------------------------

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = escapeHtml(baseName(document.uri));
    const arg = encodeURIComponent(JSON.stringify([document.uri.toString()]));
    // no script: the page says what happened; its links run the extension's commands
    panel.webview.options = { enableScripts: false, enableCommandUris: ['govReport.openPublished', 'govReport.openPublishedAsText'] };
    const page = (body: string) =>
      `<!DOCTYPE html><html lang="${clientLang() === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><style>body{font-family:var(--vscode-font-family);padding:1.5em;line-height:1.6}a{color:var(--vscode-textLink-foreground)}</style></head><body>${body}</body></html>`;
    panel.webview.html = page(`<h2>${name}</h2><p>${t('publishedReading')}</p>`);
    const doc = await this.open(document.uri, vscode.ViewColumn.Beside);
    panel.webview.html = page(
      doc
        ? `<h2>${name}</h2><p>${t('publishedRead')}</p>` +
            `<p><a href="command:govReport.openPublished?${arg}">${t('publishedOpenAgain')}</a> · <a href="command:govReport.openPublishedAsText?${arg}">${t('publishedOpenAsText')}</a></p>`
        : `<h2>${name}</h2><p>${t('publishedFailed')}</p>`,
    );
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
