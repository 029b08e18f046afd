/**
 * One entry to the read layer: a file's bytes (and its name, for the form when the bytes do not
 * tell) → report text, or a refusal saying what the file is and what to do. The form is told by the
 * bytes first (a .txt that is really a Word file is read as one).
 */
import { textRead } from './decode';
import { readDocx } from './docx';
import { readHtml } from './html';
import { sniffForm } from './sniff';
import type { PdfReader, ReadResult } from './types';
import { READ_LIMITS, refuse } from './types';

export type { Origin, PdfReader, ReadResult, ReadText, Refusal, RefusalReason, SourceForm } from './types';
export { PUBLISHED_EXTENSIONS, sniffForm } from './sniff';

/**
 * Reads a report file's bytes, a PDF with `pdf` when one is given. Never rejects: what cannot be read
 * is refused with a message.
 */
export async function readBytesAsync(bytes: Uint8Array, name: string, pdf?: PdfReader): Promise<ReadResult> {
  if (pdf && bytes.length <= READ_LIMITS.maxFileBytes && sniffForm(bytes, name) === 'pdf') {
    try {
      return await pdf(bytes);
    } catch (e) {
      return refuse('broken-pdf', `PDF 文件无法读取（${(e as Error).message}）。`, `The PDF cannot be read (${(e as Error).message}).`);
    }
  }
  return readBytes(bytes, name);
}

/** Reads a report file's bytes (a PDF is refused: see readBytesAsync). Never throws. */
export function readBytes(bytes: Uint8Array, name: string): ReadResult {
  if (bytes.length > READ_LIMITS.maxFileBytes) {
    return refuse(
      'too-large',
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(0)} MB，上限 ${READ_LIMITS.maxFileBytes / 1024 / 1024} MB），未读取。`,
      `The file is too large (${(bytes.length / 1024 / 1024).toFixed(0)} MB, limit ${READ_LIMITS.maxFileBytes / 1024 / 1024} MB); not read.`,
    );
  }
  try {
    switch (sniffForm(bytes, name)) {
      case 'ole':
        return refuse(
          'binary-office',
          '这是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再检查。',
          'This is an old binary Word/WPS file (.doc/.wps), which cannot be read. Save it as .docx in Word or WPS, then check it.',
        );
      case 'rtf':
        return refuse('unsupported', '这是 RTF 文件，无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再检查。', 'This is an RTF file, which cannot be read. Save it as .docx in Word or WPS, then check it.');
      case 'zip':
      case 'docx':
        return readDocx(bytes);
      case 'html':
        return readHtml(bytes);
      case 'pdf':
        // (a PDF is read by readBytesAsync, given the PDF reader)
        return refuse(
          'unsupported',
          '这里不读取 PDF：请用命令行 gov-report-lint 检查，或用 pdftotext -layout（或在阅读器中全选复制）取出文本后检查。',
          'PDFs are not read here: check it with the gov-report-lint command line, or get the text with pdftotext -layout (or copy it from a viewer).',
        );
      case 'text':
        return textRead(bytes);
    }
  } catch (e) {
    // a reader that failed on a file it should have read: still one message, never a crash
    return refuse('unsupported', `无法读取此文件：${(e as Error).message}`, `Cannot read this file: ${(e as Error).message}`);
  }
}
