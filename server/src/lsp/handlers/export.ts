/** Export of an open report for publication: a Word document or a web page's fragment. */
import type { Connection } from 'vscode-languageserver';
import { exportHtml } from '../../features/exportHtml';
import { exportBlockers, publication } from '../../features/publication';
import { ExportReportAnswer, ExportReportRequest } from '../protocol';
import type { ServerState } from '../state';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
      return { ok: false, unavailable: locale === 'zh' ? '网页版不能导出 Word 文档；请在桌面版 VS Code 中导出，或用 gov-report-lint --export docx。' : 'The web version cannot export Word documents; export in desktop VS Code, or with gov-report-lint --export docx.' };
    }
    return { ok: true, base64: base64(await state.host.writeDocx(pub)) };
  });
}
