/**
 * The test client's reader leaves nothing behind when a server stops in the middle of a message (a
 * half-received message once kept a test process alive after all its tests had passed).
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { serverReader } from './lspClient';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** A connection that receives half a message, then is disposed: the timers it leaves running. */
async function leftAfterHalfAMessage(makeReader: (s: PassThrough) => StreamMessageReader): Promise<{ left: number; reader: StreamMessageReader }> {
  const stdout = new PassThrough();
  const before = timers();
  const reader = makeReader(stdout);
  const connection = createProtocolConnection(reader, new StreamMessageWriter(new PassThrough()));
  connection.listen();
  stdout.write('Content-Length: 100\r\n\r\n{"jsonrpc": "2.0", ');
  await new Promise((r) => setImmediate(r));
  connection.dispose();
  stdout.destroy();
  await new Promise((r) => setImmediate(r));
  return { left: timers() - before, reader };
}

describe('the protocol test client', () => {
  it('leaves no timer running when a server stops in the middle of a message', async () => {
    assert.equal((await leftAfterHalfAMessage(serverReader)).left, 0);
  });

  it('(the library’s own reader does: what the test above guards against)', async () => {
    const { left, reader } = await leftAfterHalfAMessage((s) => new StreamMessageReader(s));
    // stopped here so that this test's process can end (a method the library does not call on dispose)
    (reader as unknown as { clearPartialMessageTimer(): void }).clearPartialMessageTimer();
    assert.equal(left, 1, 'if the library stops its timer on dispose, serverReader is no longer needed');
  });
});
