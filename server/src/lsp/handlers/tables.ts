/** The tables of open reports: the table view's grids, their export (--tables JSON or CSV), and 汇总 over the workspace's reports. */
import type { Connection } from 'vscode-languageserver';
import { analyze } from '../../check';
import type { ReportIdentity } from '../../crossYear';
import { SumInput, sumTables } from '../../features/sum';
import { insertSums, sumDifferences } from '../../features/sumCompare';
import { tableView } from '../../features/tableView';
import { tablesToCsv } from '../../features/tablesCsv';
import { exportTables } from '../../features/tablesExport';
import { ExportTablesRequest, ListReportsRequest, SumAnswer, SumRequest, TablesRequest, uriName } from '../protocol';
import type { ServerState } from '../state';

export function registerTables(connection: Connection, state: ServerState): void {
  const { documents } = state;
  /** the open document a request names, if any (requests come from anywhere: nothing about them is assumed) */
  const openDoc = (params: unknown) => {
    const uri = (params as { uri?: unknown } | null | undefined)?.uri;
    return typeof uri === 'string' ? documents.get(uri) : undefined;
  };

  /** The table view's grids for a document (null when it is not open). */
  connection.onRequest(TablesRequest, (params) => {
    const doc = openDoc(params);
    const analysis = doc && state.featureAnalysis(doc);
    return analysis ? tableView(analysis, state.settings.locale) : null;
  });

  /** The tables of a report as --tables JSON or CSV (the export command). */
  connection.onRequest(ExportTablesRequest, (params) => {
    const doc = openDoc(params);
    if (!doc) return null;
    const name = uriName(doc.uri);
    const exported = exportTables(state.analysisOf(doc).report, name);
    return (params as { format?: unknown } | null)?.format === 'csv' ? tablesToCsv([exported]) : JSON.stringify(exported, null, 2) + '\n';
  });

  /** The reports the workspace has (for choosing what to sum), with their agency and year. */
  connection.onRequest(ListReportsRequest, async () => {
    const found = new Map<string, ReportIdentity>();
    try {
      for (const r of await state.reportIndex()) found.set(r.uri, r);
    } catch {
      // no index: the open reports only
    }
    for (const d of documents.all()) {
      const report = state.analysisOf(d).report;
      found.set(d.uri, { uri: d.uri, agency: report.agency, year: report.year });
    }
    return [...found.values()];
  });

  /**
   * 汇总 for a report: the sum of the reports given; for a report without tables, the edit that writes
   * the sums into it; for one with tables, where it differs from the sum.
   */
  connection.onRequest(SumRequest, (params) => {
    const doc = openDoc(params);
    const uris = (params as { uris?: unknown } | null | undefined)?.uris;
    const inputs: SumInput[] = [];
    const unreadable: string[] = [];
    for (const u of Array.isArray(uris) ? uris.filter((x): x is string => typeof x === 'string') : []) {
      const open = documents.get(u);
      const name = uriName(u);
      try {
        const a = open ? state.analysisOf(open) : state.host.readReport ? analyze(state.host.readReport(u)) : undefined;
        if (a) inputs.push({ file: name, tables: exportTables(a.report, name) });
        else unreadable.push(name);
      } catch {
        unreadable.push(name);
      }
    }
    const mine = doc ? state.analysisOf(doc) : undefined;
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
}
