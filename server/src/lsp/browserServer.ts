/**
 * The language server in a browser's web worker (vscode.dev, VS Code for the Web):
 * the same server without a file system — it checks the open documents; there are
 * no .govreportrc.json files, no workspace check and no "ignore here" records.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './browserHost';
import { startServer } from './core';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), browserHost());
