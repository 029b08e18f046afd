/**
 * The extension: starts the language server for report documents and gives
 * plain-text and Markdown reports the report language.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { looksLikeReport } from '../../server/src/parse/detect';

export const LANGUAGE_ID = 'gov-annual-report';

let client: LanguageClient | undefined;

/** Documents this extension switched to the report language; if the user switches one back, leave it. */
const switched = new Set<string>();

function detectLanguage(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown') return;
  const key = doc.uri.toString();
  if (switched.has(key)) return;
  if (!vscode.workspace.getConfiguration('govReport', doc.uri).get<boolean>('detectByContent', true)) return;
  if (!looksLikeReport(doc.getText())) return;
  switched.add(key);
  void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detectLanguage));
  for (const doc of vscode.workspace.textDocuments) detectLanguage(doc);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'govReport' },
  };
  client = new LanguageClient('govReport', vscode.env.language.startsWith('zh') ? '政府信息公开年报' : 'Gov Annual Report', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
