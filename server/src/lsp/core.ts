/**
 * The language server: the only code that touches the LSP connection.
 * Everything it answers comes from `features/`, computed on `check.analyze`.
 * Independent of where it runs: Node (`server.ts`) and a browser's web worker
 * (`browserServer.ts`) give it a connection and a host.
 */
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalyzeOptions, RuleSetting, analysisSteps, analyze } from '../check';
import { SlicedRuns, Waiter } from './slicedRuns';
import { IGNORE_COMMAND, codeActions } from '../features/codeActions';
import { FIX_ALL_KIND } from '../features/fixAll';
import { completionsAt } from '../features/completion';
import { toDiagnostics } from '../features/diagnostics';
import { foldingRanges } from '../features/folding';
import { hoverAt } from '../features/hover';
import { selectionRangeAt } from '../features/selectionRanges';
import { SEMANTIC_LEGEND, semanticTokens } from '../features/semanticTokens';
import { documentSymbols } from '../features/symbols';
import { tableView } from '../features/tableView';
import { exportTables } from '../features/tablesExport';
import { canonicalText } from '../features/canonicalText';
import { tablesToCsv } from '../features/tablesCsv';
import { SumInput, sumTables } from '../features/sum';
import {
  CanonicalTextRequest,
  CheckStatus,
  CheckWorkspaceRequest,
  ExportTablesRequest,
  FileEncodingStatus,
  ListReportsRequest,
  PublishedRequest,
  PublishedText,
  ReadPublishedRequest,
  StatusNotification,
  SumAnswer,
  SumRequest,
  TablesRequest,
  WorkspaceCheck,
  publishedTextUri,
  uriName,
} from './protocol';
import { looksLikeReport } from '../parse/detect';
import { LineIndex } from '../parse/text';
import { insertSums, sumDifferences } from '../features/sumCompare';
import { Locale, pickLocale } from '../i18n';
import { VERSION } from '../version';
import type { ConfigProblem, ServerHost } from './host';
import { ReportIdentity, findPrevious, previousYear } from '../crossYear';
import type { PreviousYear, Report } from '../model/report';

