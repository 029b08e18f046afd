/**
 * Just enough of the `vscode` module to activate the extension outside VS Code, for timing its
 * activation (require + start the server + initialize, through vscode-languageclient). What the
 * extension reads is written out below; everything else the language client touches (the classes it
 * extends, its enums, registrations, events) is a stand-in that accepts anything and does nothing.
 * Settings give their defaults.
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

/**
 * A stand-in for whatever is asked of it: a class to extend or construct, a function to call (an
 * event to listen to, a registration), an object to read from; every result is a stand-in too, and
 * each is disposable.
 */
function standIn(name: string): unknown {
  const target = function () {} as unknown as Record<string | symbol, unknown>;
  const cache = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    get(t, key) {
      if (key === 'dispose') return () => undefined;
      if (key === 'prototype') return (t as { prototype: unknown }).prototype;
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'then') return undefined; // not a promise
      if (!cache.has(key)) cache.set(key, standIn(`${name}.${String(key)}`));
      return cache.get(key);
    },
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`) as object,
  });
}

/** The module with stand-ins for what is not written out. */
function withStandIns<T extends object>(known: T, name: string): T {
  return new Proxy(known, {
    get(t, key) {
      if (key in t) {
        const v = (t as Record<string | symbol, unknown>)[key];
        return v && typeof v === 'object' && !Array.isArray(v) ? withStandIns(v as object, `${name}.${String(key)}`) : v;
      }
      if (key === 'then') return undefined;
      return standIn(`${name}.${String(key)}`);
    },
  });
}

const known = {
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
    // what the client logs as an error is shown (a failed activation must not pass for a fast one)
    createOutputChannel: () => withStandIns({ error: (...a: unknown[]) => console.error('[output]', ...a), appendLine: () => undefined, append: () => undefined, dispose: () => undefined }, 'outputChannel'),
    registerCustomEditorProvider: () => disposable,
  },
  commands: { registerCommand: () => disposable },
};

export const fakeVscode = withStandIns(known, 'vscode');

/** Makes `require('vscode')` return the fake. */
export function installFakeVscode(): void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? fakeVscode : load(request, ...rest));
}
