/**
 * The extension: starts the language server for report documents and gives
 * plain-text and Markdown reports the report language.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID, createLanguageDetector } from './languageDetector';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const detect = createLanguageDetector<vscode.TextDocument>({
    detectByContent: (doc) => vscode.workspace.getConfiguration('govReport', doc.uri).get<boolean>('detectByContent', true),
    setLanguage: (doc, id) => vscode.languages.setTextDocumentLanguage(doc, id),
  });
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  for (const doc of vscode.workspace.textDocuments) detect(doc);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'govReport' },
  };
  const name = vscode.env.language.startsWith('zh') ? '政府信息公开年报' : 'Gov Annual Report';
  client = new LanguageClient('govReport', name, serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
