/** An open report for publication (a Word document, a web page's fragment) and beside last year's. */
import type { Connection } from 'vscode-languageserver';
import { exportHtml } from '../../features/exportHtml';
import { exportBlockers, publication } from '../../features/publication';
import { analyze } from '../../check';
import { previousYear } from '../../crossYear';
import { compareReports } from '../../features/compare';
import type { PreviousYear } from '../../model/report';
import { CompareAnswer, CompareRequest, ExportReportAnswer, ExportReportRequest, toBase64, uriName } from '../protocol';
import type { ServerState } from '../state';

export function registerExport(connection: Connection, state: ServerState): void {
  connection.onRequest(ExportReportRequest, async (params): Promise<ExportReportAnswer | null> => {
    const p = params as { uri?: unknown; format?: unknown; force?: unknown } | null | undefined;
    const doc = typeof p?.uri === 'string' ? state.documents.get(p.uri) : undefined;
    if (!doc || (p?.format !== 'docx' && p?.format !== 'html')) return null;
    const locale = state.settings.locale;
    const analysis = state.analysisOf(doc);
    if (p.force !== true) {
      const blockers = exportBlockers(analysis);
      if (blockers.length > 0) {
        return { ok: false, blockers: blockers.map((b) => ({ rule: b.rule, message: b.message[locale], range: analysis.lineIndex.rangeOf(b.span) })) };
      }
    }
    const pub = publication(analysis);
    if (p.format === 'html') return { ok: true, text: exportHtml(pub) };
    if (!state.host.writeDocx) {
      // (the web client's fallback server, run where no web worker can be made)
      return { ok: false, unavailable: locale === 'zh' ? '此处不能导出 Word 文档；请在桌面版 VS Code 中导出，或用 gov-report-lint --export docx。' : 'Word documents cannot be exported here; export in desktop VS Code, or with gov-report-lint --export docx.' };
    }
    return { ok: true, base64: toBase64(await state.host.writeDocx(pub)) };
  });
}

/** The comparison with last year's report: the one the cross-year checks found, or the one the client names. */
export function registerCompare(connection: Connection, state: ServerState): void {
  connection.onRequest(CompareRequest, async (params): Promise<CompareAnswer | null> => {
    const p = params as { uri?: unknown; previousUri?: unknown } | null | undefined;
    const doc = typeof p?.uri === 'string' ? state.documents.get(p.uri) : undefined;
    if (!doc) return null;
    const zh = state.settings.locale === 'zh';
    let previous: PreviousYear | undefined;
    if (typeof p?.previousUri === 'string' && p.previousUri !== doc.uri) {
      const open = state.documents.get(p.previousUri);
      try {
        const before = open ? state.analysisOf(open) : state.host.readReport ? analyze(state.host.readReport(p.previousUri)) : undefined;
        if (before) previous = previousYear(before, p.previousUri, uriName(p.previousUri));
      } catch {
        return { ok: false, message: zh ? `无法读取 ${uriName(p.previousUri)}。` : `Could not read ${uriName(p.previousUri)}.` };
      }
    } else {
      // the index of the workspace's reports first: until it is built, no report has its year before
      try {
        await state.reportIndex();
      } catch {
        // no index: the open reports only
      }
      previous = state.analysisOf(doc).report.previous;
    }
    if (!previous) {
      return { ok: false, message: zh ? '工作区中没有找到同一机关上一年度的年报（按标题中的机关与年度）。' : 'No report of the same agency for the year before was found in the workspace (by the agency and year in the titles).' };
    }
    return { ok: true, comparison: compareReports(state.analysisOf(doc), previous) };
  });
}
