/**
 * The language client: starts the server, keeps it in step with the report
 * documents, settings and .govreportrc.json files, and gives VS Code the
 * server's diagnostics, code actions, hovers, completions, outline, folding,
 * selection ranges and semantic tokens. Written for this one server (a
 * general-purpose client is several times larger than the whole extension).
 */
import * as vscode from 'vscode';
import type * as lsp from 'vscode-languageserver-protocol';
import * as convert from './convert';
import { Connection, ResponseError } from './rpc';

export interface ClientOptions {
  /** starts the server (a Node process, or a web worker) and gives the connection to it */
  connect(log: (text: string) => void): Connection;
  languageId: string;
  /** name of the output channel and of error messages */
  name: string;
  /** the settings section pushed on change and pulled by the server */
  section: string;
  /** files whose changes the server hears of (project files, reports) */
  watch: vscode.FileSystemWatcher[];
  /** the server's own notifications (e.g. govReport/status), by method */
  notifications?: Record<string, (params: unknown) => void>;
}

type TraceLevel = 'off' | 'messages' | 'verbose';

/** A restart is attempted after a crash, unless the server crashed this often in the last three minutes. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export class ReportClient implements vscode.Disposable {
  private connection: Connection | undefined;
  /** the current connection has answered initialize and been told initialized: notifications may flow */
  private live = false;
  private readonly diagnostics: vscode.DiagnosticCollection;
  private readonly output: vscode.OutputChannel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private providers: vscode.Disposable[] = [];
  private readonly progress = new Map<string | number, { report: (v: { message?: string; increment?: number }) => void; done: () => void; last: number }>();
  private crashes: number[] = [];
  private stopping = false;
  private ready: Promise<void> | undefined;
  private capabilities: lsp.ServerCapabilities = {};

  constructor(private readonly options: ClientOptions) {
    this.diagnostics = vscode.languages.createDiagnosticCollection(options.section);
    this.output = vscode.window.createOutputChannel(options.name);
  }

  private get selector(): vscode.DocumentSelector {
    return [{ language: this.options.languageId }];
  }

  private isReport(doc: vscode.TextDocument): boolean {
    return doc.languageId === this.options.languageId;
  }

  private log(text: string): void {
    this.output.appendLine(`[${new Date().toLocaleTimeString()}] ${text}`);
  }

  private traceLevel(): TraceLevel {
    return vscode.workspace.getConfiguration(this.options.section).get<TraceLevel>('trace.server', 'off');
  }

  /** Starts the server; resolves once it is initialized and knows the open reports. */
  start(): Promise<void> {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.didOpen(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.didChange(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.didClose(doc)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.isReport(doc) && this.notify('textDocument/didSave', { textDocument: { uri: doc.uri.toString() } })),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(this.options.section)) this.notify('workspace/didChangeConfiguration', { settings: null });
      }),
      ...this.options.watch.flatMap((w) => [
        w,
        w.onDidCreate((uri) => this.fileChanged(uri, 1)),
        w.onDidChange((uri) => this.fileChanged(uri, 2)),
        w.onDidDelete((uri) => this.fileChanged(uri, 3)),
      ]),
    );
    return (this.ready = this.launch());
  }

  /**
   * A notification to the server, once it is initialized (LSP allows none before). What happens to
   * documents meanwhile is not lost: every open report is sent whole right after initialization.
   */
  private notify(method: string, params: unknown): void {
    if (this.live) this.connection?.notify(method, params);
  }

  private fileChanged(uri: vscode.Uri, type: 1 | 2 | 3): void {
    this.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri.toString(), type }] });
  }

  private async launch(): Promise<void> {
    const connection = this.options.connect((text) => this.output.append(text));
    this.connection = connection;
    connection.trace = (direction, message) => {
      const level = this.traceLevel();
      if (level === 'off') return;
      const what = message.method ?? `response ${String(message.id)}`;
      this.log(`${direction === 'send' ? '→' : '←'} ${what}${level === 'verbose' ? ' ' + JSON.stringify(message.params ?? message.result ?? message.error ?? null) : ''}`);
    };
    connection.onExit((code, signal) => this.exited(connection, code, signal));
    this.handleServerMessages(connection);

    const folders = vscode.workspace.workspaceFolders?.map((f) => ({ uri: f.uri.toString(), name: f.name })) ?? null;
    const result = await connection.request<lsp.InitializeResult>('initialize', {
      processId: typeof process !== 'undefined' ? process.pid : null,
      clientInfo: { name: vscode.env.appName, version: vscode.version },
      locale: vscode.env.language,
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: CLIENT_CAPABILITIES,
      trace: 'off',
    });
    this.capabilities = result?.capabilities ?? {};
    connection.notify('initialized', {});
    if (this.connection !== connection) return; // it stopped meanwhile
    this.live = true;
    this.registerProviders();
    for (const doc of vscode.workspace.textDocuments) this.didOpen(doc);
  }

  private handleServerMessages(connection: Connection): void {
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const params = p as lsp.PublishDiagnosticsParams;
      const uri = vscode.Uri.parse(params.uri);
      // diagnostics of a version the document has moved past are dropped: newer ones are on their way
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === params.uri);
      if (doc && params.version !== undefined && params.version !== null && params.version < doc.version) return;
      this.diagnostics.set(uri, params.diagnostics.map(convert.diagnostic));
    });
    connection.onNotification('window/logMessage', (p) => this.log((p as lsp.LogMessageParams).message));
    connection.onNotification('window/showMessage', (p) => {
      const { type, message } = p as { type: number; message: string };
      if (type === 1) void vscode.window.showErrorMessage(message);
      else if (type === 2) void vscode.window.showWarningMessage(message);
      else void vscode.window.showInformationMessage(message);
    });
    connection.onNotification('$/progress', (p) => this.onProgress(p as { token: string | number; value: ProgressValue }));
    connection.onNotification('telemetry/event', () => undefined);
    for (const [method, handler] of Object.entries(this.options.notifications ?? {})) connection.onNotification(method, handler);
    connection.onRequest('workspace/configuration', (p) => {
      const items = (p as { items: { scopeUri?: string; section?: string }[] }).items;
      return items.map((item) => {
        const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
        if (!item.section) return null;
        // a plain copy: settings objects are proxies, which a web worker's postMessage cannot clone
        const value = vscode.workspace.getConfiguration(undefined, scope).get(item.section);
        return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
      });
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', (p) => {
      this.progress.set((p as { token: string | number }).token, { report: () => undefined, done: () => undefined, last: 0 });
      return null;
    });
    connection.onRequest('workspace/applyEdit', async (p) => {
      const applied = await vscode.workspace.applyEdit(convert.workspaceEdit((p as { edit: lsp.WorkspaceEdit }).edit));
      return { applied };
    });
  }

  private onProgress(p: { token: string | number; value: ProgressValue }): void {
    const entry = this.progress.get(p.token);
    if (!entry) return;
    const v = p.value;
    if (v.kind === 'begin') {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: v.title, cancellable: !!v.cancellable },
        (progress, cancel) =>
          new Promise<void>((resolve) => {
            cancel.onCancellationRequested(() => this.connection?.notify('window/workDoneProgress/cancel', { token: p.token }));
            entry.report = (r) => progress.report(r);
            entry.done = resolve;
            if (v.message !== undefined || v.percentage !== undefined) {
              entry.report({ message: v.message, increment: v.percentage ?? 0 });
              entry.last = v.percentage ?? 0;
            }
          }),
      );
    } else if (v.kind === 'report') {
      const increment = v.percentage !== undefined ? Math.max(0, v.percentage - entry.last) : undefined;
      if (v.percentage !== undefined) entry.last = v.percentage;
      entry.report({ message: v.message, increment });
    } else {
      entry.done();
      this.progress.delete(p.token);
    }
  }

  private exited(connection: Connection, code: number | null, signal: string | null): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.live = false;
    for (const p of this.providers) p.dispose();
    this.providers = [];
    for (const entry of this.progress.values()) entry.done();
    this.progress.clear();
    if (this.stopping) return;
    this.log(`the language server stopped (${signal ?? `exit code ${code}`})`);
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      const zh = vscode.env.language.toLowerCase().startsWith('zh');
      void vscode.window.showErrorMessage(
        zh ? `${this.options.name}：语言服务器在三分钟内崩溃了 ${MAX_RESTARTS + 1} 次，不再重启。详情见输出面板。` : `${this.options.name}: the language server crashed ${MAX_RESTARTS + 1} times in three minutes and will not be restarted. See the Output panel.`,
      );
      return;
    }
    this.diagnostics.clear();
    this.ready = this.launch().catch((e) => this.log(`restart failed: ${String(e)}`));
  }

  private didOpen(doc: vscode.TextDocument): void {
    if (!this.isReport(doc)) return;
    this.notify('textDocument/didOpen', {
      textDocument: { uri: doc.uri.toString(), languageId: doc.languageId, version: doc.version, text: doc.getText() },
    });
  }

  private didChange(e: vscode.TextDocumentChangeEvent): void {
    if (!this.isReport(e.document) || e.contentChanges.length === 0) return;
    this.notify('textDocument/didChange', {
      textDocument: { uri: e.document.uri.toString(), version: e.document.version },
      contentChanges: e.contentChanges.map((c) => ({ range: convert.toRange(c.range), rangeLength: c.rangeLength, text: c.text })),
    });
  }

  private didClose(doc: vscode.TextDocument): void {
    if (!this.isReport(doc)) return;
    this.notify('textDocument/didClose', { textDocument: { uri: doc.uri.toString() } });
    // diagnostics of a closed document go with it (the server also sends an empty list)
    this.diagnostics.delete(doc.uri);
  }

  /** A request on behalf of a provider: failures are logged, and the provider answers nothing. */
  private async ask<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R | undefined> {
    const connection = this.connection;
    if (!connection) return undefined;
    try {
      return (await connection.request<R>(method, params, token)) ?? undefined;
    } catch (e) {
      if (!(e instanceof ResponseError && e.code === -32800)) this.log(`${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Sends a request of the server's own (govReport/…). */
  async sendRequest<R>(method: string, params?: unknown): Promise<R> {
    await this.ready;
    if (!this.connection) throw new Error('the language server is not running');
    return (await this.connection.request<R>(method, params)) as R;
  }

  private registerProviders(): void {
    const doc = (d: vscode.TextDocument) => ({ textDocument: { uri: d.uri.toString() } });
    const caps = this.capabilities;
    const selector = this.selector;
    const add = (d: vscode.Disposable) => this.providers.push(d);
    if (caps.codeActionProvider) {
      const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds ?? [] : [];
      add(
        vscode.languages.registerCodeActionsProvider(
          selector,
          {
            provideCodeActions: async (d, range, context, token) => {
              const params = {
                ...doc(d),
                range: convert.toRange(range),
                context: { diagnostics: context.diagnostics.map(convert.toDiagnostic), only: context.only ? [context.only.value] : undefined, triggerKind: context.triggerKind },
              };
              const actions = await this.ask<(lsp.CodeAction | lsp.Command)[]>('textDocument/codeAction', params, token);
              return actions?.map(convert.codeAction);
            },
          },
          { providedCodeActionKinds: kinds.map((k: string) => vscode.CodeActionKind.Empty.append(k)) },
        ),
      );
    }
    if (caps.hoverProvider) {
      add(
        vscode.languages.registerHoverProvider(selector, {
          provideHover: async (d, position, token) => {
            const h = await this.ask<lsp.Hover>('textDocument/hover', { ...doc(d), position: convert.toPosition(position) }, token);
            return h ? convert.hover(h) : undefined;
          },
        }),
      );
    }
    if (caps.completionProvider) {
      add(
        vscode.languages.registerCompletionItemProvider(
          selector,
          {
            provideCompletionItems: async (d, position, token, context) => {
              const r = await this.ask<lsp.CompletionItem[] | lsp.CompletionList>(
                'textDocument/completion',
                { ...doc(d), position: convert.toPosition(position), context: { triggerKind: context.triggerKind + 1, triggerCharacter: context.triggerCharacter } },
                token,
              );
              return r ? convert.completionList(r) : undefined;
            },
          },
          ...(caps.completionProvider.triggerCharacters ?? []),
        ),
      );
    }
    if (caps.documentSymbolProvider) {
      const label = typeof caps.documentSymbolProvider === 'object' ? caps.documentSymbolProvider.label : undefined;
      add(
        vscode.languages.registerDocumentSymbolProvider(
          selector,
          {
            provideDocumentSymbols: async (d, token) => (await this.ask<lsp.DocumentSymbol[]>('textDocument/documentSymbol', doc(d), token))?.map(convert.documentSymbol),
          },
          label ? { label } : undefined,
        ),
      );
    }
    if (caps.foldingRangeProvider) {
      add(
        vscode.languages.registerFoldingRangeProvider(selector, {
          provideFoldingRanges: async (d, _context, token) => (await this.ask<lsp.FoldingRange[]>('textDocument/foldingRange', doc(d), token))?.map(convert.foldingRange),
        }),
      );
    }
    if (caps.selectionRangeProvider) {
      add(
        vscode.languages.registerSelectionRangeProvider(selector, {
          provideSelectionRanges: async (d, positions, token) =>
            (await this.ask<lsp.SelectionRange[]>('textDocument/selectionRange', { ...doc(d), positions: positions.map(convert.toPosition) }, token))?.map(convert.selectionRange),
        }),
      );
    }
    // the server's own commands (e.g. "ignore this problem here" from a code action) run on the server
    for (const command of caps.executeCommandProvider?.commands ?? []) {
      add(vscode.commands.registerCommand(command, (...args: unknown[]) => this.ask('workspace/executeCommand', { command, arguments: args })));
    }
    const semantic = caps.semanticTokensProvider;
    if (semantic) {
      const legend = new vscode.SemanticTokensLegend(semantic.legend.tokenTypes, semantic.legend.tokenModifiers);
      add(
        vscode.languages.registerDocumentSemanticTokensProvider(
          selector,
          {
            provideDocumentSemanticTokens: async (d, token) => {
              const r = await this.ask<lsp.SemanticTokens>('textDocument/semanticTokens/full', doc(d), token);
              return r ? new vscode.SemanticTokens(new Uint32Array(r.data), r.resultId) : undefined;
            },
          },
          legend,
        ),
      );
    }
  }

  /** Stops the server (shutdown, exit) and forgets its diagnostics. */
  async stop(): Promise<void> {
    this.stopping = true;
    const connection = this.connection;
    this.connection = undefined;
    this.live = false;
    for (const p of this.providers) p.dispose();
    this.providers = [];
    if (connection) await connection.stop();
    this.diagnostics.clear();
  }

  dispose(): void {
    void this.stop();
    for (const s of this.subscriptions) s.dispose();
    this.diagnostics.dispose();
    this.output.dispose();
  }
}

type ProgressValue =
  | { kind: 'begin'; title: string; message?: string; percentage?: number; cancellable?: boolean }
  | { kind: 'report'; message?: string; percentage?: number }
  | { kind: 'end'; message?: string };

/** What this client can do, as the server is told at initialization. */
const CLIENT_CAPABILITIES: lsp.ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true, showMessage: {} },
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: false },
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    executeCommand: {},
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], preselectSupport: true }, contextSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true, labelSupport: true },
    foldingRange: { lineFoldingOnly: true },
    selectionRange: {},
    semanticTokens: {
      requests: { full: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
  },
};
