/**
 * The PDF reader, on demand: pdf.js is larger than everything else together, so it has its own bundle
 * (dist/pdf.js, with the CMaps in dist/cmaps/) that is `require`d the first time a PDF is read, by the
 * command line and by the language server alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PdfReader, ReadResult } from '../read/types';

let pdfReader: PdfReader | undefined;

/**
 * The PDF reader, loaded the first time a PDF is read: `pdf.js` and the CMaps beside this bundle
 * (dist/). pdf.js prints warnings to the console as it starts (no canvas package: text needs none);
 * they are held back while it reads, so that they never mix with the CLI's output.
 */
export function loadPdfReader(dir: string = __dirname): PdfReader {
  if (!pdfReader) {
    const bundle = path.join(dir, 'pdf.js');
    if (!fs.existsSync(bundle)) {
      // the extension's package carries no PDF reader (yet): the command line from the repository does
      return async () => refuseMissing();
    }
    const mod = quietly(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(bundle) as { readPdf: (bytes: Uint8Array, options: { cMapUrl?: string; maxLines?: number }) => Promise<ReadResult> };
    });
    const cMapUrl = path.join(dir, 'cmaps') + path.sep;
    pdfReader = async (bytes, want) => {
      const restore = silence();
      try {
        return await mod.readPdf(bytes, { cMapUrl, ...(want?.lines !== undefined ? { maxLines: want.lines } : {}) });
      } finally {
        restore();
      }
    };
  }
  return pdfReader;
}

function refuseMissing(): ReadResult {
  return {
    ok: false,
    refusal: {
      reason: 'unsupported',
      message: {
        zh: '此安装不含 PDF 读取组件（dist/pdf.js）。请用仓库构建的 gov-report-lint，或用 pdftotext -layout 取出文本后检查。',
        en: 'This installation has no PDF reader (dist/pdf.js). Use gov-report-lint built from the repository, or get the text with pdftotext -layout.',
      },
    },
  };
}

/** Holds back what is written to the console until the function returned. */
function silence(): () => void {
  const { log, warn, info } = console;
  console.log = console.warn = console.info = () => undefined;
  return () => Object.assign(console, { log, warn, info });
}

function quietly<T>(f: () => T): T {
  const restore = silence();
  try {
    return f();
  } finally {
    restore();
  }
}

