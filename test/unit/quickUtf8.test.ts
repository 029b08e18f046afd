/**
 * read/decode.ts reads the UTF-8 that reports are made of itself (the platform's decoder is slow for
 * CJK on Node 20): wherever it answers, it answers what TextDecoder does; what it does not take
 * (malformed, four-byte, a byte order mark) it leaves to TextDecoder.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeWithEncoding, quickUtf8, usePlatformUtf8 } from '../../server/src/read/decode';
import { nodeUtf8, useNodeUtf8 } from '../../server/src/files/nodeUtf8';
import { ROOT } from '../helpers';

const platform = new TextDecoder('utf-8');
const bytes = (...b: number[]) => new Uint8Array(b);

/** Every text and web page fixture read by `read`: where it answers, TextDecoder's answer (and it answers for most). */
function readsFixturesAsTextDecoder(read: (b: Uint8Array) => string | undefined): void {
  let answered = 0;
  for (const dir of ['test/fixtures/seeds', 'test/fixtures/real', 'test/fixtures/renderings', 'examples']) {
    for (const name of fs.readdirSync(path.join(ROOT, dir))) {
      if (!/\.(txt|md|html)$/.test(name)) continue;
      const b = fs.readFileSync(path.join(ROOT, dir, name));
      const text = read(b);
      if (text === undefined) continue;
      assert.equal(text, platform.decode(b), name);
      answered++;
    }
  }
  assert.ok(answered > 30, `${answered} fixtures read`);
}

describe('the quick UTF-8 reading', () => {
  it('reads every text fixture as TextDecoder does', () => {
    readsFixturesAsTextDecoder(quickUtf8);
  });

  it('takes well-formed one- to three-byte sequences, and nothing else', () => {
    assert.equal(quickUtf8(bytes()), '');
    assert.equal(quickUtf8(new TextEncoder().encode('表三 （一）予以公开 12\t0\r\n é ¢ 〇')), '表三 （一）予以公开 12\t0\r\n é ¢ 〇');
    // an overlong form, a surrogate, a cut sequence, a stray continuation, a four-byte sequence, a byte order mark
    for (const bad of [bytes(0xc0, 0x80), bytes(0xe0, 0x80, 0x80), bytes(0xed, 0xa0, 0x80), bytes(0xe4, 0xb8), bytes(0x41, 0xe4), bytes(0x80), bytes(0xf0, 0x9f, 0x98, 0x80), bytes(0xef, 0xbb, 0xbf, 0x41), bytes(0xff)]) {
      assert.equal(quickUtf8(bad), undefined, [...bad].map((x) => x.toString(16)).join(' '));
    }
  });

  it('answers what TextDecoder answers on random bytes, or leaves them to it', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [[0x41], [0x0a], [0xe4, 0xb8, 0x80], [0xef, 0xbc, 0x8c], [0xc3, 0xa9], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xef, 0xbf, 0xbd], [0xe4], [0xb8], [0xc0], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]];
    let answered = 0;
    for (let n = 0; n < 20_000; n++) {
      const b: number[] = [];
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k++) b.push(...(next() < 0.1 ? [Math.floor(next() * 256)] : pieces[Math.floor(next() * pieces.length)]!));
      const u = new Uint8Array(b);
      const quick = quickUtf8(u);
      if (quick === undefined) continue;
      answered++;
      assert.equal(quick, platform.decode(u), b.map((x) => x.toString(16)).join(' '));
    }
    assert.ok(answered > 2000, `${answered} answered`);
  });

  it('gives the same decoding, encoding and byte order mark as before for each kind of file', () => {
    const text = '某县2023年政府信息公开工作年度报告\n一、总体情况\n';
    const utf8 = new TextEncoder().encode(text);
    assert.deepEqual(decodeWithEncoding(utf8), { text, encoding: 'utf-8', bom: false });
    assert.deepEqual(decodeWithEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), { text, encoding: 'utf-8', bom: true });
    // a replacement character written in the file: taken for a stray byte as before, its line named
    const withReplacement = new TextEncoder().encode('甲'.repeat(20) + '\n乙\ufffd\n');
    assert.deepEqual(decodeWithEncoding(withReplacement), { text: '甲'.repeat(20) + '\n乙\ufffd\n', encoding: 'utf-8', bom: false, badLines: [2] });
    // GBK bytes are not UTF-8: read as GB18030 as before
    const gbk = new Uint8Array([0xc4, 0xb3, 0xcf, 0xd8, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2]);
    assert.deepEqual(decodeWithEncoding(gbk), { text: '某县\n一、', encoding: 'gb18030', bom: false });
  });
});

describe("Node's own UTF-8 reading (files/nodeUtf8.ts)", () => {
  it('reads every text fixture as TextDecoder does, and leaves to it what it does not take', () => {
    readsFixturesAsTextDecoder(nodeUtf8);
  });

  it('answers what TextDecoder answers on random bytes (four-byte sequences too), never for malformed input or a byte order mark', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [[0x41], [0x0a], [0xe4, 0xb8, 0x80], [0xef, 0xbc, 0x8c], [0xc3, 0xa9], [0xf0, 0x9f, 0x98, 0x80], [0xe4], [0xb8], [0xc0], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]];
    let answered = 0;
    let refused = 0;
    for (let n = 0; n < 5_000; n++) {
      // long enough for the native reading (short inputs are quickUtf8's)
      const b: number[] = new Array<number>(300).fill(0x41);
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k++) b.push(...(next() < 0.1 ? [Math.floor(next() * 256)] : pieces[Math.floor(next() * pieces.length)]!));
      const u = new Uint8Array(next() < 0.1 ? [0xef, 0xbb, 0xbf, ...b] : b);
      const native = nodeUtf8(u);
      if (native === undefined) {
        refused++;
        continue;
      }
      answered++;
      assert.equal(native, platform.decode(u), b.slice(300).map((x) => x.toString(16)).join(' '));
    }
    assert.ok(answered > 500 && refused > 500, `${answered} answered, ${refused} refused`);
    assert.equal(nodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...new Array<number>(300).fill(0x41)])), undefined);
    assert.equal(nodeUtf8(new Uint8Array([...new Array<number>(300).fill(0x41), 0xc0, 0x80])), undefined);
    // more than 1 MB: left to TextDecoder, whose string a worker's heap limit bounds (Node's own is made outside the heap)
    assert.equal(nodeUtf8(new Uint8Array((1 << 20) + 1).fill(0x41)), undefined);
    assert.equal(nodeUtf8(new Uint8Array(1 << 20).fill(0x41))?.length, 1 << 20);
  });

  it('is what decodeWithEncoding uses once set, with the same results for every kind of file', () => {
    useNodeUtf8();
    try {
      const text = '某县2023年政府信息公开工作年度报告\n一、总体情况\n'.repeat(20);
      const utf8 = new TextEncoder().encode(text);
      assert.deepEqual(decodeWithEncoding(utf8), { text, encoding: 'utf-8', bom: false });
      assert.deepEqual(decodeWithEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), { text, encoding: 'utf-8', bom: true });
      const gbk = new Uint8Array([...new Array<number>(300).fill(0x41), 0xc4, 0xb3, 0xcf, 0xd8]);
      assert.deepEqual(decodeWithEncoding(gbk).encoding, 'gb18030');
    } finally {
      usePlatformUtf8(undefined);
    }
  });
});
