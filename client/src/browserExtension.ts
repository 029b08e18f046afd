/**
 * The extension in the web worker extension host (VS Code for the Web, vscode.dev): the server runs
 * in a web worker of its own; where the host cannot create one (extensions installed on a remote, as
 * in code-server's web worker host), it runs in this worker, over a MessageChannel — the same server,
 * the same messages, the same `vscode-languageclient`.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, MessageTransports } from 'vscode-languageclient/browser';
import { createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../../server/src/lsp/core';
import { browserHost } from '../../server/src/lsp/browserHost';
import { activateWith } from './activate';
import { t } from './language';

export { deactivate } from './activate';

/** A web worker (the DOM's types are not in this build's lib). */
declare const Worker: new (url: string) => object;

/** The server in this very worker, talking over a MessageChannel. */
function inProcess(): MessageTransports {
  const channel = new MessageChannel();
  startServer(createConnection(new BrowserMessageReader(channel.port1), new BrowserMessageWriter(channel.port1)), browserHost());
  return { reader: new BrowserMessageReader(channel.port2), writer: new BrowserMessageWriter(channel.port2) };
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const url = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js').toString(true);
  const server = async (): Promise<object | MessageTransports> => {
    try {
      return new Worker(url);
    } catch (e) {
      console.warn(t('noWorker', e instanceof Error ? e.message : String(e)));
      return inProcess();
    }
  };
  return activateWith(context, (name, options) => new LanguageClient('govReport', name, server, options));
}
