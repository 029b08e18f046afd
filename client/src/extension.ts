/** The extension in Node's extension host (desktop VS Code, code-server): the server is a forked Node process. */
import * as vscode from 'vscode';
import { activateWith } from './activate';
import { startNodeServer } from './lsp/nodeTransport';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  // a small young generation keeps the server's memory low (many reports open); checks are short-lived work
  const execArgv = ['--max-semi-space-size=2'];
  if (context.extensionMode === vscode.ExtensionMode.Development) execArgv.push('--nolazy', '--inspect=6011');
  return activateWith(context, (log) => startNodeServer({ module: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath, execArgv, onStderr: log }));
}
