/**
 * What the language server knows between messages: the open documents and their analyses, the
 * settings, the workspace folders and the index of their reports, the reports of the year before that
 * open ones are checked against, and what it said about project files and encodings. Handlers read and
 * change it through these methods; they never touch each other's state.
 *
 * Invariants:
 * - INV-1 One analysis per document version: every request and the check of the same version share it
 *   (`cache`, the 16 most recently used documents; others are checked again on request, in about a ms).
 * - INV-2 A check given the analysis it replaces (`prior`) equals a check from cold. That analysis is
 *   no longer anyone's once the check starts: it leaves the cache then (a dropped check leaves nothing
 *   half-moved behind), and it is never given while a report checked against it as its year before
 *   (`dependents`) still holds it.
 * - INV-3 A check that gives way (`SlicedRuns`, 20 ms slices) is one per document opening and version,
 *   dropped once all who wait for it are cancelled; what it makes is kept only for the document it was
 *   made for, and never over a later version's analysis.
 * - INV-4 Whatever changes how a document is checked (settings, a project file, last year's report,
 *   the index) forgets its analysis and schedules its check (`onStale`).
 */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { Analysis, AnalyzeOptions, analysisSteps, analyze } from '../check';
import { ReportIdentity, findPrevious, previousYear } from '../crossYear';
import type { PreviousYear, Report } from '../model/report';
import type { ConfigProblem, ServerHost } from './host';
import type { FileEncodingStatus } from './protocol';
import { uriName } from './protocol';
import { Settings, defaultSettings } from './settings';
import { SlicedRuns, Waiter } from './slicedRuns';

/** How long a check works before it gives way to the events queued meanwhile (ms). */
const SLICE_MS = 20;
/** Analyses kept: the most recently used documents. */
const CACHE_LIMIT = 16;

