/**
 * Report files in the forms they are published in (web pages, Word, PDF) on disk, for the command
 * line: which files below a folder are reports, and reading one. Kept apart from findReports so that
 * what does not read these forms (the language server, for now) does not carry their readers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../i18n';
import { looksLikeReport } from '../parse/detect';
import { textRead } from '../read/decode';
import { PUBLISHED_EXTENSIONS, sniffForm } from '../read/sniff';
import type { ReadResult, ReadText } from '../read/types';
import { loadPdfReader } from './pdfLoader';
import { loadReaders } from './readers';
import type { IsReport } from './findReports';

/** The files a folder scan looks at: text, web pages, Word, WPS, PDF. */
export const REPORT_FILE_NAMES = new RegExp(`\\.(?:txt|md)$|${PUBLISHED_EXTENSIONS.source}`, 'i');

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
export function publishedReports(locale: Locale, found?: (file: string, read: ReadText) => void): IsReport {
  /** a report, what was read of it told to `found` (a folder scan reads each file once: what it learns is kept) */
  const report = (file: string, read: ReadText): boolean => {
    if (!looksLikeReport(read.text)) return false;
    found?.(file, read);
    return true;
  };
  return (file, bytes) => {
    const form = sniffForm(bytes, file);
    const name = path.basename(file);
    // a PDF is taken whole: whether it is a report is told once it is read (reading is costly)
    if (form === 'pdf') return true;
    if (form === 'ole' || form === 'rtf') {
      // what cannot be read is named when it is a report: by its text where that can be found, else by its name
      const isReport = form === 'ole' ? holdsUtf16(bytes, '年度报告') || REPORT_NAME.test(name) : REPORT_NAME.test(name);
      if (!isReport) return false;
      const r = readSync(bytes, file, form);
      return r.ok ? report(file, r.read) : r.refusal.message[locale];
    }
    const r = readSync(bytes, file, form);
    if (!r.ok) return r.refusal.reason === 'no-report' ? false : r.refusal.message[locale];
    return report(file, r.read);
  };
}

/**
 * Reads a report file in any form. Never rejects for a file's content (a file system error does).
 * `lines`: only the text's first so many lines are needed (a title): a PDF is read only as far as its
 * pages hold them (the other forms are read whole: they cost little).
 */
export async function readReportFile(file: string, lines?: number): Promise<ReadResult> {
  const bytes = fs.readFileSync(file);
  const form = sniffForm(bytes, file);
  if (form !== 'pdf') return readSync(bytes, file, form);
  const pdf = loadPdfReader();
  return loadReaders().readBytesAsync(bytes, file, lines === undefined ? pdf : (b) => pdf(b, { lines }));
}

/** A report's text, or why it cannot be read (its refusal, or the file system's error), for a command on one file. */
export async function readReportText(file: string, locale: Locale): Promise<{ text: string } | { why: string }> {
  try {
    const read = await readReportFile(file);
    return read.ok ? { text: read.read.text } : { why: read.refusal.message[locale] };
  } catch (e) {
    return { why: (e as Error).message };
  }
}

/** A file that is not a PDF, read (its form sniffed already): text as it is decoded, other forms by the readers (loaded the first time). */
function readSync(bytes: Uint8Array, file: string, form: ReturnType<typeof sniffForm>): ReadResult {
  if (form === 'text') return textRead(bytes);
  return loadReaders().readBytes(bytes, file);
}
