/**
 * The server as the extension starts it in Node: dist/server.js forked with Node IPC (what
 * vscode-languageclient's TransportKind.ipc does), spoken to with the protocol library's IPC reader and
 * writer. And the server's own requests (server/src/lsp/protocol.ts) each answered over it.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  HoverRequest,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RequestType,
  RequestType0,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import * as protocol from '../../server/src/lsp/protocol';
import { ROOT, readSeed } from '../helpers';

function started() {
  const child = fork(path.join(ROOT, 'dist', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push(p));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, connection, published, exited };
}

async function until<T>(find: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the server over Node IPC, as the extension starts it', () => {
  it('initializes, checks an opened report, answers a hover, and exits 0 after shutdown and exit', async () => {
    const { connection, published, exited } = started();
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'zh-cn', capabilities: {}, initializationOptions: { debounce: 0 } });
    assert.ok(init.capabilities.semanticTokensProvider && init.capabilities.completionProvider);
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = 'file:///ipc/wuwei-2023.txt';
    const text = readSeed('wuwei-2023');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    const first = await until(() => published.find((p) => p.uri === uri));
    assert.deepEqual(first.diagnostics.map((d) => d.code).filter((c) => c === 'T3-column' || c === 'T3-row').sort(), ['T3-column', 'T3-row']);
    const line = text.split('\n').findIndex((l) => l.includes('1.申请人无正当理由逾期'));
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 40 } });
    assert.ok(hover, 'a hover');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
  });

  it('answers every request of its own protocol module (none unknown to it), by the declared method', async () => {
    const { child, connection, exited } = started();
    try {
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'en', capabilities: {}, initializationOptions: { debounce: 0 } });
      await connection.sendNotification(InitializedNotification.type, {});
      const requests = (Object.values(protocol) as unknown[]).filter((v) => v instanceof RequestType || v instanceof RequestType0) as { method: string; numberOfParams: number }[];
      assert.ok(requests.length >= 7, `${requests.length} requests declared`);
      for (const r of requests) {
        assert.match(r.method, /^govReport\//);
        // parameters that name nothing: each is answered (null, empty, or a refusal), never "method not found"
        const params = { uri: 'file:///nothing.txt', uris: [], name: 'x.pdf', data: '', format: 'json' };
        const answer = r.numberOfParams === 0 ? connection.sendRequest(r.method) : connection.sendRequest(r.method, params);
        await answer.catch((e: { code?: number; message?: string }) => assert.notEqual(e.code, -32601, `${r.method}: ${e.message}`));
      }
      assert.ok(protocol.StatusNotification.method.startsWith('govReport/'));
    } finally {
      child.kill();
      await exited;
      connection.dispose();
    }
  });
});
