/**
 * The workspace's files: checking every report in the workspace folders (govReport/checkWorkspace),
 * and following changes on disk — project files (.govreportrc.json) and reports.
 */
import { CancellationToken, Connection, FileChangeType } from 'vscode-languageserver';
import { Analysis, analyze } from '../../check';
import { toDiagnostics } from '../../features/diagnostics';
import { looksLikeReport } from '../../parse/detect';
import { CheckWorkspaceRequest, WorkspaceCheck, publishedTextUri, uriName } from '../protocol';
import type { ServerState } from '../state';

export function registerWorkspace(connection: Connection, state: ServerState): void {
  const { documents, host } = state;
  /** Closed files the workspace check published diagnostics for. */
  const fromWorkspaceCheck = new Set<string>();
  documents.onDidClose((e) => fromWorkspaceCheck.delete(e.document.uri));

  /** A closed file the workspace check published diagnostics for was deleted or changed on disk: its diagnostics follow. */
  function republishClosed(uri: string, deleted: boolean): void {
    let diagnostics: ReturnType<typeof toDiagnostics> = [];
    if (deleted) fromWorkspaceCheck.delete(uri);
    else if (host.readReport) {
      try {
        diagnostics = toDiagnostics(analyze(host.readReport(uri), state.optionsFor(uri)), state.settings.locale, uri);
      } catch {
        // unreadable now (or gone after all): nothing to say about it
      }
    }
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes ?? [];
    // a .govreportrc.json changed: every report re-checks with it at once
    if (changes.length === 0 || changes.some((c) => c.uri.endsWith('/.govreportrc.json'))) state.configChanged();
    const reports = changes.filter((c) => !c.uri.endsWith('/.govreportrc.json'));
    if (reports.length > 0) {
      // a report file changed on disk: it may be (or have become) last year's report of an open one
      state.reportsChanged(reports.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })));
      // what the workspace check said of a closed file: gone with the file, checked again when it changed
      for (const c of reports) if (fromWorkspaceCheck.has(c.uri) && !documents.get(c.uri)) republishClosed(c.uri, c.type === FileChangeType.Deleted);
    }
  });

  /**
   * Checks every report in the workspace folders and publishes their diagnostics (open
   * documents keep theirs). Gives way after each file, so that typing in an open report
   * is checked as usual meanwhile; cancellable from the request and from the progress.
   */
  connection.onRequest(CheckWorkspaceRequest, async (...args: unknown[]): Promise<WorkspaceCheck> => {
    // the token comes last: a client that sends parameters anyway has them passed first
    const token = args[args.length - 1] as CancellationToken;
    const locale = state.settings.locale;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(locale === 'zh' ? '检查工作区中的年报' : 'Checking the reports in the workspace', 0, '', true);
    const stop = () => token.isCancellationRequested || progress.token.isCancellationRequested;
    const found = (await host.workspaceReports?.(state.roots)) ?? { uris: [], unreadable: [] };
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
        if (open) analysis = state.analysisOf(open);
        else if (host.readReport) {
          const text = host.readReport(uri);
          // over govReport.maxFileSize: not checked (as in the editor), named
          if (text.length > state.settings.maxFileSize) {
            result.unreadable.push(`${uriName(uri)}: ${locale === 'zh' ? '超过 govReport.maxFileSize，未检查' : 'above govReport.maxFileSize, not checked'}`);
            continue;
          }
          analysis = analyze(text, state.optionsFor(uri));
        } else continue;
      } catch {
        result.unreadable.push(decodeURIComponent(uri.replace(/^file:\/\//, '')));
        continue;
      }
      counted(uri, analysis, !open);
    }
    // reports as published (PDF, Word, web pages): their problems under their report text's URI
    const published = stop() ? [] : ((await host.workspacePublished?.(state.roots)) ?? []);
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
      if (open) analysis = state.analysisOf(open);
      else {
        const read = await host.readPublishedFile(file).catch((e: unknown) => ({ ok: false as const, refusal: { reason: 'unsupported' as const, message: { zh: String(e), en: String(e) } } }));
        if (!read.ok) {
          // a page or a PDF that holds no report is no report; what cannot be read is named
          if (read.refusal.reason !== 'no-report' && read.refusal.reason !== 'pdf-no-text') result.unreadable.push(`${uriName(file)}: ${read.refusal.message[locale]}`);
          continue;
        }
        if (!looksLikeReport(read.read.text)) continue;
        analysis = analyze(read.read.text, state.optionsFor(file));
      }
      counted(uri, analysis, !open);
    }
    progress.done();
    return result;
  });
}
