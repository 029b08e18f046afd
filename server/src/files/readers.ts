/**
 * The readers of published forms for the language server, on demand: the HTML and Word readers
 * (dist/readers.js) and the PDF reader (dist/pdf.js) are `require`d the first time such a file is
 * opened, so that starting the server and checking text cost what they did without them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PdfReader, ReadResult } from '../read/types';
import { loadPdfReader } from './pdfLoader';

/** What dist/readers.js (the read layer's index) offers. */
export interface Readers {
  readBytes(bytes: Uint8Array, name: string): ReadResult;
  readBytesAsync(bytes: Uint8Array, name: string, pdf?: PdfReader): Promise<ReadResult>;
}

let readers: Readers | undefined;

const MISSING: ReadResult = {
  ok: false,
  refusal: { reason: 'unsupported', message: { zh: '此安装不含读取网页、Word 和 PDF 的组件。', en: 'This installation has no readers for web pages, Word and PDF.' } },
};

/** The readers of web pages and Word files (and the PDF reader's entry), loaded the first time they are needed. */
export function loadReaders(dir: string = __dirname): Readers {
  if (!readers) {
    const bundle = path.join(dir, 'readers.js');
    if (!fs.existsSync(bundle)) return { readBytes: () => MISSING, readBytesAsync: async () => MISSING };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    readers = require(bundle) as Readers;
  }
  return readers;
}

/** Reads a published report's bytes (any form), loading the readers the first time. */
export async function readPublished(bytes: Uint8Array, name: string, dir: string = __dirname): Promise<ReadResult> {
  return loadReaders(dir).readBytesAsync(bytes, name, loadPdfReader(dir));
}
