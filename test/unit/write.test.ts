/**
 * Writing a report back (--fix): in the encoding and byte order mark it was read in, and atomically.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeWithEncoding } from '../../server/src/read/decode';
import { encodeExactly, encodeText } from '../../server/src/read/encode';
import { writeFileAtomic } from '../../server/src/files/write';

describe('encoding a report back', () => {
  it('GB18030: every character of the BMP and past it comes back from its bytes', () => {
    let text = '';
    // (private-use characters aside: a few have no GB18030 bytes the platform decodes back to them, and
    // decoding a GB18030 file never gives them; encodeExactly refuses them)
    for (let c = 0x20; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && (c < 0xe000 || c > 0xf8ff) && c !== 0xfffd) text += String.fromCharCode(c);
    text += '𠀀𪚥🙂';
    const bytes = encodeText(text, 'gb18030', false);
    assert.equal(new TextDecoder('gb18030').decode(bytes), text);
    // the common characters as GBK writes them: 一、总体情况
    assert.deepEqual([...encodeText('一、总体情况', 'gb18030', false)], [0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]);
  });
  it('keeps UTF-16 and UTF-8 byte order marks, and reads its own output back as the same encoding', () => {
    for (const [encoding, bom] of [['utf-16le', true], ['utf-16be', true], ['utf-8', true], ['utf-8', false], ['gb18030', false]] as const) {
      const bytes = encodeText('某县2023年政府信息公开工作年度报告\r\n一、总体情况\n', encoding, bom);
      const back = decodeWithEncoding(bytes);
      assert.deepEqual([back.encoding, back.bom, back.text], [encoding, bom, '某县2023年政府信息公开工作年度报告\r\n一、总体情况\n'], `${encoding} ${bom}`);
    }
  });
  it('refuses a text that would not come back the same (a character lost in decoding, a lone surrogate)', () => {
    assert.equal(encodeExactly('坏\ufffd字', { encoding: 'gb18030', bom: false }), undefined);
    assert.equal(encodeExactly('a\ud800b', { encoding: 'gb18030', bom: false }), undefined);
    assert.equal(encodeExactly('\ue5e5', { encoding: 'gb18030', bom: false }), undefined);
    assert.ok(encodeExactly('好字', { encoding: 'gb18030', bom: false }));
  });
});

describe('writing a report back atomically', () => {
  it('leaves the report as it was when the write fails between the temporary file and the rename, and no temporary file behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, '原来的内容\n');
    try {
      assert.throws(
        () =>
          writeFileAtomic(file, new TextEncoder().encode('新的内容\n'), {
            beforeRename: () => {
              throw new Error('killed');
            },
          }),
        /killed/,
      );
      assert.equal(fs.readFileSync(file, 'utf8'), '原来的内容\n');
      assert.deepEqual(fs.readdirSync(dir), ['report.txt']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('replaces the report in one rename, keeping its mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    try {
      writeFileAtomic(file, new TextEncoder().encode('new'));
      assert.equal(fs.readFileSync(file, 'utf8'), 'new');
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(dir), ['report.txt']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('telling a text file’s encoding by the evidence of the whole file', () => {
  const report = '某县2023年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息100条。\n二、主动公开政府信息情况\n';
  it('reads a UTF-8 report with one stray byte as UTF-8, and names the line', () => {
    const bytes = Buffer.concat([Buffer.from(report.slice(0, 30), 'utf8'), Buffer.from([0xff]), Buffer.from(report.slice(30), 'utf8')]);
    const d = decodeWithEncoding(bytes);
    assert.equal(d.encoding, 'utf-8');
    assert.ok(d.text.includes('二、主动公开政府信息情况'));
    assert.deepEqual(d.badLines, [report.slice(0, 30).split('\n').length]);
  });
  it('reads GBK as GB18030, and UTF-16 without a byte order mark (either endianness) by its zero bytes', () => {
    assert.equal(decodeWithEncoding(encodeText(report, 'gb18030', false)).encoding, 'gb18030');
    assert.equal(decodeWithEncoding(encodeText(report, 'gb18030', false)).text, report);
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const d = decodeWithEncoding(encodeText(report, encoding, false));
      assert.deepEqual([d.encoding, d.bom, d.text], [encoding, false, report], encoding);
    }
  });
});
