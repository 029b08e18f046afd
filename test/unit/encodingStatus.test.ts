/** The encoding status item's words: a file opened in the wrong encoding is a warning with a way to reopen it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodingStatus } from '../../client/src/encodingStatus';

describe('the encoding status item', () => {
  it('warns of a file opened in the wrong encoding, and offers to reopen it', () => {
    const said = encodingStatus({ encoding: 'gb18030', bom: false, mismatch: true }, 'zh');
    assert.deepEqual(said, { text: '$(warning) 文件是 GB18030 编码', detail: '编辑器没有按 GB18030 打开它，中文显示为乱码，检查结果不可信', warning: true, reopen: true });
    assert.equal(encodingStatus({ encoding: 'utf-16le', bom: true, mismatch: true }, 'en').text, '$(warning) The file is UTF-16 LE');
  });
  it('names the lines of stray bytes', () => {
    const said = encodingStatus({ encoding: 'utf-8', bom: false, badLines: [5, 9] }, 'zh');
    assert.equal(said.detail, '第 5、9 行有不是 UTF-8 的字节');
    assert.ok(said.warning && !said.reopen);
    assert.equal(encodingStatus({ encoding: 'utf-8', bom: true, badLines: [1] }, 'en').detail, 'bytes that are not UTF-8 on line 1');
  });
  it('says a file read right in another encoding is kept in it', () => {
    const said = encodingStatus({ encoding: 'gb18030', bom: false }, 'zh');
    assert.equal(said.text, 'GB18030');
    assert.ok(!said.warning && !said.reopen);
  });
});
