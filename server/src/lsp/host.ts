/**
 * What the language server needs from where it runs. In Node (the desktop and
 * code-server) that is the file system: .govreportrc.json, the reports of the
 * workspace; in a browser's web worker there is none of it and the server checks
 * the open documents only.
 */
import type { RuleSetting } from '../check';
import type { IgnoredProblem } from '../ignore';
import type { ReportIdentity } from '../crossYear';
import type { ReadResult } from '../read/types';
import type { TextEncodingName } from '../read/decode';
import type { Publication } from '../features/publication';

export interface DocumentConfig {
  /** rule settings from the project file */
  rules?: Record<string, RuleSetting>;
  /** problems ignored in this document */
  ignore?: IgnoredProblem[];
  /** the project file that applies here could not be used: which, why, and where in it */
  error?: ConfigProblem;
}

/** Why a project file (.govreportrc.json) was not used. */
export interface ConfigProblem {
  /** its URI */
  uri: string;
  message: { zh: string; en: string };
  /** where in it (0-based), when known */
  at?: { line: number; character: number };
}

export interface ServerHost {
  /** What the project files say about a document (nothing for a document not on disk). */
  documentConfig(uri: string): DocumentConfig;
  /** A project file changed: forget what was read. */
  forgetConfig(): void;
  /** Records an ignored problem for a document; returns the file written. Throws with a readable message. Absent where nothing can be written. */
  recordIgnore?(uri: string, problem: IgnoredProblem, rootUris: readonly string[]): string;
  /** The reports under the workspace folders (by content; files.exclude honoured), and the paths that could not be read. Absent without a file system. */
  workspaceReports?(rootUris: readonly string[]): Promise<{ uris: string[]; unreadable: string[] }>;
  /** The text of a report that is not open. */
  readReport?(uri: string): string;
  /**
   * The reports of the workspace with their agency and year (from their titles), for the cross-year
   * rules; kept up to date as files change (reportsChanged). Built in the background the first time (a large workspace
   * must not hold up a keystroke): undefined until then, and `ready` is called once it is there.
   */
  reportIndex?(rootUris: readonly string[], ready: () => void): ReportIdentity[] | undefined;
  /** Forgets the index of the workspace's reports: it is built again when next asked for. */
  forgetReports?(): void;
  /** Files changed on disk: the index follows each one (read again, or dropped), without being built again. */
  reportsChanged?(changes: readonly { uri: string; deleted: boolean }[]): void;
  /** VS Code's files.exclude (the patterns set to true): what workspace scans leave out. */
  setExclude?(patterns: readonly string[]): void;
  /** The files under the workspace folders in published forms (PDF, Word, web pages), not yet known to be reports. */
  workspacePublished?(rootUris: readonly string[]): Promise<string[]>;
  /** Reads a published file of the workspace (by its file URI). */
  readPublishedFile?(uri: string): Promise<ReadResult>;
  /** Reads a report file in the form it was published in (web page, Word, PDF where the host can). */
  readPublished?(bytes: Uint8Array, name: string): Promise<ReadResult>;
  /** A report as a Word document's bytes (in Node the writer is loaded on the first call). */
  writeDocx?(pub: Publication): Promise<Uint8Array>;
  /** govReport.maxFileSize (characters): workspace scans skip files that cannot be under it. */
  setMaxFileSize?(chars: number): void;
  /**
   * How a report file on disk is encoded, decided by evidence over its bytes as the command line decides
   * it (undefined: not a file here, or larger than any report can be).
   */
  fileEncoding?(uri: string): { encoding: TextEncodingName; bom: boolean; badLines?: number[]; replaced: boolean } | undefined;
  /** Resolves once other pending events (edits, cancellations) have had their turn. */
  yieldToEvents(): Promise<void>;
  /** Where errors about project files go. */
  logError?(message: string): void;
}
