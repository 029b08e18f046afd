/**
 * The web build of the server (dist/browserServer.js, for VS Code for the Web) in a
 * worker, against the Node build over stdio: the same answers to the same requests,
 * on every seed.
 */
import { CheckWorkspaceRequest, ExportReportAnswer, ExportReportRequest } from '../../server/src/lsp/protocol';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { SEED_NAMES, readSeed } from '../helpers';
import { readBytes } from '../../server/src/read/index';
import { TestServer, startServer } from './lspClient';

describe('the web build of the server answers as the Node build does', () => {
  let node: TestServer;
  let web: TestServer;
  before(async () => {
    [node, web] = await Promise.all([startServer('zh-cn', null, 'node'), startServer('zh-cn', null, 'browser')]);
  });
  after(() => {
    node.stop();
    web.stop();
  });

  for (const name of SEED_NAMES) {
    it(`${name}: diagnostics, code actions, hovers, completion, outline, folding, semantic tokens`, async () => {
      // not a file: neither server reads project files for it
      const uri = `memfs:///reports/${name}.txt`;
      const text = readSeed(name);
      const [a, b] = await Promise.all([node.open(uri, text), web.open(uri, text)]);
      assert.ok(a.diagnostics.length > 0 || name === 'wuzhong-2023' || name === 'tongxin-2022');
      assert.deepEqual(b.diagnostics, a.diagnostics);
      const both = async <R>(ask: (s: TestServer) => Promise<R>): Promise<void> => {
        const [x, y] = await Promise.all([ask(node), ask(web)]);
        assert.deepEqual(y, x);
      };
      const textDocument = { uri };
      for (const d of a.diagnostics.slice(0, 5)) {
        await both((s) => s.connection.sendRequest(CodeActionRequest.type, { textDocument, range: d.range, context: { diagnostics: [d] } }));
      }
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line += 7) {
        await both((s) => s.connection.sendRequest(HoverRequest.type, { textDocument, position: { line, character: Math.floor(lines[line]!.length / 2) } }));
      }
      await both((s) => s.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: lines.length - 1, character: 0 } }));
      await both((s) => s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
      await both((s) => s.connection.sendRequest(FoldingRangeRequest.type, { textDocument }));
      await both((s) => s.connection.sendRequest(SemanticTokensRequest.type, { textDocument }));
    });
  }

  it('has no workspace check and no "ignore here" (no file system in a browser)', async () => {
    const r = (await web.connection.sendRequest(CheckWorkspaceRequest)) as { files: number };
    assert.equal(r.files, 0);
    const uri = 'file:///reports/wuwei-web.txt';
    const [a, b] = await Promise.all([node.open(uri, readSeed('wuwei-2023')), web.open(uri, readSeed('wuwei-2023'))]);
    const ask = (s: TestServer, d: (typeof a.diagnostics)[number]) =>
      s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<{ command?: { command: string } }[]>;
    const ignoring = (actions: { command?: { command: string } }[]) => actions.filter((x) => x.command?.command === 'govReport.ignoreProblem').length;
    assert.ok(ignoring(await ask(node, a.diagnostics[0]!)) > 0, 'the Node build offers it for a file');
    assert.equal(ignoring(await ask(web, b.diagnostics[0]!)), 0, 'the web build does not');
  });

  it('exports a web page and a Word document as the Node build does', async () => {
    const uri = 'file:///reports/tongxin-web.txt';
    await Promise.all([node.open(uri, readSeed('tongxin-2022')), web.open(uri, readSeed('tongxin-2022'))]);
    const [a, b] = await Promise.all([node, web].map((s) => s.connection.sendRequest(ExportReportRequest, { uri, format: 'html' }) as Promise<ExportReportAnswer>));
    assert.ok(a!.ok && b!.ok && a!.text && a!.text === b!.text);
    // the Word documents differ only in their creation times: the same document read back
    const [c, d] = await Promise.all([node, web].map((s) => s.connection.sendRequest(ExportReportRequest, { uri, format: 'docx' }) as Promise<ExportReportAnswer>));
    assert.ok(c!.ok && d!.ok && c!.base64 && d!.base64);
    const text = (b64: string) => {
      const r = readBytes(Buffer.from(b64, 'base64'), 'x.docx');
      assert.ok(r.ok);
      return r.read.text;
    };
    assert.equal(text(d!.base64), text(c!.base64));
  });
});
