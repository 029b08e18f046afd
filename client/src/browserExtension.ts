/**
 * The extension in the web worker extension host (VS Code for the Web, vscode.dev): the
 * server runs in a web worker of its own; where the host cannot create one (extensions
 * installed on a remote, as in code-server's web worker host), it runs in this worker,
 * over a MessageChannel — the same server, the same messages.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../../server/src/lsp/core';
import { browserHost } from '../../server/src/lsp/browserHost';
import { activateWith } from './activate';
import { Connection } from './lsp/rpc';
import { WorkerLike, startWorkerServer } from './lsp/workerTransport';

export { deactivate } from './activate';

declare const Worker: new (url: string) => WorkerLike;

interface Port {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  start(): void;
  close(): void;
}
declare const MessageChannel: new () => { port1: Port; port2: Port };

/** The server in this very worker, talking over a MessageChannel. */
function startInProcess(log: (text: string) => void): Connection {
  const channel = new MessageChannel();
  const serverSide = channel.port1 as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
  startServer(createConnection(new BrowserMessageReader(serverSide), new BrowserMessageWriter(serverSide)), browserHost());
  log('the language server runs in the extension host (no web worker could be created here)\n');
  const port = channel.port2;
  const listeners: ((m: unknown) => void)[] = [];
  const closeListeners: ((code: number | null, signal: string | null) => void)[] = [];
  port.onmessage = (event) => {
    for (const l of listeners) l(event.data);
  };
  port.start();
  return new Connection({
    send: (message) => port.postMessage(message),
    onMessage: (l) => listeners.push(l),
    onClose: (l) => closeListeners.push(l),
    kill: () => {
      port.close();
      for (const l of closeListeners) l(null, 'closed');
    },
    endAfterExit: true,
  });
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const url = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js').toString(true);
  return activateWith(context, (log) => {
    try {
      return startWorkerServer(new Worker(url));
    } catch (e) {
      log(`no web worker for the language server (${e instanceof Error ? e.message : String(e)})\n`);
      return startInProcess(log);
    }
  });
}
