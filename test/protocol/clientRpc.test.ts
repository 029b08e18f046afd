/**
 * The extension's own JSON-RPC layer (client/src/lsp/rpc.ts) against the bundled
 * servers, started as the extension starts them — without VS Code, which the e2e
 * suite adds on top: dist/server.js forked with Node IPC (desktop), and the web
 * build dist/browserServer.js in a worker (worker_threads with a shim giving it the
 * web worker's `self`, `postMessage` and `onmessage`).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startNodeServer } from '../../client/src/lsp/nodeTransport';
import { Connection, ErrorCodes, ResponseError } from '../../client/src/lsp/rpc';
import { startWorkerServer } from '../../client/src/lsp/workerTransport';
import { ROOT, readSeed } from '../helpers';
import { browserServerWorker } from './lspClient';

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code?: string | number; message: string }[];
}

/** A manual cancellation token with VS Code's shape. */
function token() {
  const listeners: (() => void)[] = [];
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(l: () => void) {
      listeners.push(l);
      return { dispose: () => listeners.splice(listeners.indexOf(l), 1) };
    },
    cancel() {
      cancelled = true;
      for (const l of [...listeners]) l();
    },
  };
}

function startInWorker(): Connection {
  const worker = browserServerWorker();
  return startWorkerServer({
    postMessage: (m) => worker.postMessage(m),
    addEventListener: (type: 'message' | 'error', listener: (event: { data: unknown }) => void) => {
      if (type === 'message') worker.on('message', (data) => listener({ data }));
      else worker.on('error', (e) => listener({ data: e }));
    },
    terminate: () => void worker.terminate(),
  });
}

const TRANSPORTS: [string, () => Connection][] = [
  ['Node IPC (dist/server.js)', () => startNodeServer({ module: path.join(ROOT, 'dist', 'server.js') })],
  ['a web worker (dist/browserServer.js)', startInWorker],
];

let connect: () => Connection = TRANSPORTS[0]![1];

async function started(settings: unknown = {}): Promise<{ connection: Connection; published: Published[]; next(uri: string, version: number): Promise<Published>; asked: unknown[] }> {
  const connection = connect();
  running.push(connection);
  const published: Published[] = [];
  const waiting: { uri: string; version: number; resolve: (p: Published) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const params = p as Published;
    published.push(params);
    for (const w of [...waiting]) {
      if (w.uri === params.uri && w.version === params.version) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  const asked: unknown[] = [];
  connection.onRequest('workspace/configuration', (p) => {
    asked.push(p);
    return (p as { items: unknown[] }).items.map(() => settings);
  });
  connection.onRequest('client/registerCapability', () => null);
  const result = await connection.request<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    locale: 'zh-cn',
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
    initializationOptions: { debounce: 0 },
  });
  assert.ok(result?.capabilities.semanticTokensProvider, 'the server announced its capabilities');
  connection.notify('initialized', {});
  return {
    connection,
    published,
    asked,
    next: (uri, version) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version}`)), 10_000);
        waiting.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      }),
  };
}

/** every server started, killed at the end whatever happened (a live child would keep the test process alive) */
const running: Connection[] = [];
after(() => {
  for (const c of running) c.kill();
});

const codes = (p: Published) => p.diagnostics.map((d) => d.code);

for (const [transport, start] of TRANSPORTS) describe(`the extension’s JSON-RPC client, server in ${transport}`, () => {
  before(() => {
    connect = start;
  });

  it('opens a report, gets its diagnostics, asks for a hover, and stops the server', async () => {
    const { connection, next } = await started();
    const uri = 'file:///reports/wuwei-2023.txt';
    const text = readSeed('wuwei-2023');
    const first = next(uri, 1);
    connection.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
    const diagnostics = await first;
    assert.deepEqual(codes(diagnostics).filter((c) => c === 'T3-column' || c === 'T3-row').sort(), ['T3-column', 'T3-row']);
    // an incremental change, as the extension sends them: the one-character edit is checked as version 2
    const line = text.split('\n').findIndex((l) => l.startsWith('五、'));
    const second = next(uri, 2);
    connection.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, rangeLength: 0, text: 'X' }],
    });
    assert.ok((await second).diagnostics.length > 0);
    const hover = await connection.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: text.split('\n').findIndex((l) => l.includes('1.申请人无正当理由逾期')), character: 40 } });
    assert.ok(hover && hover.contents.value.length > 0, 'a hover');
    let exited = false;
    connection.onExit(() => (exited = true));
    await connection.stop();
    assert.ok(exited && connection.isClosed, 'the server exited after shutdown/exit');
    await assert.rejects(connection.request('textDocument/hover', {}), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.ConnectionClosed);
  });

  it('answers the server’s workspace/configuration requests (settings are pulled)', async () => {
    const { connection, next, asked } = await started({ rules: { 'TXT-table': 'off' } });
    const uri = 'file:///reports/shizuishan.txt';
    const first = next(uri, 1);
    // the settings are pulled after initialized: give the answer time to arrive before opening
    while (asked.length === 0) await new Promise((r) => setTimeout(r, 10));
    connection.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text: readSeed('shizuishan-office-2023') } });
    const p = await first;
    assert.ok(p.diagnostics.length > 0);
    assert.ok(!codes(p).includes('TXT-table'), 'TXT-table turned off by the pulled settings');
    await connection.stop();
  });

  it('a cancelled request resolves to nothing, is cancelled on the server, and the connection goes on', async () => {
    const { connection, next } = await started();
    const uri = 'file:///reports/wuzhong.txt';
    const first = next(uri, 1);
    connection.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text: readSeed('wuzhong-2023') } });
    await first;
    const already = token();
    already.cancel();
    assert.equal(await connection.request('textDocument/documentSymbol', { textDocument: { uri } }, already), undefined);
    const later = token();
    const pending = connection.request('textDocument/documentSymbol', { textDocument: { uri } }, later);
    later.cancel();
    assert.equal(await pending, undefined);
    const symbols = await connection.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols?.length, 6);
    await connection.stop();
  });

  it('a request pending when the server dies is rejected, not left hanging', async () => {
    const { connection } = await started();
    const pending = connection.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nothing.txt' } });
    connection.kill();
    await pending.then(
      () => undefined, // it may have been answered before the kill
      (e: unknown) => assert.ok(e instanceof ResponseError && e.code === ErrorCodes.ConnectionClosed),
    );
    await new Promise<void>((resolve) => (connection.isClosed ? resolve() : connection.onExit(() => resolve())));
    assert.ok(connection.isClosed);
  });
});
