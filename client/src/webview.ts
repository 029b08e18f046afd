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
