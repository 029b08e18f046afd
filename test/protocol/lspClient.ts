/** A JSON-RPC client that starts the bundled server over stdio, for protocol tests. */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  WorkDoneProgressCreateRequest,
  PortMessageReader,
  PortMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

export interface TestServer {
  connection: ProtocolConnection;
  /** opens a document and resolves with its first diagnostics */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** every publishDiagnostics received, in order */
  published: PublishDiagnosticsParams[];

  stop(): void;
}

/**
 * A reader of a server's stdout for a test client. Without the partial-message timer: vscode-jsonrpc's
 * reader arms a 10 s timer while a message is half received and arms it again each time it fires, and
 * disposing the connection does not stop it — a server stopped in the middle of a message left the test
 * process alive for ever after all its tests had passed (seen in CI; test/protocol/testClient.test.ts).
 */
export function serverReader(stdout: NodeJS.ReadableStream): StreamMessageReader {
  const reader = new StreamMessageReader(stdout);
  reader.partialMessageTimeout = 0;
  return reader;
}

/** A web worker's global scope for the browser bundle, made from worker_threads. */
const WORKER_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = globalThis;
globalThis.postMessage = (m) => parentPort.postMessage(m);
globalThis.addEventListener = (type, listener) => { if (type === 'message') parentPort.on('message', (data) => listener({ data })); };
Object.defineProperty(globalThis, 'onmessage', { set(fn) { parentPort.on('message', (data) => fn({ data })); } });
require(workerData.bundle);
`;

/** The web build of the server (dist/browserServer.js) running in a worker_threads Worker, as in a browser's web worker. */
export function browserServerWorker(): Worker {
  return new Worker(WORKER_SHIM, { eval: true, workerData: { bundle: path.join(ROOT, 'dist', 'browserServer.js') } });
}

/**
 * Starts a server: `node` is dist/server.js over stdio; `browser` is the web build
 * dist/browserServer.js in a worker (worker_threads with a web-worker shim).
 */
export async function startServer(locale: string, rootUri: string | null = null, where: 'node' | 'browser' = 'node'): Promise<TestServer> {
  let connection: ProtocolConnection;
  let end: () => void;
  if (where === 'node') {
    const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(serverReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    end = () => {
      // the pipes closed on our side too (an open one would keep the test process alive)
      child.stdin?.destroy();
      child.stdout?.destroy();
      if (child.exitCode === null) child.kill();
    };
  } else {
    const worker = browserServerWorker();
    connection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    end = () => void worker.terminate();
  }
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
      end();
    },
  };
}
