/**
 * The read layer: a report file's bytes, in any form it was published in, → report text (the tables
 * as tab-separated rows, as Word copies them) with a map back to the source. Below the parser:
 * nothing above it knows where the text came from.
 */
import type { LocalizedText } from '../i18n';
import type { TextEncodingName } from './decode';

/** The forms a report is published in. */
export type SourceForm = 'text' | 'html' | 'docx' | 'pdf';

/** Where a stretch of the report text came from in the source (from `offset` to the next origin's). */
export interface Origin {
  /** offset in the report text */
  offset: number;
  /** the source's page (PDF, 1-based) */
  page?: number;
  /** the source's block: a paragraph (p 12) or a table row (table 2, row 5), 1-based, for messages */
  block?: string;
}

export interface ReadText {
  form: SourceForm;
  text: string;
  /** sorted by offset; the first at offset 0 */
  origins: Origin[];
  /** a text file's encoding and byte order mark (what --fix writes it back in) */
  encoding?: { encoding: TextEncodingName; bom: boolean; badLines?: number[] };
}

/** Why a file cannot be read as a report: one clear message, what it is and what to do. */
export type RefusalReason =
  | 'binary-office'
  | 'not-docx'
  | 'broken-zip'
  | 'too-large'
  | 'no-report'
  | 'pdf-no-text'
  | 'pdf-encrypted'
  | 'broken-pdf'
  | 'unsupported';

export interface Refusal {
  reason: RefusalReason;
  message: LocalizedText;
}

export type ReadResult = { ok: true; read: ReadText } | { ok: false; refusal: Refusal };

/**
 * A PDF reader (pdf.js is large: loaded by those that read PDFs, when they do). `lines`: only the
 * pages that hold the text's first so many lines are needed (a title is read from them).
 */
export type PdfReader = (bytes: Uint8Array, want?: { lines?: number }) => Promise<ReadResult>;

/** What reading one file may cost: bytes in, bytes a zip may inflate to. */
export const READ_LIMITS = {
  /** a file larger than this is not read (a report is rarely over 5 MB; a PDF with images may be 20) */
  maxFileBytes: 60 * 1024 * 1024,
  /** what a .docx's parts may inflate to, together (a zip bomb stops here) */
  maxInflatedBytes: 80 * 1024 * 1024,
  /** table cells laid out from one HTML or Word table (rowspan/colspan beyond this are cut) */
  maxTableSlots: 200_000,
  /** nesting of elements followed (deeper content is read as text) */
  maxDepth: 400,
} as const;

export function refuse(reason: RefusalReason, zh: string, en: string): ReadResult {
  return { ok: false, refusal: { reason, message: { zh, en } } };
}