/** What the state needs of the connection: a log, and publishing diagnostics (of project files). */
export interface StateOutput {
  logError(message: string): void;
  publishDiagnostics(params: PublishDiagnosticsParams): void;
}

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  settings: Settings = defaultSettings('zh');
  /** the language of VS Code's interface, for govReport.messageLanguage "auto" */
  clientLocale: Settings['locale'] = 'zh';
  /** the workspace folders (URIs) */
  roots: string[] = [];
  /** a document's check is due again (its analysis was forgotten): set by the wiring to schedule it */
  onStale: (uri: string, immediate: boolean) => void = () => undefined;

  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly runs: SlicedRuns<Analysis>;
  /** how long the last check of each document took (ms), for the status item */
  private readonly durations = new Map<string, number>();
  /** each opening of a document, numbered (a document closed and opened again starts at version 1 again) */
  private readonly openings = new WeakMap<TextDocument, number>();
  private openingCount = 0;
  /** which documents were checked against which report of the year before: a change there re-checks them */
  private readonly dependents = new Map<string, Set<string>>();
  /** analyses of last-year reports that are not open, by URI (forgotten when report files change) */
  private readonly closedReports = new Map<string, Analysis>();
  /** requests waiting for the index of the workspace's reports */
  private readonly indexWaiters: (() => void)[] = [];
  /** project files that could not be used, by URI: what was said on each (a diagnostic in it) */
  private readonly configProblems = new Map<string, string>();
  /** how each open report file is encoded on disk, when that is worth saying */
  private readonly encodings = new Map<string, FileEncodingStatus>();

  constructor(
    readonly host: ServerHost,
    private readonly out: StateOutput,
  ) {
    this.runs = new SlicedRuns<Analysis>(() => host.yieldToEvents(), SLICE_MS);
  }

  // ---- settings and project files ------------------------------------------------------------

  /** New settings: every open report is checked again at once (INV-4). */
  applySettings(settings: Settings): void {
    // told of every change of configuration: the same settings check nothing again
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return;
    this.settings = settings;
    this.host.setMaxFileSize?.(settings.maxFileSize);
    this.cache.clear();
    this.recheckAll();
  }

  /** How a document is checked: the team's file first, the editor's govReport.rules on top; its ignored problems. */
  optionsFor(uri: string): AnalyzeOptions {
    const fromFiles = this.host.documentConfig(uri);
    if (fromFiles.error) this.configProblem(fromFiles.error);
    const options: AnalyzeOptions = { ruleSettings: { ...(fromFiles.rules ?? {}), ...this.settings.rules } };
    if (fromFiles.ignore && fromFiles.ignore.length > 0) options.ignore = fromFiles.ignore;
    return options;
  }

  /** A project file could not be used: said once, where it is wrong, in the file itself. */
  private configProblem(problem: ConfigProblem): void {
    const zh = this.settings.locale === 'zh';
    const message = `${problem.message[this.settings.locale]}${zh ? '；按默认设置检查' : '; checked with the default settings'}`;
    if (this.configProblems.get(problem.uri) === message) return;
    this.configProblems.set(problem.uri, message);
    const at = problem.at ?? { line: 0, character: 0 };
    const diagnostic: Diagnostic = { range: { start: at, end: { line: at.line, character: at.character + 1 } }, severity: 1, code: 'config', source: '政府信息公开年报', message };
    this.out.publishDiagnostics({ uri: problem.uri, diagnostics: [diagnostic] });
  }

  /** A project file changed on disk (or was written by "ignore here"): every open report is checked again with it. */
  configChanged(): void {
    // what was said of project files: said again as the reports are checked, if they are still wrong
    for (const uri of this.configProblems.keys()) this.out.publishDiagnostics({ uri, diagnostics: [] });
    this.configProblems.clear();
    this.host.forgetConfig();
    this.cache.clear();
    this.recheckAll();
  }

  /** Report files changed on disk: any may be (or have become) last year's report of an open one. */
  reportsChanged(changes: readonly { uri: string; deleted: boolean }[]): void {
    // the index follows each file (not built again for one change)
    if (this.host.reportsChanged) this.host.reportsChanged(changes);
    else this.host.forgetReports?.();
    for (const c of changes) this.closedReports.delete(c.uri);
    this.cache.clear();
    this.recheckAll();
  }

  private recheckAll(): void {
    for (const doc of this.documents.all()) this.onStale(doc.uri, true);
  }

  // ---- analyses (INV-1, INV-2, INV-3) -----------------------------------------------------------

  /** The analysis of a document's current version, made now if it is not there. */
  analysisOf(doc: TextDocument): Analysis {
    const hit = this.cached(doc.uri, doc.version);
    if (hit) return hit;
    const started = performance.now();
    const analysis = analyze(doc.getText(), this.analyzeOptions(doc.uri));
    this.remember(doc, doc.version, analysis, performance.now() - started);
    return analysis;
  }

  /** The analysis of this version when it is there (then the most recently used). */
  cached(uri: string, version: number): Analysis | undefined {
    const hit = this.cache.get(uri);
    if (!hit || hit.version !== version) return undefined;
    this.cache.delete(uri);
    this.cache.set(uri, hit);
    return hit.analysis;
  }

  /** The last analysis of a document, whatever its version (a large document keeps the one of its last save). */
  lastAnalysis(uri: string): Analysis | undefined {
    return this.cache.get(uri)?.analysis;
  }

  /**
   * The analysis the editor's features use: none for a document over govReport.maxFileSize (checked on
   * save only) but the one made at its last save, while it is unchanged since.
   */
  featureAnalysis(doc: TextDocument): Analysis | undefined {
    if (doc.getText().length <= this.settings.maxFileSize) return this.analysisOf(doc);
    return this.cached(doc.uri, doc.version);
  }

  /**
   * The analysis of a document's current version, made in slices when it is not there; undefined
   * when every one waiting for it was cancelled first (`waiter`: this caller's cancellation).
   */
  async analysisSoon(doc: TextDocument, waiter: Waiter): Promise<Analysis | undefined> {
    const { uri, version } = doc;
    const hit = this.cached(uri, version);
    if (hit) return hit;
    const text = doc.getText();
    const made = () => (this.documents.get(uri) === doc ? this.cached(uri, version) : undefined);
    const result = await this.runs.run(`${this.openingOf(doc)} ${version}`, () => analysisSteps(text, this.analyzeOptions(uri)), waiter, made);
    if (result && result.ms !== undefined) this.remember(doc, version, result.value, result.ms);
    return result?.value;
  }

  /** How long the last check of a document took (ms). */
  duration(uri: string): number | undefined {
    return this.durations.get(uri);
  }

  /**
   * How a document's next version is checked: with its options, against the same agency's report of
   * the year before when the workspace has it, and given the analysis it replaces (INV-2).
   */
  private analyzeOptions(uri: string): AnalyzeOptions {
    const hit = this.cache.get(uri);
    const prior = hit && !this.dependents.get(uri)?.size ? hit.analysis : undefined;
    if (prior) this.cache.delete(uri);
    return { ...this.optionsFor(uri), previous: (report) => this.previousOf(uri, report), prior };
  }

  /** An analysis made: kept for its version unless a later version's is there already, or the document closed. */
  private remember(doc: TextDocument, version: number, analysis: Analysis, ms: number): void {
    const uri = doc.uri;
    for (const f of analysis.failures) this.out.logError(`rule ${f.rule} failed on ${uri}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`);
    const hit = this.cache.get(uri);
    if ((hit && hit.version > version) || this.documents.get(uri) !== doc) return;
    this.durations.set(uri, ms);
    this.cache.delete(uri);
    this.cache.set(uri, { version, analysis });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }

  private openingOf(doc: TextDocument): number {
    let n = this.openings.get(doc);
    if (n === undefined) this.openings.set(doc, (n = ++this.openingCount));
    return n;
  }

  /** A document closed: what was known of it goes; closed, it counts with what is on disk again. */
  closed(uri: string): void {
    this.closedReports.delete(uri);
    this.recheckDependents(uri);
    this.cache.delete(uri);
    this.durations.delete(uri);
    this.encodings.delete(uri);
  }

  // ---- the year before (cross-year rules) ----------------------------------------------------------

  /** The index of the workspace's reports is there: the open reports that now have a last year are checked again. */
  private indexReady = (): void => {
    const index = this.host.reportIndex?.(this.roots, this.indexReady) ?? [];
    for (const doc of this.documents.all()) {
      const report = this.cache.get(doc.uri)?.analysis.report;
      if (report && !findPrevious(report.agency, report.year, index.filter((c) => c.uri !== doc.uri))) continue;
      this.cache.delete(doc.uri);
      this.onStale(doc.uri, true);
    }
    for (const w of this.indexWaiters.splice(0)) w();
  };

  /** The index of the workspace's reports, once it is built. */
  async reportIndex(): Promise<ReportIdentity[]> {
    if (!this.host.reportIndex) return [];
    for (;;) {
      const index = this.host.reportIndex(this.roots, this.indexReady);
      if (index) return index;
      await new Promise<void>((resolve) => this.indexWaiters.push(resolve));
    }
  }

  private previousOf(uri: string, report: Report): PreviousYear | undefined {
    for (const set of this.dependents.values()) set.delete(uri);
    const host = this.host;
    if (!host.reportIndex || !uri.startsWith('file:')) return undefined;
    const { agency, year } = report;
    if (!agency || year === undefined) return undefined;
    let candidates: ReportIdentity[];
    try {
      const index = host.reportIndex(this.roots, this.indexReady);
      if (!index) return undefined; // being built: the documents are checked again once it is there
      candidates = index.filter((c) => c.uri !== uri);
    } catch {
      return undefined;
    }
    // open documents count with what they say now
    for (const d of this.documents.all()) {
      if (d.uri === uri) continue;
      const known = this.cache.get(d.uri)?.analysis.report;
      if (known) candidates = [...candidates.filter((c) => c.uri !== d.uri), { uri: d.uri, agency: known.agency, year: known.year }];
    }
    const found = findPrevious(agency, year, candidates);
    if (!found) return undefined;
    let before: Analysis | undefined;
    const open = this.documents.get(found.uri);
    if (open) before = this.analysisOf(open);
    else {
      before = this.closedReports.get(found.uri);
      if (!before && host.readReport) {
        try {
          before = analyze(host.readReport(found.uri));
          this.closedReports.set(found.uri, before);
        } catch {
          return undefined;
        }
      }
    }
    if (!before) return undefined;
    let set = this.dependents.get(found.uri);
    if (!set) this.dependents.set(found.uri, (set = new Set()));
    set.add(uri);
    return previousYear(before, found.uri, uriName(found.uri));
  }

  /** A report changed (edited, or on disk): the documents checked against it are checked again. */
  recheckDependents(uri: string): void {
    // a copy: checking a dependent registers it again, and a Set visits what is added while iterating
    for (const dependent of [...(this.dependents.get(uri) ?? [])]) {
      if (!this.documents.get(dependent)) continue;
      this.cache.delete(dependent);
      this.onStale(dependent, false);
    }
  }

  // ---- encodings ------------------------------------------------------------------------------

  /**
   * How an open report file is encoded on disk, found when it is opened and saved (the editor decodes
   * what it shows itself): kept when worth saying — not plain UTF-8, or not what the editor read.
   * Returns whether what is said changed.
   */
  noteEncoding(doc: TextDocument): boolean {
    const before = JSON.stringify(this.encodings.get(doc.uri));
    this.encodings.delete(doc.uri);
    const found = this.host.fileEncoding?.(doc.uri);
    if (found) {
      const status: FileEncodingStatus = { encoding: found.encoding, bom: found.bom };
      if (found.badLines) status.badLines = found.badLines;
      // the editor shows replacement characters where the file, read in its own encoding, has none
      if (found.encoding !== 'utf-8' && !found.replaced && doc.getText().includes('\uFFFD')) status.mismatch = true;
      if (found.encoding !== 'utf-8' || found.badLines) this.encodings.set(doc.uri, status);
    }
    return JSON.stringify(this.encodings.get(doc.uri)) !== before;
  }

  encodingOf(uri: string): FileEncodingStatus | undefined {
    return this.encodings.get(uri);
  }
}
