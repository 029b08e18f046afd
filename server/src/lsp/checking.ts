/**
 * Checking open documents: when (at once on open, debounced on typing, on save for large documents
 * or govReport.run = onSave), publishing their diagnostics, and the status of each check
 * (govReport/status, for the language status items).
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../check';
import { toDiagnostics } from '../features/diagnostics';
import { CheckStatus, StatusNotification } from './protocol';
import type { ServerState } from './state';

export class Checking {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** the version whose diagnostics were last sent, per document */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
  ) {
    state.onStale = (uri, immediate) => this.schedule(uri, immediate);
    const documents = state.documents;
    documents.onDidOpen((e) => {
      state.noteEncoding(e.document);
      this.schedule(e.document.uri, true);
    });
    documents.onDidChangeContent((e) => {
      // reports checked against this one (it is their last year's report) follow its edits
      state.recheckDependents(e.document.uri);
      // didOpen also reports its content as a change: it was checked already
      if (this.sent.get(e.document.uri) === e.document.version) return;
      if (!state.settings.runOnType) return; // govReport.run = onSave
      this.schedule(e.document.uri, false);
    });
    documents.onDidSave((e) => {
      const large = e.document.getText().length > state.settings.maxFileSize;
      // saved in another encoding: the status item says so (a check of the same version is the one cached)
      if (state.noteEncoding(e.document) && state.settings.runOnType && !large) this.schedule(e.document.uri, true);
      if (large) void this.validate(e.document.uri, true);
      else if (!state.settings.runOnType) void this.validate(e.document.uri);
    });
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      const pending = this.timers.get(uri);
      if (pending) clearTimeout(pending);
      this.timers.delete(uri);
      this.sent.delete(uri);
      state.closed(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  }

  /** Checks a document at once, or after the debounce. */
  schedule(uri: string, immediate: boolean): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const debounce = this.state.settings.debounceMs;
    if (immediate || debounce <= 0) {
      this.timers.delete(uri);
      void this.validate(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, debounce),
    );
  }

  /**
   * Checks a document and publishes its problems. A long check gives way to edits between its steps;
   * one that a newer version made pointless is dropped (the newer version's check is scheduled).
   */
  async validate(uri: string, onSave = false): Promise<void> {
    const { state, connection } = this;
    const doc = state.documents.get(uri);
    if (!doc) return;
    const locale = state.settings.locale;
    if (!state.settings.enabled) {
      this.sent.set(uri, doc.version);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
      this.sendStatus(doc, 'disabled');
      return;
    }
    const large = doc.getText().length > state.settings.maxFileSize;
    if (large && !onSave) {
      this.sent.set(uri, doc.version);
      const previous = state.lastAnalysis(uri);
      const kept = previous ? toDiagnostics(previous, locale, uri) : [];
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [this.sizeNote(doc), ...kept] });
      this.sendStatus(doc, 'sizeLimit', previous);
      return;
    }
    const version = doc.version;
    this.sent.set(uri, version);
    // a check on typing is pointless once the document moved on (the next version's check is
    // scheduled); a check on save (a large document's only one, or govReport.run = onSave) is not
    const closed = () => state.documents.get(uri) !== doc;
    const superseded = () => closed() || (state.settings.runOnType && !onSave && doc.version !== version);
    const analysis = await state.analysisSoon(doc, {
      get isCancellationRequested() {
        return superseded();
      },
    });
    if (!analysis || superseded()) return;
    const diagnostics = toDiagnostics(analysis, state.settings.locale, uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: large ? [this.sizeNote(doc), ...diagnostics] : diagnostics });
    this.sendStatus(doc, large ? 'sizeLimit' : 'checked', analysis, version);
  }

  /** A note on a document too large to check on every keystroke. */
  private sizeNote(doc: TextDocument) {
    const mb = (doc.getText().length / 1_000_000).toFixed(1);
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3 as const,
      code: 'size-limit',
      source: '政府信息公开年报',
      message:
        this.state.settings.locale === 'zh'
          ? `文档较大（${mb} 百万字符，超过 govReport.maxFileSize），为保持编辑流畅，只在保存时检查。`
          : `This document is large (${mb} M characters, above govReport.maxFileSize): it is checked on save only.`,
    };
  }

  private sendStatus(doc: TextDocument, state: CheckStatus['state'], analysis?: Analysis, version = doc.version): void {
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
    const ms = this.state.duration(doc.uri);
    if (analysis && ms !== undefined) status.ms = Math.round(ms * 100) / 100;
    const encoding = this.state.encodingOf(doc.uri);
    if (encoding) status.encoding = encoding;
    void this.connection.sendNotification(StatusNotification, status);
  }
}
