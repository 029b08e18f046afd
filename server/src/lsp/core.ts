/**
 * The language server's wiring: the only code that touches the LSP connection, thin. What it knows
 * lives in `state.ts`; when documents are checked and their problems published, in `checking.ts`;
 * each group of requests in `handlers/`. Everything they answer comes from `features/`, computed on
 * `check.analyze`. Independent of where it runs: Node (`server.ts`) and a browser's web worker
 * (`browserServer.ts`) give it a connection and a host.
 */
import { CodeActionKind, Connection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { IGNORE_COMMAND } from '../features/commands';
import { FIX_ALL_KIND } from '../features/fixAll';
import { SEMANTIC_LEGEND } from '../features/semanticTokens';
import { pickLocale } from '../i18n';
import { VERSION } from '../version';
import { Checking } from './checking';
import { registerCompare, registerExport } from './handlers/export';
import { registerLanguageFeatures } from './handlers/language';
import { registerPublished } from './handlers/published';
import { registerTables } from './handlers/tables';
import { registerWorkspace } from './handlers/workspace';
import type { ServerHost } from './host';
import { RawSettings, excludePatterns, readSettings } from './settings';
import { ServerState } from './state';

/** What a client may give at initialization. */
interface InitOptions {
  /** milliseconds to wait after a change before checking (0: check at once; tests) — wins over the setting */
  debounce?: number;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const state = new ServerState(host, {
    logError: (message) => connection.console.error(message),
    publishDiagnostics: (params) => void connection.sendDiagnostics(params),
  });
  new Checking(connection, state);

  let fixedDebounce: number | undefined;
  let canRegisterConfiguration = false;
  /** the client answers workspace/configuration (settings are pulled, not pushed) */
  let canPullConfiguration = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state.clientLocale = pickLocale(params.locale);
    const options = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof options.debounce === 'number' && options.debounce >= 0) fixedDebounce = options.debounce;
    state.settings = readSettings(undefined, state.clientLocale, fixedDebounce);
    canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    state.roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: state.settings.locale === 'zh' ? '政府信息公开年报' : 'Annual report' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['第'] },
        selectionRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        executeCommandProvider: { commands: host.recordIgnore ? [IGNORE_COMMAND] : [] },
      },
      serverInfo: { name: 'gov-annual-report-server', version: VERSION },
    };
  });

  /** Settings pulled from the client (workspace/configuration): applied, every open report checked again. */
  async function pullSettings(): Promise<void> {
    const [raw, exclude] = (await connection.workspace.getConfiguration([{ section: 'govReport' }, { section: 'files.exclude' }])) as [RawSettings, unknown];
    // files.exclude: what workspace scans leave out (the patterns set to true)
    host.setExclude?.(excludePatterns(exclude));
    state.applySettings(readSettings(raw, state.clientLocale, fixedDebounce));
  }

  connection.onInitialized(() => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canPullConfiguration) void pullSettings();
  });

  connection.onDidChangeConfiguration((params) => {
    // pulled when the client can answer (the pushed value may be null); else what was pushed
    if (canPullConfiguration) void pullSettings();
    else state.applySettings(readSettings((params.settings as { govReport?: RawSettings } | null | undefined)?.govReport, state.clientLocale, fixedDebounce));
  });

  registerLanguageFeatures(connection, state);
  registerTables(connection, state);
  registerExport(connection, state);
  registerCompare(connection, state);
  registerPublished(connection, state);
  registerWorkspace(connection, state);

  state.documents.listen(connection);
  connection.listen();
}
