/**
 * What the extension's webviews (the table view, the comparison with last year) share: the page's
 * frame — a strict Content-Security-Policy (nothing remote, no eval; style and script only with a fresh
 * nonce), the editor's theme colours and the look of headings and tables — and selecting a place of a
 * report in its editor when the page asks for it.
 */
import * as vscode from 'vscode';
import { clientLang } from './language';

/** A place in a report, as the server gives it (LSP positions). */
export type Place = { start: { line: number; character: number }; end: { line: number; character: number } };

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += chars[Math.floor(Math.random() * chars.length)];
  return out;
}

/** The rules every page starts from: the theme's font and colours, headings, bordered tables. */
const BASE_STYLE = `
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 12px 24px; }
  h1 { font-size: 1.15em; font-weight: 600; margin: 14px 0 4px; }
  h2 { font-size: 1.05em; font-weight: 600; margin: 18px 0 6px; }
  .summary { color: var(--vscode-descriptionForeground); margin-bottom: 8px; }
  table { border-collapse: collapse; margin-bottom: 8px; }
  th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #8884)); padding: 2px 6px; }
  th { font-weight: normal; background: var(--vscode-editorWidget-background, transparent); }`;

/**
 * A webview's page: the frame, the page's own style rules, its body, and its script (run with the
 * nonce; the report's content reaches it only as data by postMessage, written with textContent).
 */
export function webviewPage(webview: vscode.Webview, parts: { style: string; body: string; script: string }): string {
  const n = nonce();
  const csp = [`default-src 'none'`, `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`, `img-src ${webview.cspSource} data:`].join('; ');
  return `<!DOCTYPE html>
<html lang="${clientLang() === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">${BASE_STYLE}
${parts.style}
</style>
</head>
<body>
${parts.body}
<script nonce="${n}">
${parts.script}
</script>
</body>
</html>`;
}

/** Selects a place of a report in its editor (opened beside the view, or where it is shown already). */
export async function revealPlace(doc: vscode.TextDocument, range: Place): Promise<void> {
  const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A message from a page: its kind, and what comes with it. */
export type PageMessage = { type: string; [key: string]: unknown };

/**
 * A webview beside a report that follows it: the panel (made when first shown, brought forward after),
 * refreshed when its page is ready or shown again and, debounced, when asked to; the state its page says
 * it has drawn (read back from its DOM, for tests); and what it listens to, let go on dispose.
 */
export abstract class ReportPanel<State> implements vscode.Disposable {
  protected panel: vscode.WebviewPanel | undefined;
  protected doc: vscode.TextDocument | undefined;
  protected readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rendered: State | undefined;
  private readonly renderedListeners: ((s: State) => void)[] = [];

  protected constructor(
    private readonly viewType: string,
    /** how long edits are let settle before the page is redrawn (ms) */
    private readonly settleMs: number,
  ) {}

  /** The last state the page reported; resolves with the next one when `fresh` (after the next render). */
  state(fresh = false): Promise<State | undefined> {
    if (!fresh) return Promise.resolve(this.rendered);
    return new Promise((resolve) => this.renderedListeners.push(resolve));
  }

  /** Brings the panel forward beside the report, or makes it. */
  protected open(title: string): void {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(this.viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.rendered = undefined;
    }, undefined, this.subscriptions);
    panel.webview.onDidReceiveMessage((m: PageMessage) => {
      if (m.type === 'ready') this.refresh();
      else if (m.type === 'rendered' && m.state && this.doc) {
        const rendered = this.renderedState(this.doc, m.state);
        this.rendered = rendered;
        for (const l of this.renderedListeners.splice(0)) l(rendered);
      } else this.onMessage(m);
    }, undefined, this.subscriptions);
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible) this.refresh();
    }, undefined, this.subscriptions);
  }

  /** Redraws the page once edits have settled (`ms` from now). */
  protected schedule(ms = this.settleMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  /** Redraws the page now (it is ready, or shown again). */
  protected refresh(): void {
    void this.update();
  }

  /** Asks the server again and posts what the page draws. */
  protected abstract update(): Promise<void>;
  protected abstract html(webview: vscode.Webview): string;
  /** The state the page reported, with the report it stands for. */
  protected abstract renderedState(doc: vscode.TextDocument, state: unknown): State;
  /** The page's other messages (a click on a place). */
  protected abstract onMessage(m: PageMessage): void;

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
