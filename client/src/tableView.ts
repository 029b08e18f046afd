/**
 * The table view: a webview beside the report showing its tables 二, 三 and 四 as
 * real grids (headers merged as the national format prints them), cells in error
 * highlighted with their equations on hover; a click selects the cell in the text.
 * It follows the active report and updates as the author types.
 *
 * Security: a strict Content-Security-Policy (nothing remote, no eval, script and
 * style only with a fresh nonce); the report's content reaches the page only as
 * data through postMessage and is written with textContent, never as HTML.
 */
import * as vscode from 'vscode';
import type { TableViewModel, ViewCell } from '../../server/src/lsp/protocol';
import { onDidChangeLanguage, t } from './language';
import { PageMessage, ReportPanel, revealPlace, webviewPage } from './webview';

/** What the page says it has drawn (read back from its DOM): for tests and the status of the view. */
export interface RenderedState {
  uri: string;
  title?: string;
  tables: { id: string; present: boolean; cells: number }[];
  flagged: { text: string; severity: string; note: string }[];
}

export class TableView extends ReportPanel<RenderedState> {
  static readonly viewType = 'govReport.tables';

  constructor(
    private readonly languageId: string,
    private readonly request: (uri: string) => Promise<TableViewModel | null>,
  ) {
    super(TableView.viewType, 250);
    this.subscriptions.push(
      // its words (and the tables' titles, which come from the server) follow govReport.messageLanguage
      onDidChangeLanguage(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.doc) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // follow the active report (other editors, and the view itself, leave it as it is)
        if (this.panel && editor && editor.document.languageId === this.languageId && editor.document !== this.doc) {
          this.doc = editor.document;
          void this.update();
        }
      }),
    );
  }

  /** Opens the view beside the active report (or brings it forward). */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor && editor.document.languageId === this.languageId ? editor.document : this.doc;
    if (!doc) {
      void vscode.window.showInformationMessage(t('openReportFirst'));
      return;
    }
    this.doc = doc;
    this.open(t('tablesPanel'));
    await this.update();
  }

  protected renderedState(doc: vscode.TextDocument, state: unknown): RenderedState {
    return { uri: doc.uri.toString(), ...(state as Omit<RenderedState, 'uri'>) };
  }

  protected onMessage(m: PageMessage): void {
    const range = m.range as ViewCell['range'] | undefined;
    if (m.type === 'reveal' && range) void this.reveal(range);
  }

  protected async update(): Promise<void> {
    const panel = this.panel;
    const doc = this.doc;
    if (!panel || !doc) return;
    let model: TableViewModel | null = null;
    try {
      model = await this.request(doc.uri.toString());
    } catch {
      model = null;
    }
    if (panel !== this.panel || doc !== this.doc) return; // moved on meanwhile
    panel.title = t('tablesTitle', doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1) || doc.uri.toString());
    // the page's words, in the language chosen now
    const words = {
      title: model ? model.title || t('tablesUntitled') : '',
      summary: !model ? t('tablesNoReport') : model.flagged ? t('tablesFlagged', model.flagged) : t('tablesClean'),
      absent: t('tablesAbsent'),
      missingCell: t('tablesMissingCell'),
    };
    void panel.webview.postMessage({ type: 'model', model, words });
  }

  private async reveal(range: NonNullable<ViewCell['range']>): Promise<void> {
    if (this.doc) await revealPlace(this.doc, range);
  }

  protected html(webview: vscode.Webview): string {
    return webviewPage(webview, {
      style: `
  th { text-align: center; }
  th.label { text-align: left; }
  td { text-align: right; font-variant-numeric: tabular-nums; min-width: 3em; cursor: pointer; }
  td:hover { outline: 1px solid var(--vscode-focusBorder); }
  td.missing { cursor: default; background: repeating-linear-gradient(45deg, transparent 0 4px, var(--vscode-editorWidget-border, #8883) 4px 5px); }
  td.error { color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground, #f003); outline: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); font-weight: 600; }
  td.warning { background: var(--vscode-inputValidation-warningBackground, #fc03); outline: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-editorWarning-foreground)); }
  td.information, td.hint { text-decoration: underline dotted var(--vscode-editorInfo-foreground); }
  td.related { outline: 1px dashed var(--vscode-editorWarning-foreground, var(--vscode-focusBorder)); }
  .absent { color: var(--vscode-descriptionForeground); font-style: italic; }`,
      body: `<h1 id="title"></h1>
<div class="summary" id="summary"></div>
<div id="tables"></div>`,
      script: `(function () {
  const vscode = acquireVsCodeApi();
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  function render(model, words) {
    const root = document.getElementById('tables');
    root.replaceChildren();
    document.getElementById('title').textContent = words.title;
    document.getElementById('summary').textContent = words.summary;
    if (!model) return;
    for (const t of model.tables) {
      const section = el('section');
      section.dataset.table = t.id;
      section.appendChild(el('h2', '', t.title));
      if (!t.present) section.appendChild(el('div', 'absent', words.absent));
      const table = el('table');
      for (const row of t.rows) {
        const tr = el('tr');
        for (const c of row) {
          const cell = el(c.header ? 'th' : 'td', c.header ? (row.indexOf(c) === 0 && !c.colspan && row.length > 1 ? 'label' : '') : (c.missing ? 'missing' : (c.severity || (c.related ? 'related' : ''))), c.text);
          if (c.colspan) cell.colSpan = c.colspan;
          if (c.rowspan) cell.rowSpan = c.rowspan;
          if (c.notes) cell.title = c.notes.join('\\n');
          else if (c.missing) cell.title = words.missingCell;
          if (c.range) cell.addEventListener('click', () => vscode.postMessage({ type: 'reveal', range: c.range }));
          tr.appendChild(cell);
        }
        table.appendChild(tr);
      }
      if (t.present) section.appendChild(table);
      root.appendChild(section);
    }
    // what was drawn, read back from the page itself
    const flagged = [...document.querySelectorAll('td.error, td.warning')].map((td) => ({ text: td.textContent, severity: td.className, note: td.title }));
    const tables = [...document.querySelectorAll('section')].map((s) => ({ id: s.dataset.table, present: !!s.querySelector('table'), cells: s.querySelectorAll('td').length }));
    vscode.postMessage({ type: 'rendered', state: { title: model.title, tables, flagged } });
  }
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'model') render(m.model, m.words);
  });
  vscode.postMessage({ type: 'ready' });
})();`,
    });
  }
}