export function startServer(connection: Connection, host: ServerHost): void {
  interface InitOptions {
    /** milliseconds to wait after a change before checking (0: check at once) */
    debounce?: number;
  }

  const documents = new TextDocuments(TextDocument);

  let locale: Locale = 'zh';
  /** the language of VS Code's interface, used when govReport.messageLanguage is "auto" */
  let clientLocale: Locale = 'zh';
  /** govReport.enable and govReport.run */
  let enabled = true;
  let runOnType = true;
  /** govReport.rules: rules turned off or given another severity */
  let ruleSettings: Record<string, RuleSetting> = {};
  const RULE_SETTINGS = new Set(['off', 'error', 'warning', 'information', 'hint']);
  /** the workspace folders (URIs) */
  let roots: string[] = [];
  let debounceMs = 200;
  /** documents longer than this (characters) are checked on save only */
  let maxFileSize = 2_000_000;
  /** debounce given by the client at initialization (tests set 0): it wins over the setting */
  let debounceFixed = false;
  let canConfigure = false;
  /** the client answers workspace/configuration (settings are pulled, not pushed) */
  let canPullConfiguration = false;

  /** One analysis per document version: every request on the same version shares it. */
  const cache = new Map<string, { version: number; analysis: Analysis }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** the version whose diagnostics were last sent, per document */
  const sent = new Map<string, number>();

  /** How a document is checked: the team's file first, the editor's govReport.rules on top; its ignored problems. */
  function optionsFor(uri: string): AnalyzeOptions {
    const fromFiles = host.documentConfig(uri);
    if (fromFiles.error) configProblem(fromFiles.error);
    const options: AnalyzeOptions = { ruleSettings: { ...(fromFiles.rules ?? {}), ...ruleSettings } };
    if (fromFiles.ignore && fromFiles.ignore.length > 0) options.ignore = fromFiles.ignore;
    return options;
  }

  /** Project files that could not be used, by URI: what was said on each (as a diagnostic in it). */
  const configProblems = new Map<string, string>();

  /** A project file could not be used: said once, where it is wrong, in the file itself. */
  function configProblem(problem: ConfigProblem): void {
    const message = `${problem.message[locale]}${locale === 'zh' ? '；按默认设置检查' : '; checked with the default settings'}`;
    if (configProblems.get(problem.uri) === message) return;
    configProblems.set(problem.uri, message);
    const at = problem.at ?? { line: 0, character: 0 };
    void connection.sendDiagnostics({
      uri: problem.uri,
      diagnostics: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, severity: 1, code: 'config', source: '政府信息公开年报', message }],
    });
  }

  /** Configuration changed on disk (or by us): every open report is checked again at once. */
  function configChanged(): void {
    // what was said of project files: said again below if they are still wrong
    for (const uri of configProblems.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] });
    configProblems.clear();
    host.forgetConfig();
    cache.clear();
    for (const doc of documents.all()) schedule(doc.uri, true);
  }

  /** How long a check works before it gives way to the events queued meanwhile (ms). */
  const SLICE_MS = 20;

  /** Analyses kept: the most recently used documents (others are re-checked on request, in about a millisecond). */
  const CACHE_LIMIT = 16;

  /** Which documents were checked against which report of the year before: a change there re-checks them. */
  const dependents = new Map<string, Set<string>>();
  /** Analyses of last-year reports that are not open, by URI (forgotten when report files change). */
  const closedReports = new Map<string, Analysis>();

  /** Requests waiting for the index of the workspace's reports. */
  const indexWaiters: (() => void)[] = [];

  /** The index of the workspace's reports is there: check the open reports again (some may have a last year now). */
  function indexReady(): void {
    const index = host.reportIndex?.(roots, indexReady) ?? [];
    for (const doc of documents.all()) {
      // only the reports that now have a last year's report to be compared with
      const report = cache.get(doc.uri)?.analysis.report;
      if (report && !findPrevious(report.agency, report.year, index.filter((c) => c.uri !== doc.uri))) continue;
      cache.delete(doc.uri);
      schedule(doc.uri, true);
    }
    for (const w of indexWaiters.splice(0)) w();
  }

  /** The index of the workspace's reports, once it is built. */
  async function reportIndexNow(): Promise<ReportIdentity[]> {
    if (!host.reportIndex) return [];
    for (;;) {
      const index = host.reportIndex(roots, indexReady);
      if (index) return index;
      await new Promise<void>((resolve) => indexWaiters.push(resolve));
    }
  }

  function previousOf(uri: string, report: Report): PreviousYear | undefined {
    for (const set of dependents.values()) set.delete(uri);
    if (!host.reportIndex || !uri.startsWith('file:')) return undefined;
    const { agency, year } = report;
    if (!agency || year === undefined) return undefined;
    let candidates: ReportIdentity[];
    try {
      const index = host.reportIndex(roots, indexReady);
      if (!index) return undefined; // being built: the documents are checked again once it is there
      candidates = index.filter((c) => c.uri !== uri);
    } catch {
      return undefined;
    }
    // open documents count with what they say now
    for (const d of documents.all()) {
      if (d.uri === uri) continue;
      const known = cache.get(d.uri)?.analysis.report;
      if (known) candidates = [...candidates.filter((c) => c.uri !== d.uri), { uri: d.uri, agency: known.agency, year: known.year }];
    }
    const found = findPrevious(agency, year, candidates);
    if (!found) return undefined;
    let before: Analysis | undefined;
    const open = documents.get(found.uri);
    if (open) before = analysisOf(open);
    else {
      before = closedReports.get(found.uri);
      if (!before && host.readReport) {
        try {
          before = analyze(host.readReport(found.uri));
          closedReports.set(found.uri, before);
        } catch {
          return undefined;
        }
      }
    }
    if (!before) return undefined;
    let set = dependents.get(found.uri);
    if (!set) dependents.set(found.uri, (set = new Set()));
    set.add(uri);
    return previousYear(before, found.uri, uriName(found.uri));
  }

  /** A report changed (edited, or on disk): the documents checked against it are checked again. */
  function recheckDependents(uri: string): void {
    // a copy: checking a dependent registers it again, and a Set visits what is added while iterating
    for (const dependent of [...(dependents.get(uri) ?? [])]) {
      if (!documents.get(dependent)) continue;
      cache.delete(dependent);
      schedule(dependent, false);
    }
  }

  /**
   * The analysis the editor's features use: none for a document over govReport.maxFileSize (checked on
   * save only) but the one made at its last save, while it is unchanged since.
   */
  function featureAnalysis(doc: TextDocument): Analysis | undefined {
    if (doc.getText().length <= maxFileSize) return analysisOf(doc);
    const hit = cache.get(doc.uri);
    return hit && hit.version === doc.version ? hit.analysis : undefined;
  }

  /** The analysis of a document's current version, made now if it is not there. */
  function analysisOf(doc: TextDocument): Analysis {
    const hit = cached(doc.uri, doc.version);
    if (hit) return hit;
    const started = performance.now();
    const analysis = analyze(doc.getText(), analyzeOptions(doc.uri));
    remember(doc, doc.version, analysis, performance.now() - started);
    return analysis;
  }

  /** The analysis of this version when it is there (then the most recently used). */
  function cached(uri: string, version: number): Analysis | undefined {
    const hit = cache.get(uri);
    if (!hit || hit.version !== version) return undefined;
    cache.delete(uri);
    cache.set(uri, hit);
    return hit.analysis;
  }

  /**
   * How a document's next version is checked: with its options, against the same agency's report of
   * the year before when the workspace has it, and given the analysis it replaces (its tables moved
   * where the text moved them) unless a report checked against this one still holds it. That analysis
   * is no longer anyone's: it leaves the cache here, before the check starts.
   */
  function analyzeOptions(uri: string): AnalyzeOptions {
    const hit = cache.get(uri);
    const prior = hit && !dependents.get(uri)?.size ? hit.analysis : undefined;
    if (prior) cache.delete(uri);
    return { ...optionsFor(uri), previous: (report) => previousOf(uri, report), prior };
  }

  /** An analysis made: kept for its version unless a later version's is there already, or the document closed. */
  function remember(doc: TextDocument, version: number, analysis: Analysis, ms: number | undefined): void {
    const uri = doc.uri;
    for (const f of analysis.failures) {
      connection.console.error(`rule ${f.rule} failed on ${uri}: ${f.error instanceof Error ? f.error.stack : String(f.error)}`);
    }
    const hit = cache.get(uri);
    if ((hit && hit.version > version) || documents.get(uri) !== doc) return;
    if (ms !== undefined) lastDuration.set(uri, ms);
    cache.delete(uri);
    cache.set(uri, { version, analysis });
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }

  /** Checks made in slices: a long one gives way to edits and cancellations between its steps. */
  const runs = new SlicedRuns<Analysis>(() => host.yieldToEvents(), SLICE_MS);

  /**
   * The analysis of a document's current version, made in slices when it is not there; undefined
   * when every one waiting for it was cancelled first (`waiter`: this caller's cancellation).
   */
  async function analysisSoon(doc: TextDocument, waiter: Waiter): Promise<Analysis | undefined> {
    const { uri, version } = doc;
    const hit = cached(uri, version);
    if (hit) return hit;
    const text = doc.getText();
    const made = () => (documents.get(uri) === doc && cache.get(uri)?.version === version ? cache.get(uri)!.analysis : undefined);
    const result = await runs.run(`${openingOf(doc)} ${version}`, () => analysisSteps(text, analyzeOptions(uri)), waiter, made);
    if (result && result.ms !== undefined) remember(doc, version, result.value, result.ms);
    return result?.value;
  }

  /** Each opening of a document, numbered (a document closed and opened again starts at version 1 again). */
  const openings = new WeakMap<TextDocument, number>();
  let openingCount = 0;
  function openingOf(doc: TextDocument): number {
    let n = openings.get(doc);
    if (n === undefined) openings.set(doc, (n = ++openingCount));
    return n;
  }

  /** A note on a document too large to check on every keystroke. */
  function sizeNote(doc: TextDocument) {
    const mb = (doc.getText().length / 1_000_000).toFixed(1);
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3 as const,
      code: 'size-limit',
      source: '政府信息公开年报',
      message:
        locale === 'zh'
          ? `文档较大（${mb} 百万字符，超过 govReport.maxFileSize），为保持编辑流畅，只在保存时检查。`
          : `This document is large (${mb} M characters, above govReport.maxFileSize): it is checked on save only.`,
    };
  }

  /**
   * How each open report file is encoded on disk, when that is worth saying: not plain UTF-8, or not
   * what the editor read (found when it is opened and saved; the editor decodes what it shows itself).
   */
  const encodings = new Map<string, FileEncodingStatus>();

  function noteEncoding(doc: TextDocument): void {
    encodings.delete(doc.uri);
    const found = host.fileEncoding?.(doc.uri);
    if (!found) return;
    const status: FileEncodingStatus = { encoding: found.encoding, bom: found.bom };
    if (found.badLines) status.badLines = found.badLines;
    // the editor shows replacement characters where the file, read in its own encoding, has none
    if (found.encoding !== 'utf-8' && !found.replaced && doc.getText().includes('\uFFFD')) status.mismatch = true;
    if (found.encoding !== 'utf-8' || found.badLines) encodings.set(doc.uri, status);
  }

  /** How long the last check of each document took (ms), for the status item. */
  const lastDuration = new Map<string, number>();

  function sendStatus(doc: TextDocument, state: CheckStatus['state'], analysis?: Analysis, version = doc.version): void {
    const count = (s: string) => analysis?.problems.filter((p) => p.severity === s).length ?? 0;
    const status: CheckStatus = {
      uri: doc.uri,
      version,
      state,
      errors: count('error'),
      warnings: count('warning'),
      others: count('information') + count('hint'),
      ignored: analysis?.ignored.length ?? 0,
    };
    const ms = lastDuration.get(doc.uri);
    if (analysis && ms !== undefined) status.ms = Math.round(ms * 100) / 100;
    const encoding = encodings.get(doc.uri);
    if (encoding) status.encoding = encoding;
    void connection.sendNotification(StatusNotification, status);
  }

  /**
   * Checks a document and publishes its problems. A long check gives way to edits between its steps;
   * one that a newer version made pointless is dropped (the newer version's check is scheduled).
   */
  async function validate(uri: string, onSave = false): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    if (!enabled) {
      sent.set(uri, doc.version);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      sendStatus(doc, 'disabled');
      return;
    }
    const large = doc.getText().length > maxFileSize;
    if (large && !onSave) {
      sent.set(uri, doc.version);
      const previous = cache.get(uri);
      const kept = previous ? toDiagnostics(previous.analysis, locale, uri) : [];
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [sizeNote(doc), ...kept] });
      sendStatus(doc, 'sizeLimit', previous?.analysis);
      return;
    }
    const version = doc.version;
    sent.set(uri, version);
    // a check on typing is pointless once the document moved on (the next version's check is
    // scheduled); a check on save (a large document's only one, or govReport.run = onSave) is not
    const closed = () => documents.get(uri) !== doc;
    const superseded = () => closed() || (runOnType && !onSave && doc.version !== version);
    const analysis = await analysisSoon(doc, { get isCancellationRequested() { return superseded(); } });
    if (!analysis || superseded()) return;
    const diagnostics = toDiagnostics(analysis, locale, uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: large ? [sizeNote(doc), ...diagnostics] : diagnostics });
    sendStatus(doc, large ? 'sizeLimit' : 'checked', analysis, version);
  }

  function schedule(uri: string, immediate: boolean): void {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    if (immediate || debounceMs <= 0) {
      timers.delete(uri);
      void validate(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri);
      }, debounceMs),
    );
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = clientLocale = pickLocale(params.locale);
    const options = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof options.debounce === 'number' && options.debounce >= 0) {
      debounceMs = options.debounce;
      debounceFixed = true;
    }
    canConfigure = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: locale === 'zh' ? '政府信息公开年报' : 'Annual report' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['第'] },
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        executeCommandProvider: { commands: host.recordIgnore ? [IGNORE_COMMAND] : [] },
      },
      serverInfo: { name: 'gov-annual-report-server', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canPullConfiguration) void pullSettings();
  });

  function readRuleSettings(rules: unknown): Record<string, RuleSetting> {
    const next: Record<string, RuleSetting> = {};
    if (rules && typeof rules === 'object') {
      for (const [id, v] of Object.entries(rules as Record<string, unknown>)) if (typeof v === 'string' && RULE_SETTINGS.has(v)) next[id] = v as RuleSetting;
    }
    return next;
  }

  /** Applies new settings and re-checks every open report at once. */
  function applySettings(settings: { rules?: unknown; messageLanguage?: unknown; debounce?: unknown; maxFileSize?: unknown; enable?: unknown; run?: unknown } | undefined): void {
    ruleSettings = readRuleSettings(settings?.rules);
    enabled = settings?.enable !== false;
    runOnType = settings?.run !== 'onSave';
    if (!debounceFixed) debounceMs = typeof settings?.debounce === 'number' && settings.debounce >= 0 && settings.debounce <= 10_000 ? settings.debounce : 200;
    maxFileSize = typeof settings?.maxFileSize === 'number' && settings.maxFileSize > 0 ? settings.maxFileSize : 2_000_000;
    host.setMaxFileSize?.(maxFileSize);
    const language = settings?.messageLanguage;
    locale = language === 'zh' || language === 'en' ? language : clientLocale;
    cache.clear();
    for (const doc of documents.all()) schedule(doc.uri, true);
  }

  async function pullSettings(): Promise<void> {
    const settings = (await connection.workspace.getConfiguration('govReport')) as Parameters<typeof applySettings>[0];
    applySettings(settings);
  }

  /** Closed files the workspace check published diagnostics for. */
  const fromWorkspaceCheck = new Set<string>();

  /** A closed file the workspace check published diagnostics for was deleted or changed on disk: its diagnostics follow. */
  function republishClosed(uri: string, deleted: boolean): void {
    let diagnostics: Diagnostic[] = [];
    if (deleted) fromWorkspaceCheck.delete(uri);
    else if (host.readReport) {
      try {
        diagnostics = toDiagnostics(analyze(host.readReport(uri), optionsFor(uri)), locale, uri);
      } catch {
        // unreadable now (or gone after all): nothing to say about it
      }
    }
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  // a .govreportrc.json changed: every report re-checks with it at once
  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes ?? [];
    if (changes.length === 0 || changes.some((c) => c.uri.endsWith('/.govreportrc.json'))) configChanged();
    const reports = changes.filter((c) => !c.uri.endsWith('/.govreportrc.json'));
    if (reports.length > 0) {
      // a report file changed on disk: it may be (or have become) last year's report of an open one
      host.forgetReports?.();
      for (const c of reports) closedReports.delete(c.uri);
      cache.clear();
      for (const doc of documents.all()) schedule(doc.uri, true);
      // what the workspace check said of a closed file: gone with the file, checked again when it changed
      for (const c of reports) if (fromWorkspaceCheck.has(c.uri) && !documents.get(c.uri)) republishClosed(c.uri, c.type === FileChangeType.Deleted);
    }
  });

  connection.onExecuteCommand((params) => {
    if (params.command !== IGNORE_COMMAND || !host.recordIgnore) return null;
    const arg = (params.arguments ?? [])[0] as { uri?: unknown; rule?: unknown; at?: unknown } | undefined;
    if (!arg || typeof arg.uri !== 'string' || !arg.uri.startsWith('file:') || typeof arg.rule !== 'string' || typeof arg.at !== 'string') {
      connection.console.error(`${IGNORE_COMMAND}: expected { uri, rule, at }`);
      return null;
    }
    let file: string;
    try {
      file = host.recordIgnore(arg.uri, { rule: arg.rule, at: arg.at }, roots);
    } catch (e) {
      void connection.window.showErrorMessage(`.govreportrc.json: ${(e as Error).message}`);
      return null;
    }
    configChanged();
    return { file };
  });

  connection.onDidChangeConfiguration((params) => {
    // Pull when the client can answer (the pushed value may be null); else take what was pushed.
    if (canPullConfiguration) void pullSettings();
    else applySettings((params.settings as { govReport?: Parameters<typeof applySettings>[0] } | undefined)?.govReport);
  });

  documents.onDidOpen((e) => {
    noteEncoding(e.document);
    schedule(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => {
    // reports checked against this one (it is their last year's report) follow its edits
    recheckDependents(e.document.uri);
    // didOpen also reports its content as a change: it was checked already.
    if (sent.get(e.document.uri) === e.document.version) return;
    if (!runOnType) return; // govReport.run = onSave
    schedule(e.document.uri, false);
  });
  documents.onDidSave((e) => {
    // saved in another encoding: the status item says so (a check of the same version is the one cached)
    const before = JSON.stringify(encodings.get(e.document.uri));
    noteEncoding(e.document);
    if (JSON.stringify(encodings.get(e.document.uri)) !== before && runOnType && e.document.getText().length <= maxFileSize) schedule(e.document.uri, true);
    if (e.document.getText().length > maxFileSize) {
      cache.delete(e.document.uri);
      void validate(e.document.uri, true);
    } else if (!runOnType) void validate(e.document.uri);
  });
  documents.onDidClose((e) => {
    // closed, it counts with what is on disk again
    closedReports.delete(e.document.uri);
    recheckDependents(e.document.uri);
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    sent.delete(e.document.uri);
    lastDuration.delete(e.document.uri);
    encodings.delete(e.document.uri);
    fromWorkspaceCheck.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /**
   * Lets the events queued meanwhile (edits, cancellations) through before a request's analysis, and
   * answers a request the client cancelled meanwhile as cancelled (LSP RequestCancelled).
   */
  async function whenCurrent(token: CancellationToken): Promise<void> {
    if (!token.isCancellationRequested) await host.yieldToEvents();
    if (token.isCancellationRequested) throw cancelled();
  }

  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

  /**
   * The analysis a request on a document answers from (none for a document over govReport.maxFileSize
   * but the one of its last save while it is unchanged): made in slices when it is not there, and the
   * request answered as cancelled when the client cancelled it before or while it was made.
   */
  async function requestAnalysis(uri: string, token: CancellationToken): Promise<Analysis | undefined> {
    await whenCurrent(token);
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const analysis = doc.getText().length <= maxFileSize ? await analysisSoon(doc, token) : cached(uri, doc.version);
    if (token.isCancellationRequested) throw cancelled();
    return analysis;
  }

  connection.onDocumentSymbol(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    return analysis ? documentSymbols(analysis, locale) : [];
  });

  connection.onFoldingRanges(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    return analysis ? foldingRanges(analysis) : [];
  });

  connection.languages.semanticTokens.on(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    return analysis ? semanticTokens(analysis) : { data: [] };
  });

  connection.onSelectionRanges(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    if (!analysis) return [];
    return params.positions.map((p) => selectionRangeAt(analysis, analysis.lineIndex.offsetAt(p)));
  });

  connection.onCompletion(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    if (!analysis) return [];
    return completionsAt(analysis, analysis.lineIndex.offsetAt(params.position), locale);
  });

  connection.onHover(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    if (!analysis) return null;
    return hoverAt(analysis, analysis.lineIndex.offsetAt(params.position), locale) ?? null;
  });

  connection.onCodeAction(async (params, token) => {
    const analysis = await requestAnalysis(params.textDocument.uri, token);
    if (!analysis) return [];
    return codeActions(analysis, params.textDocument.uri, params.range, locale, params.context.only, optionsFor(params.textDocument.uri), !!host.recordIgnore);
  });

  /** A report file as it was published → its report text (the client shows it as a report document). */
  connection.onRequest(ReadPublishedRequest, async (params: PublishedRequest | undefined): Promise<PublishedText> => {
    if (!host.readPublished || typeof params?.data !== 'string' || typeof params.name !== 'string') {
      return { ok: false, message: locale === 'zh' ? '这里不能读取此类文件。' : 'Files of this kind cannot be read here.' };
    }
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(params.data), (c) => c.charCodeAt(0));
    } catch {
      return { ok: false, message: 'govReport/readPublished: data is not base64' };
    }
    const r = await host.readPublished(bytes, params.name);
    if (!r.ok) return { ok: false, message: r.refusal.message[locale] };
    const answer: PublishedText = { ok: true, text: r.read.text, form: r.read.form };
    if (r.read.origins.some((o) => o.page !== undefined)) {
      // the line each page starts at
      const index = new LineIndex(r.read.text);
      answer.pages = r.read.origins.filter((o) => o.page !== undefined).map((o) => ({ line: index.positionAt(o.offset).line, page: o.page! }));
    }
    return answer;
  });

  /** An open report's text with its fully read tables in the national layout (to save as an editable report). */
  connection.onRequest(CanonicalTextRequest, (params: { uri?: string } | undefined) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return null;
    const analysis = analysisOf(doc);
    return canonicalText(analysis.text, analysis.report);
  });

  /** The table view's grids for a document (null when it is not open). */
  connection.onRequest(TablesRequest, (params: { uri?: string } | undefined) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    const analysis = doc && featureAnalysis(doc);
    return analysis ? tableView(analysis, locale) : null;
  });

  /** The tables of a report as --tables JSON or CSV (the export command). */
  connection.onRequest(ExportTablesRequest, (params: { uri?: string; format?: string } | undefined) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return null;
    const name = uriName(doc.uri);
    const exported = exportTables(analysisOf(doc).report, name);
    return params?.format === 'csv' ? tablesToCsv([exported]) : JSON.stringify(exported, null, 2) + '\n';
  });

  /** The reports the workspace has (for choosing what to sum), with their agency and year. */
  connection.onRequest(ListReportsRequest, async () => {
    const found = new Map<string, ReportIdentity>();
    try {
      for (const r of await reportIndexNow()) found.set(r.uri, r);
    } catch {
      // no index: the open reports only
    }
    for (const d of documents.all()) {
      const report = analysisOf(d).report;
      found.set(d.uri, { uri: d.uri, agency: report.agency, year: report.year });
    }
    return [...found.values()];
  });

  /**
   * 汇总 for a report: the sum of the reports given; for a report without tables, the edit that writes
   * the sums into it; for one with tables, where it differs from the sum.
   */
  connection.onRequest(SumRequest, (params: { uri?: string; uris?: unknown } | undefined) => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    const inputs: SumInput[] = [];
    const unreadable: string[] = [];
    for (const u of Array.isArray(params?.uris) ? params.uris.filter((x): x is string => typeof x === 'string') : []) {
      const open = documents.get(u);
      const name = uriName(u);
      try {
        const a = open ? analysisOf(open) : host.readReport ? analyze(host.readReport(u)) : undefined;
        if (a) inputs.push({ file: name, tables: exportTables(a.report, name) });
        else unreadable.push(name);
      } catch {
        unreadable.push(name);
      }
    }
    const mine = doc ? analysisOf(doc) : undefined;
    const result = sumTables(inputs, mine?.report.year);
    const answer: SumAnswer = { result, unreadable };
    if (doc && mine && result.included.length > 0) {
      const t = mine.report.tables;
      if (!t.table2 && !t.table3 && !t.table4) {
        answer.edit = { changes: { [doc.uri]: insertSums(mine, result.tables).map((e) => ({ range: mine.lineIndex.rangeOf(e.span), newText: e.newText })) } };
      } else {
        answer.differences = sumDifferences(mine, result.tables).map((d) => ({ name: d.name, mine: d.mine, sum: d.sum, range: mine.lineIndex.rangeOf(d.span) }));
      }
    }
    return answer;
  });


  /**
   * Checks every report in the workspace folders and publishes their diagnostics (open
   * documents keep theirs). Gives way after each file, so that typing in an open report
   * is checked as usual meanwhile; cancellable from the request and from the progress.
   */
  connection.onRequest(CheckWorkspaceRequest, async (...args: unknown[]): Promise<WorkspaceCheck> => {
    // the token comes last: a client that sends parameters anyway has them passed first
    const token = args[args.length - 1] as CancellationToken;
    const progress = await connection.window.createWorkDoneProgress();
    const zh = locale === 'zh';
    progress.begin(zh ? '检查工作区中的年报' : 'Checking the reports in the workspace', 0, '', true);
    const stop = () => token.isCancellationRequested || progress.token.isCancellationRequested;
    const found = host.workspaceReports?.(roots) ?? { uris: [], unreadable: [] };
    const files = found.uris;
    const result: WorkspaceCheck = { files: 0, errors: 0, warnings: 0, unreadable: [...found.unreadable] };
    /** A report checked: counted, and its problems published when the editor does not have it open. */
    const counted = (uri: string, analysis: Analysis, publish: boolean): void => {
      result.files++;
      result.errors += analysis.problems.filter((p) => p.severity === 'error').length;
      result.warnings += analysis.problems.filter((p) => p.severity === 'warning').length;
      if (publish) {
        fromWorkspaceCheck.add(uri);
        void connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(analysis, locale, uri) });
      }
    };
    for (let k = 0; k < files.length; k++) {
      await host.yieldToEvents();
      if (stop()) {
        result.cancelled = true;
        break;
      }
      const uri = files[k]!;
      progress.report(Math.round((100 * k) / Math.max(1, files.length)), `${k + 1}/${files.length} ${uriName(uri)}`);
      const open = documents.get(uri);
      let analysis: Analysis;
      try {
        if (open) analysis = analysisOf(open);
        else if (host.readReport) {
          const text = host.readReport(uri);
          // over govReport.maxFileSize: not checked (as in the editor), named
          if (text.length > maxFileSize) {
            result.unreadable.push(`${uriName(uri)}: ${locale === 'zh' ? '超过 govReport.maxFileSize，未检查' : 'above govReport.maxFileSize, not checked'}`);
            continue;
          }
          analysis = analyze(text, optionsFor(uri));
        } else continue;
      } catch (e) {
        result.unreadable.push(decodeURIComponent(uri.replace(/^file:\/\//, '')));
        continue;
      }
      counted(uri, analysis, !open);
    }
    // reports as published (PDF, Word, web pages): their problems under their report text's URI
    const published = stop() ? [] : (host.workspacePublished?.(roots) ?? []);
    for (let k = 0; k < published.length && host.readPublishedFile; k++) {
      await host.yieldToEvents();
      if (stop()) {
        result.cancelled = true;
        break;
      }
      const file = published[k]!;
      progress.report(Math.round((100 * k) / Math.max(1, published.length)), `${k + 1}/${published.length} ${uriName(file)}`);
      const uri = publishedTextUri(file);
      const open = documents.get(uri);
      let analysis: Analysis;
      if (open) analysis = analysisOf(open);
      else {
        const read = await host.readPublishedFile(file).catch((e: unknown) => ({ ok: false as const, refusal: { reason: 'unsupported' as const, message: { zh: String(e), en: String(e) } } }));
        if (!read.ok) {
          // a page or a PDF that holds no report is no report; what cannot be read is named
          if (read.refusal.reason !== 'no-report' && read.refusal.reason !== 'pdf-no-text') result.unreadable.push(`${uriName(file)}: ${read.refusal.message[locale]}`);
          continue;
        }
        if (!looksLikeReport(read.read.text)) continue;
        analysis = analyze(read.read.text, optionsFor(file));
      }
      counted(uri, analysis, !open);
    }
    progress.done();
    return result;
  });

  documents.listen(connection);
  connection.listen();
}
