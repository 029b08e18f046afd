/** The extension in Node's extension host (desktop VS Code, code-server): the server is a Node process over IPC. */
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './activate';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  // a small young generation keeps the server's memory low (many reports open); checks are short-lived work
  const execArgv = ['--max-semi-space-size=2'];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, (name, options) => new LanguageClient('govReport', name, serverOptions, options));
}
