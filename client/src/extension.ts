/**
 * The extension in Node's extension host (desktop VS Code, code-server): the server is a Node process
 * over IPC, driven by vscode-languageclient (`nodeClient.ts`, its own bundle).
 *
 * This entry is small: it forks the server first, then loads the bundle with the language client while
 * the server boots in its own process (loading vscode-languageclient costs tens of milliseconds of this
 * host's time, booting the server about as much of another core's), so activation takes the longer of
 * the two, not their sum. A server still alive after the client stopped is ended.
 */
import { ChildProcess, fork } from 'node:child_process';
import * as vscode from 'vscode';
import type * as NodeClient from './nodeClient';

let server: ChildProcess | undefined;
let loaded: typeof NodeClient | undefined;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const dist = (file: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', file).fsPath;
  // a small young generation keeps the server's memory low (many reports open); checks are short-lived work
  const execArgv = ['--max-semi-space-size=2'];
  if (context.extensionMode === vscode.ExtensionMode.Development) execArgv.push('--nolazy', '--inspect=6011');
  // the server exits by itself when this host goes (--clientProcessId)
  const start = () => (server = fork(dist('server.js'), ['--node-ipc', `--clientProcessId=${process.pid}`], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }));
  const first = start();
  // loaded while the server boots (a path, not a module name: the bundler leaves it to run time)
  loaded = require(dist('nodeClient.js')) as typeof NodeClient;
  return loaded.activateNode(context, first, start, (child) => (server = child));
}

export async function deactivate(): Promise<void> {
  await loaded?.deactivate();
  // shut down and told to exit, the server has ended; if not, it is ended here
  const child = server;
  server = undefined;
  if (child && child.exitCode === null && child.signalCode === null) child.kill();
}
