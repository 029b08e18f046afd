/**
 * The readers of published forms for the language server, on demand: the HTML and Word readers
 * (dist/readers.js) and the PDF reader (dist/pdf.js) are `require`d the first time such a file is
 * opened, so that starting the server and checking text cost what they did without them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PdfReader, ReadResult } from '../read/types';
import { loadPdfReader } from './pdfLoader';

type ReadAsync = (bytes: Uint8Array, name: string, pdf?: PdfReader) => Promise<ReadResult>;

let readAsync: ReadAsync | undefined;

/** Reads a published report's bytes (any form), loading the readers the first time. */
export async function readPublished(bytes: Uint8Array, name: string, dir: string = __dirname): Promise<ReadResult> {
  if (!readAsync) {
    const bundle = path.join(dir, 'readers.js');
    if (!fs.existsSync(bundle)) {
      return { ok: false, refusal: { reason: 'unsupported', message: { zh: '此安装不含读取网页、Word 和 PDF 的组件。', en: 'This installation has no readers for web pages, Word and PDF.' } } };
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    readAsync = (require(bundle) as { readBytesAsync: ReadAsync }).readBytesAsync;
  }
  return readAsync(bytes, name, loadPdfReader(dir));
}
