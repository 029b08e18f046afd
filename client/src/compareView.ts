/**
 * The comparison with last year's report: a webview beside the report listing every table cell that
 * changed (last year's number, this year's, the change in percent; the changes hard to believe
 * flagged) and the paragraphs copied from last year's report with how similar they are. A click on a
 * number or a paragraph selects it in this year's report or in last year's. It follows edits of the
 * report it compares.
 *
 * Security as in the table view (`webview.ts`): a strict Content-Security-Policy; the reports' content
 * reaches the page only as data through postMessage and is written with textContent, never as HTML.
 */
import * as vscode from 'vscode';
import type { Comparison } from '../../server/src/lsp/protocol';
import { t } from './language';
import { PageMessage, Place, ReportPanel, revealPlace, webviewPage } from './webview';

/** What the page says it has drawn (read back from its DOM): for tests. */
export interface CompareRendered {
  uri: string;
  previous: string;
  cells: number;
  flagged: string[];
  paragraphs: number;
}

export class CompareView extends ReportPanel<CompareRendered> {
  static readonly viewType = 'govReport.compare';
  private previousUri: string | undefined;

  constructor(private readonly request: (uri: string, previousUri?: string) => Promise<Comparison | string | null>) {
    super(CompareView.viewType, 300);
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && (e.document === this.doc || e.document.uri.toString() === this.previousUri)) this.schedule();
      }),
    );
  }

  /** Shows the comparison of a report with last year's (the one given, or the one the server finds); false when there is none. */
  async show(doc: vscode.TextDocument, previousUri?: string): Promise<string | true> {
    const answer = await this.request(doc.uri.toString(), previousUri);
    if (answer === null) return t('openReportFirst');
    if (typeof answer === 'string') return answer;
    this.doc = doc;
    this.previousUri = answer.previous.uri;
    this.open(t('compareTitle', ''));
    this.post(answer);
    return true;
  }

  protected refresh(): void {
    this.schedule(0);
  }

  protected renderedState(doc: vscode.TextDocument, state: unknown): CompareRendered {
    return { uri: doc.uri.toString(), previous: this.previousUri ?? '', ...(state as Omit<CompareRendered, 'uri' | 'previous'>) };
  }

  protected onMessage(m: PageMessage): void {
    const range = m.range as Place | undefined;
    if (m.type === 'reveal' && range) void this.reveal(m.which === 'before' ? this.previousUri : this.doc?.uri.toString(), range);
  }

  protected async update(): Promise<void> {
    const doc = this.doc;
    if (!this.panel || !doc) return;
    let answer: Comparison | string | null = null;
    try {
      answer = await this.request(doc.uri.toString(), this.previousUri);
    } catch {
      answer = null;
    }
    if (doc !== this.doc || !this.panel) return;
    if (answer && typeof answer !== 'string') this.post(answer);
  }

  private post(c: Comparison): void {
    const panel = this.panel;
    if (!panel || !this.doc) return;
    const name = this.doc.uri.path.slice(this.doc.uri.path.lastIndexOf('/') + 1);
    panel.title = t('compareTitle', name);
    const changed = c.cells.filter((x) => x.now !== x.before).length;
    const words = {
      heading: t('compareHeading', name, c.year, c.previous.name, c.previous.year),
      summary: t('compareSummary', changed, c.cells.length, c.flagged, c.paragraphs.length),
      notYearBefore: c.notYearBefore ? t('compareNotYearBefore') : '',
      cellsTitle: t('compareCells'),
      columns: [t('compareCell'), t('compareBefore'), t('compareNow'), t('compareChange')],
      showAll: t('compareShowAll'),
      none: t('compareNone'),
      paragraphsTitle: t('compareParagraphs'),
      nowLabel: t('compareNow'),
      beforeLabel: t('compareBefore'),
      noParagraphs: t('compareNoParagraphs'),
      flags: { fromZero: t('compareFromZero'), halved: t('compareHalved') },
    };
    void panel.webview.postMessage({ type: 'comparison', comparison: c, words });
  }

  private async reveal(uri: string | undefined, range: Place): Promise<void> {
    if (!uri) return;
    const doc = this.doc && uri === this.doc.uri.toString() ? this.doc : await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    await revealPlace(doc, range);
  }

  protected html(webview: vscode.Webview): string {
    return webviewPage(webview, {
      style: `
  .note { color: var(--vscode-editorWarning-foreground); margin-bottom: 8px; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 3em; }
  td.link, .para .text.link { cursor: pointer; }
  td.link:hover, .para .text.link:hover { outline: 1px solid var(--vscode-focusBorder); }
  td.up { color: var(--vscode-charts-green, var(--vscode-terminal-ansiGreen)); }
  td.down { color: var(--vscode-charts-red, var(--vscode-errorForeground)); }
  tr.flagged td { background: var(--vscode-inputValidation-warningBackground, #fc03); }
  tr.flagged td.flag { color: var(--vscode-editorWarning-foreground); font-weight: 600; }
  label { display: block; margin: 4px 0 8px; color: var(--vscode-descriptionForeground); }
  .para { border: 1px solid var(--vscode-panel-border, #8884); margin: 8px 0; padding: 6px 8px; }
  .para .score { font-weight: 600; color: var(--vscode-editorWarning-foreground); }
  .para .which { color: var(--vscode-descriptionForeground); margin-right: 6px; }
  .para .text { margin: 4px 0; white-space: pre-wrap; }`,
      body: `<h1 id="heading"></h1>
<div class="summary" id="summary"></div>
<div class="note" id="note"></div>
<h2 id="cellsTitle"></h2>
<label><input type="checkbox" id="all"> <span id="showAll"></span></label>
<div id="cells"></div>
<h2 id="paragraphsTitle"></h2>
<div id="paragraphs"></div>`,
      script: `(function () {
  const vscode = acquireVsCodeApi();
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const reveal = (node, which, range) => { if (!range) return; node.classList.add('link'); node.addEventListener('click', () => vscode.postMessage({ type: 'reveal', which, range })); };
  let last;
  function render(c, words) {
    last = { c, words };
    for (const id of ['heading', 'summary', 'cellsTitle', 'showAll', 'paragraphsTitle']) document.getElementById(id).textContent = words[id];
    document.getElementById('note').textContent = words.notYearBefore;
    const all = document.getElementById('all').checked;
    const rows = c.cells.filter((x) => all || x.now !== x.before);
    rows.sort((a, b) => (b.flag ? 1 : 0) - (a.flag ? 1 : 0));
    const cells = document.getElementById('cells');
    cells.replaceChildren();
    if (rows.length === 0) cells.appendChild(el('div', 'summary', words.none));
    else {
      const table = el('table');
      const head = el('tr');
      for (const w of words.columns) head.appendChild(el('th', '', w));
      head.appendChild(el('th', '', ''));
      table.appendChild(head);
      for (const x of rows) {
        const tr = el('tr', x.flag ? 'flagged' : '');
        const name = el('td', '', x.name);
        name.title = x.identity;
        tr.appendChild(name);
        const before = el('td', 'num', x.before === null ? '—' : String(x.before));
        reveal(before, 'before', x.beforeRange);
        const now = el('td', 'num', x.now === null ? '—' : String(x.now));
        reveal(now, 'now', x.nowRange);
        const change = x.change === undefined ? '' : (x.change > 0 ? '+' : '') + x.change + (x.percent === undefined ? '' : ' (' + (x.percent > 0 ? '+' : '') + x.percent + '%)');
        const delta = el('td', 'num ' + (x.change > 0 ? 'up' : x.change < 0 ? 'down' : ''), change);
        tr.append(before, now, delta, el('td', 'flag', x.flag ? '⚠ ' + words.flags[x.flag] : ''));
        table.appendChild(tr);
      }
      cells.appendChild(table);
    }
    const paras = document.getElementById('paragraphs');
    paras.replaceChildren();
    if (c.paragraphs.length === 0) paras.appendChild(el('div', 'summary', words.noParagraphs));
    for (const p of c.paragraphs) {
      const box = el('div', 'para');
      box.appendChild(el('div', 'score', Math.round(p.similarity * 100) + '%'));
      for (const [which, label, text, range] of [['now', words.nowLabel, p.now, p.nowRange], ['before', words.beforeLabel, p.before, p.beforeRange]]) {
        const line = el('div', 'text');
        line.appendChild(el('span', 'which', label));
        line.appendChild(document.createTextNode(text));
        reveal(line, which, range);
        box.appendChild(line);
      }
      paras.appendChild(box);
    }
    const flagged = [...document.querySelectorAll('tr.flagged td:first-child')].map((td) => td.textContent);
    vscode.postMessage({ type: 'rendered', state: { cells: document.querySelectorAll('#cells tr').length - (rows.length ? 1 : 0), flagged, paragraphs: c.paragraphs.length } });
  }
  document.getElementById('all').addEventListener('change', () => { if (last) render(last.c, last.words); });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'comparison') render(m.comparison, m.words);
  });
  vscode.postMessage({ type: 'ready' });
})();`,
    });
  }
}
