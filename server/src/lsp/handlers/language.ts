/**
 * The language features on a report document: outline, folding, semantic tokens, selection ranges,
 * completion, hover, code actions, and the "ignore this problem here" command they offer.
 */
import type { Connection } from 'vscode-languageserver';
import { codeActions } from '../../features/codeActions';
import { IGNORE_COMMAND } from '../../features/commands';
import { completionsAt } from '../../features/completion';
import { foldingRanges } from '../../features/folding';
import { hoverAt } from '../../features/hover';
import { selectionRangeAt } from '../../features/selectionRanges';
import { semanticTokens } from '../../features/semanticTokens';
import { documentSymbols } from '../../features/symbols';
import { requestAnalysis } from '../requests';
import type { ServerState } from '../state';

export function registerLanguageFeatures(connection: Connection, state: ServerState): void {
  const locale = () => state.settings.locale;

  connection.onDocumentSymbol(async (params, token) => {
    const analysis = await requestAnalysis(state, params.textDocument.uri, token);
    return analysis ? documentSymbols(analysis, locale()) : [];
  });

  connection.onFoldingRanges(async (params, token) => {
    const analysis = await requestAnalysis(state, params.textDocument.uri, token);
    return analysis ? foldingRanges(analysis) : [];
  });

  connection.languages.semanticTokens.on(async (params, token) => {
    const analysis = await requestAnalysis(state, params.textDocument.uri, token);
    return analysis ? semanticTokens(analysis) : { data: [] };
  });

  connection.onSelectionRanges(async (params, token) => {
    const analysis = await requestAnalysis(state, params.textDocument.uri, token);
    if (!analysis) return [];
    return params.positions.map((p) => selectionRangeAt(analysis, analysis.lineIndex.offsetAt(p)));
  });

  connection.onCompletion(async (params, token) => {
    const analysis = await requestAnalysis(state, params.textDocument.uri, token);
    if (!analysis) return [];
    return completionsAt(analysis, analysis.lineIndex.offsetAt(params.position), locale());
  });

  connection.onHover(async (params, token) => {
    const analysis = await requestAnalysis(state, params.textDocument.uri, token);
    if (!analysis) return null;
    return hoverAt(analysis, analysis.lineIndex.offsetAt(params.position), locale()) ?? null;
  });

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    const analysis = await requestAnalysis(state, uri, token);
    if (!analysis) return [];
    return codeActions(analysis, uri, params.range, locale(), params.context.only, state.optionsFor(uri), !!state.host.recordIgnore);
  });

  connection.onExecuteCommand((params) => {
    const host = state.host;
    if (params.command !== IGNORE_COMMAND || !host.recordIgnore) return null;
    const arg = (params.arguments ?? [])[0] as { uri?: unknown; rule?: unknown; at?: unknown } | undefined;
    if (!arg || typeof arg.uri !== 'string' || !arg.uri.startsWith('file:') || typeof arg.rule !== 'string' || typeof arg.at !== 'string') {
      connection.console.error(`${IGNORE_COMMAND}: expected { uri, rule, at }`);
      return null;
    }
    let file: string;
    try {
      file = host.recordIgnore(arg.uri, { rule: arg.rule, at: arg.at }, state.roots);
    } catch (e) {
      void connection.window.showErrorMessage(`.govreportrc.json: ${(e as Error).message}`);
      return null;
    }
    state.configChanged();
    return { file };
  });
}
