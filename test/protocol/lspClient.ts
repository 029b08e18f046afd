/** A JSON-RPC client that starts the bundled server over stdio, for protocol tests. */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  WorkDoneProgressCreateRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

export interface TestServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** opens a document and resolves with its first diagnostics */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** every publishDiagnostics received, in order */
  published: PublishDiagnosticsParams[];
  stop(): void;
}

export async function startServer(locale: string, rootUri: string | null = null): Promise<TestServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    const w = waiting.get(`${p.uri}#${p.version}`);
    if (w) {
      waiting.delete(`${p.uri}#${p.version}`);
      w(p);
    }
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    capabilities: { window: { workDoneProgress: true } },
    locale,
    initializationOptions: { debounce: 0 },
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'reports' }] : null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    published,
    open(uri, text) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no diagnostics for ' + uri)), 10_000);
        waiting.set(`${uri}#1`, (p) => {
          clearTimeout(timer);
          resolve(p);
        });
        void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
      });
    },
    stop() {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
