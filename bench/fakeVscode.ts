/**
 * Just enough of the `vscode` module to activate the extension outside VS Code,
 * for timing its activation (require + start the server + initialize). Every
 * registration is a no-op; settings give their defaults.
 */
import Module from 'node:module';
import * as path from 'node:path';

interface FakeUri {
  fsPath: string;
  toString(): string;
}
const fileUri = (fsPath: string): FakeUri => ({ fsPath, toString: () => `file://${fsPath}` });

const disposable = { dispose: () => undefined };
const event = () => disposable;

class Position {
  constructor(readonly line: number, readonly character: number) {}
}
class Range {
  constructor(readonly start: Position, readonly end: Position) {}
}
class Kind {
  static Empty = new Kind('');
  static QuickFix = new Kind('quickfix');
  static SourceFixAll = new Kind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): Kind {
    return new Kind(this.value ? `${this.value}.${part}` : part);
  }
}

export const fakeVscode = {
  version: '1.100.0',
  env: { language: 'zh-cn', appName: 'bench' },
  Position,
  Range,
  CodeActionKind: Kind,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ProgressLocation: { Notification: 15 },
  EventEmitter: class {
    event = event;
    fire(): void {}
    dispose(): void {}
  },
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  SemanticTokensLegend: class {
    constructor(readonly tokenTypes: string[], readonly tokenModifiers: string[]) {}
  },
  Uri: { parse: (s: string) => ({ toString: () => s }), file: fileUri, joinPath: (base: FakeUri, ...parts: string[]) => fileUri(path.join(base.fsPath, ...parts)) },
  workspace: {
    textDocuments: [],
    workspaceFolders: undefined,
    onDidOpenTextDocument: event,
    onDidChangeTextDocument: event,
    onDidCloseTextDocument: event,
    onDidSaveTextDocument: event,
    onDidChangeConfiguration: event,
    getConfiguration: () => ({ get: (_k: string, d?: unknown) => d }),
    createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose: () => undefined }),
    registerTextDocumentContentProvider: () => disposable,
  },
  languages: {
    createDiagnosticCollection: () => ({ set: () => undefined, delete: () => undefined, clear: () => undefined, dispose: () => undefined }),
    setTextDocumentLanguage: async () => undefined,
    createLanguageStatusItem: () => ({ dispose: () => undefined }),
    registerCodeActionsProvider: () => disposable,
    registerHoverProvider: () => disposable,
    registerCompletionItemProvider: () => disposable,
    registerDocumentSymbolProvider: () => disposable,
    registerFoldingRangeProvider: () => disposable,
    registerSelectionRangeProvider: () => disposable,
    registerDocumentSemanticTokensProvider: () => disposable,
  },
  LanguageStatusSeverity: { Information: 0, Warning: 1, Error: 2 },
  window: {
    onDidChangeActiveTextEditor: event,
    activeTextEditor: undefined,
    createOutputChannel: () => ({ appendLine: () => undefined, append: () => undefined, dispose: () => undefined }),
    registerCustomEditorProvider: () => disposable,
  },
  commands: { registerCommand: () => disposable },
};

/** Makes `require('vscode')` return the fake. */
export function installFakeVscode(): void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? fakeVscode : load(request, ...rest));
}
