/**
 * The server's own requests and notifications (beyond LSP), declared once, typed, for the server and
 * the client: each method's name is written here and nowhere else.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { SumResult } from '../features/sum';
import type { Comparison } from '../features/compare';
import type { TableViewModel } from '../features/tableView';
import type { ReportIdentity } from '../crossYear';

export type { TableViewModel, ViewCell } from '../features/tableView';
export type { Comparison, CellChange, SimilarParagraph } from '../features/compare';
export { IGNORE_COMMAND } from '../features/commands';

/** After each check of a document: what the language status item shows. */
export const StatusNotification = new NotificationType<CheckStatus>('govReport/status');
/** Checks every report of the workspace folders (with work-done progress, cancellable). */
export const CheckWorkspaceRequest = new RequestType0<WorkspaceCheck, void>('govReport/checkWorkspace');
/** A report file as it was published (bytes) → its report text. */
export const ReadPublishedRequest = new RequestType<PublishedRequest, PublishedText, void>('govReport/readPublished');
/** An open report's text with its fully read tables in the national layout (null: not open). */
export const CanonicalTextRequest = new RequestType<{ uri: string }, string | null, void>('govReport/canonicalText');
/** The table view's grids of an open report (null: not open). */
export const TablesRequest = new RequestType<{ uri: string }, TableViewModel | null, void>('govReport/tables');
/** An open report's tables as --tables JSON or CSV (null: not open). */
export const ExportTablesRequest = new RequestType<{ uri: string; format: 'csv' | 'json' }, string | null, void>('govReport/exportTables');
/** An open report as a Word document or a web page's fragment, for publication (refused while its tables have errors, unless forced). */
export const ExportReportRequest = new RequestType<ExportReportParams, ExportReportAnswer | null, void>('govReport/exportReport');
/** An open report beside the same agency's report of the year before (found as the cross-year checks find it, or the one given). */
export const CompareRequest = new RequestType<{ uri: string; previousUri?: string }, CompareAnswer | null, void>('govReport/compare');
/** The workspace's reports with their agency and year (for choosing what to sum). */
export const ListReportsRequest = new RequestType0<ReportIdentity[], void>('govReport/listReports');
/** 汇总: the sum of the reports given, and what it means for the open report `uri`. */
export const SumRequest = new RequestType<{ uri: string; uris: string[] }, SumAnswer, void>('govReport/sum');

/** govReport/status: what the language status item shows for a document after each check. */
export interface CheckStatus {
  uri: string;
  version: number;
  /** checked: problems are current; disabled: govReport.enable is off; sizeLimit: too large, checked on save only */
  state: 'checked' | 'disabled' | 'sizeLimit';
  errors: number;
  warnings: number;
  /** information and hints */
  others: number;
  /** problems ignored here by .govreportrc.json */
  ignored: number;
  /** duration of the last check, in milliseconds */
  ms?: number;
  /** how the file is encoded on disk, when that is worth saying (not plain UTF-8, or not what the editor read) */
  encoding?: FileEncodingStatus;
}

/** How a report file is encoded on disk, as the server decides it from its bytes (as the command line does). */
export interface FileEncodingStatus {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  bom: boolean;
  /** read as UTF-8 although some bytes were not: the lines they stand on (1-based, the first ten) */
  badLines?: number[];
  /** the editor's text has replacement characters where the file, read in its own encoding, has none: opened in the wrong encoding */
  mismatch?: boolean;
}

/** Result of govReport/checkWorkspace. */
export interface WorkspaceCheck {
  files: number;
  errors: number;
  warnings: number;
  unreadable: string[];
  /** the check was cancelled before every report was read: the counts cover the reports checked */
  cancelled?: boolean;
}

/**
 * govReport/readPublished: a report file in the form it was published in (web page, Word, PDF), its
 * bytes as base64 (the client reads them: the file may be anywhere VS Code can reach), → its report text.
 */
export interface PublishedRequest {
  name: string;
  data: string;
}

export type PublishedText =
  | { ok: true; text: string; form: 'text' | 'html' | 'docx' | 'pdf'; pages?: { line: number; page: number }[] }
  | { ok: false; message: string };

/** The URI of a published file's report text, as the client opens it (the file's URI in the query). */
export function publishedTextUri(fileUri: string): string {
  const path = fileUri.replace(/^file:\/\/[^/]*/, '').replace(/[?#].*$/, '');
  return `${PUBLISHED_SCHEME}:${path}.txt?${encodeURIComponent(fileUri)}`;
}

export const PUBLISHED_SCHEME = 'gov-report-published';

export interface ExportReportParams {
  uri: string;
  format: 'docx' | 'html';
  /** export even though the tables have errors */
  force?: boolean;
}

/** Result of govReport/exportReport: the file's content, or why there is none. */
export type ExportReportAnswer =
  /** the .docx's bytes as base64, or the HTML fragment's text */
  | { ok: true; base64?: string; text?: string }
  /** the errors in the tables (export again with force to export all the same) */
  | { ok: false; blockers: { rule: string; message: string; range: Range }[] }
  /** this server cannot write that format (the web has no Word writer) */
  | { ok: false; unavailable: string };

/** Result of govReport/compare: the comparison, or why there is none (no report of the year before found: the client offers a choice). */
export type CompareAnswer = { ok: true; comparison: Comparison } | { ok: false; message: string };

/** Result of govReport/sum. */
export interface SumAnswer {
  result: SumResult;
  /** reports that could not be read */
  unreadable: string[];
  /** for a report without tables: the edit that writes the sums into it */
  edit?: { changes: Record<string, { range: Range; newText: string }[]> };
  /** for a report with tables: where it differs from the sum */
  differences?: { name: string; mine: number | null; sum: number; range: Range }[];
}

/**
 * Bytes → base64 and back, for the bytes our requests carry (a published file to read, a Word document
 * exported): in slices (no Buffer in a web worker; no call with millions of arguments).
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
}

/** base64 → bytes; throws when the text is not base64. */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** How a report is named in messages and lists: the last part of its URI, decoded. */
export function uriName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
