/**
 * Report files in the forms they are published in (web pages, Word, PDF) on disk, for the command
 * line: which files below a folder are reports, and reading one. Kept apart from findReports so that
 * what does not read these forms (the language server, for now) does not carry their readers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../i18n';
import { looksLikeReport } from '../parse/detect';
import { PdfReader, ReadResult, readBytes, readBytesAsync, sniffForm } from '../read/index';
import type { IsReport } from './findReports';

/** The files a folder scan looks at: text, web pages, Word, WPS, PDF. */
export const REPORT_FILE_NAMES = /\.(?:txt|md|html?|shtml|xhtml|docx|doc|wps|pdf)$/i;

/** A file name that says it is an annual report (for forms whose content cannot be read). */
const REPORT_NAME = /年报|年度报告|信息公开/;

/** Does a binary Word/WPS file hold the report's title phrase (its text is UTF-16 inside)? */
function holdsUtf16(bytes: Uint8Array, phrase: string): boolean {
  const pattern: number[] = [];
  for (const ch of phrase) {
    const c = ch.charCodeAt(0);
    pattern.push(c & 0xff, c >> 8);
  }
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** Which files below a folder are reports, in any form: a report that cannot be read gets its message. */
export function publishedReports(locale: Locale): IsReport {
  return (file, bytes) => {
    const form = sniffForm(bytes, file);
    const name = path.basename(file);
    // a PDF is taken whole: whether it is a report is told once it is read (reading is costly)
    if (form === 'pdf') return true;
    if (form === 'ole' || form === 'rtf') {
      // what cannot be read is named when it is a report: by its text where that can be found, else by its name
      const isReport = form === 'ole' ? holdsUtf16(bytes, '年度报告') || REPORT_NAME.test(name) : REPORT_NAME.test(name);
      if (!isReport) return false;
      const r = readBytes(bytes, file);
      return r.ok ? looksLikeReport(r.read.text) : r.refusal.message[locale];
    }
    const r = readBytes(bytes, file);
    if (!r.ok) return r.refusal.reason === 'no-report' ? false : r.refusal.message[locale];
    return looksLikeReport(r.read.text);
  };
}

let pdfReader: PdfReader | undefined;

/**
 * The PDF reader, loaded the first time a PDF is read: `pdf.js` and the CMaps beside this bundle
 * (dist/). pdf.js prints warnings to the console as it starts (no canvas package: text needs none);
 * they are held back while it reads, so that they never mix with the CLI's output.
 */
function loadPdfReader(): PdfReader {
  if (!pdfReader) {
    const bundle = path.join(__dirname, 'pdf.js');
    if (!fs.existsSync(bundle)) {
      // the extension's package carries no PDF reader (yet): the command line from the repository does
      return async () => refuseMissing();
    }
    const mod = quietly(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(bundle) as { readPdf: (bytes: Uint8Array, options: { cMapUrl?: string }) => Promise<ReadResult> };
    });
    const cMapUrl = path.join(__dirname, 'cmaps') + path.sep;
    pdfReader = async (bytes) => {
      const restore = silence();
      try {
        return await mod.readPdf(bytes, { cMapUrl });
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

/** Reads a report file in any form. Never rejects for a file's content (a file system error does). */
export async function readReportFile(file: string): Promise<ReadResult> {
  const bytes = fs.readFileSync(file);
  return sniffForm(bytes, file) === 'pdf' ? readBytesAsync(bytes, file, loadPdfReader()) : readBytes(bytes, file);
}
