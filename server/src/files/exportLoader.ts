/**
 * The Word writer, on demand: the `docx` package is larger than the checker, so it has its own bundle
 * (dist/export.js) that is `require`d the first time a report is exported to Word, by the command line
 * and by the language server alike; neither starts slower for it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Publication } from '../features/publication';

export interface DocxWriter {
  exportDocx(pub: Publication): Promise<Uint8Array>;
}

let writer: DocxWriter | undefined;

/** The Word writer beside this bundle (dist/), or undefined when this installation has none. */
export function loadDocxWriter(dir: string = __dirname): DocxWriter | undefined {
  if (!writer) {
    const bundle = path.join(dir, 'export.js');
    if (!fs.existsSync(bundle)) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    writer = require(bundle) as DocxWriter;
  }
  return writer;
}

export const NO_DOCX_WRITER = {
  zh: '此安装不含 Word 写出组件（dist/export.js）。',
  en: 'This installation has no Word writer (dist/export.js).',
};
