/**
 * A run reads a web page or a Word file once (cli/packed.ts KeptReads): what the judging read of it is
 * packed (batch.packRead), kept off the heap within a budget, and handed to its check.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type FileTask, type RunSettings, checkFile, identify, judge, packRead, unpackRead } from '../../server/src/cli/batch';
import { KeptReads } from '../../server/src/cli/packed';
import { readReportFile } from '../../server/src/files/published';
import { loadReaders } from '../../server/src/files/readers';
import { loadPdfReader } from '../../server/src/files/pdfLoader';
import type { ReadText } from '../../server/src/read/types';
import { ROOT } from '../helpers';

const RENDERINGS = path.join(ROOT, 'test', 'fixtures', 'renderings');
const PAGE = path.join(ROOT, 'test', 'fixtures', 'real', 'pingtan-jinjing-pianqu-2024.html');
const WORD = path.join(RENDERINGS, 'wuzhong-2023.docx');
const TEXT = path.join(ROOT, 'test', 'fixtures', 'seeds', 'wuzhong-2023.txt');
const RUN: RunSettings = { format: 'json', mode: 'check', quiet: false, fix: false, verbose: false, locale: 'zh' };

let dir: string;
before(() => {
  // the readers of web pages, Word files and PDFs, as the command line has them
  loadReaders(path.join(ROOT, 'dist'));
  loadPdfReader(path.join(ROOT, 'dist'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-reads-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a reading packed for a run to keep (batch.packRead)', () => {
  it('comes back exactly as it was: its text (a lone surrogate too), origins and encoding', () => {
    const read: ReadText = {
      form: 'html',
      text: '某县2023年政府信息公开工作年度报告\n一、总体情况\ud800 lone\n表\t1\t2\n😀',
      origins: [{ offset: 0, block: 'p 1' }, { offset: 20, page: 2, block: 'table 1, row 3' }],
      encoding: { encoding: 'gb18030', bom: false, badLines: [2, 5] },
    };
    const packed = packRead(read);
    assert.deepEqual(unpackRead(packed), read);
    // a buffer of its own size: what a run keeps is what it counts
    assert.equal(packed.byteOffset, 0);
    assert.equal(packed.buffer.byteLength, packed.byteLength);
    assert.ok(packed.byteLength < Buffer.byteLength(JSON.stringify(read)) * 2);
  });
});

describe('what the judging keeps of a file (batch.judge with keep)', () => {
  for (const [name, file] of [['a web page', PAGE], ['a Word file', WORD]] as const) {
    it(`keeps ${name}’s reading, the very reading its check would make`, async () => {
      const j = judge({ index: 7, file, found: true }, 'zh', true);
      assert.equal(j.verdict, true);
      assert.ok(j.read, 'kept');
      const again = await readReportFile(file);
      assert.ok(again.ok);
      assert.deepEqual(unpackRead(j.read), JSON.parse(JSON.stringify(again.read)));
      // not asked to keep: nothing kept
      assert.equal(judge({ index: 7, file, found: true }, 'zh', false).read, undefined);
    });
  }

  it('keeps nothing of a text file (read again as cheaply) nor of a page that is no report', () => {
    assert.equal(judge({ index: 0, file: TEXT, found: true }, 'zh', true).read, undefined);
    const page = path.join(dir, 'index.html');
    fs.writeFileSync(page, '<html><body><p>欢迎访问本网站</p></body></html>');
    const j = judge({ index: 0, file: page, found: true }, 'zh', true);
    assert.equal(j.verdict, false);
    assert.equal(j.read, undefined);
  });

  for (const [name, file] of [['a Word file', WORD], ['a PDF', path.join(RENDERINGS, 'wuzhong-2023.pdf')]] as const) {
    it(`keeps ${name} as its title is read for the pairing of years (batch.identify with keep): the whole reading, the same title`, async () => {
      const id = await identify({ index: 3, file, found: false }, true);
      assert.ok(id.read, 'kept');
      const again = await readReportFile(file);
      assert.ok(again.ok);
      assert.deepEqual(unpackRead(id.read), JSON.parse(JSON.stringify(again.read)));
      // not asked to keep: nothing kept (a PDF then read only as far as its title), the same agency and year
      const { read: _read, ...identity } = id;
      assert.equal(identity.year, 2023);
      assert.deepEqual(await identify({ index: 3, file, found: false }), identity);
    });
  }

  it('a check given the kept reading does not read the file again, and says what reading it would', async () => {
    const j = judge({ index: 0, file: WORD, found: true }, 'zh', true);
    const gone = path.join(dir, 'moved-away.docx');
    const task: FileTask = { index: 0, file: gone, found: true, read: j.read! };
    const kept = await checkFile(task, RUN);
    assert.equal(kept.unreadable, false, kept.stderr);
    assert.equal(kept.checked, true);
    // the same output as a check that reads the file (but for its name)
    fs.copyFileSync(WORD, gone);
    const read = await checkFile({ index: 0, file: gone, found: true }, RUN);
    assert.equal(kept.out, read.out);
    assert.equal(kept.errors + kept.warnings + kept.others, read.errors + read.warnings + read.others);
  });
});

describe('the readings a run keeps (cli/packed.ts KeptReads)', () => {
  const bytes = (n: number) => new Uint8Array(n);

  it('keeps readings up to its budget, counted by the buffers they hold, and gives each back once', () => {
    const kept = new KeptReads(100);
    assert.equal(kept.room, true);
    kept.keep(1, bytes(60));
    kept.keep(2, bytes(50)); // would pass the budget: not kept (that file is read again)
    kept.keep(3, bytes(40));
    assert.equal(kept.room, false);
    assert.equal(kept.take(2), undefined);
    assert.equal(kept.take(1)?.byteLength, 60);
    assert.equal(kept.take(1), undefined, 'given once');
    assert.equal(kept.room, true);
    kept.keep(4, bytes(60));
    assert.equal(kept.take(4)?.byteLength, 60);
    assert.equal(kept.take(3)?.byteLength, 40);
  });

  it('counts a view by the whole buffer behind it', () => {
    const kept = new KeptReads(100);
    const view = new Uint8Array(new ArrayBuffer(80), 0, 10);
    kept.keep(1, view);
    kept.keep(2, bytes(30));
    assert.equal(kept.take(2), undefined, 'the view held 80 bytes: 30 more did not fit');
  });
});
