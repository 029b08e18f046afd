/**
 * LSP values (plain JSON, as the server sends them) ↔ VS Code's types. Only the
 * shapes this server produces and this client sends are converted.
 */
import * as vscode from 'vscode';
import type * as lsp from 'vscode-languageserver-types';

export const position = (p: lsp.Position): vscode.Position => new vscode.Position(p.line, p.character);
export const range = (r: lsp.Range): vscode.Range => new vscode.Range(position(r.start), position(r.end));
export const toPosition = (p: vscode.Position): lsp.Position => ({ line: p.line, character: p.character });
export const toRange = (r: vscode.Range): lsp.Range => ({ start: toPosition(r.start), end: toPosition(r.end) });

const SEVERITY: Record<number, vscode.DiagnosticSeverity> = {
  1: vscode.DiagnosticSeverity.Error,
  2: vscode.DiagnosticSeverity.Warning,
  3: vscode.DiagnosticSeverity.Information,
  4: vscode.DiagnosticSeverity.Hint,
};

/** The LSP data of each diagnostic shown, so that code-action requests can send it back as the server made it. */
const original = new WeakMap<vscode.Diagnostic, lsp.Diagnostic>();

export function diagnostic(d: lsp.Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(range(d.range), typeof d.message === 'string' ? d.message : d.message.value, SEVERITY[d.severity ?? 1] ?? vscode.DiagnosticSeverity.Error);
  if (d.source !== undefined) out.source = d.source;
  if (d.code !== undefined) {
    out.code = d.codeDescription ? { value: d.code, target: vscode.Uri.parse(d.codeDescription.href) } : d.code;
  }
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.location.uri), range(r.location.range)), r.message),
    );
  }
  if (d.tags) {
    out.tags = d.tags.map((t) => (t === 1 ? vscode.DiagnosticTag.Unnecessary : vscode.DiagnosticTag.Deprecated));
  }
  original.set(out, d);
  return out;
}

const FROM_SEVERITY: Record<number, lsp.DiagnosticSeverity> = {
  [vscode.DiagnosticSeverity.Error]: 1,
  [vscode.DiagnosticSeverity.Warning]: 2,
  [vscode.DiagnosticSeverity.Information]: 3,
  [vscode.DiagnosticSeverity.Hint]: 4,
};

export function toDiagnostic(d: vscode.Diagnostic): lsp.Diagnostic {
  const known = original.get(d);
  if (known) return known;
  const out: lsp.Diagnostic = { range: toRange(d.range), message: d.message, severity: FROM_SEVERITY[d.severity] ?? 1 };
  if (d.source !== undefined) out.source = d.source;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  if (code !== undefined) out.code = code;
  return out;
}

export function workspaceEdit(e: lsp.WorkspaceEdit): vscode.WorkspaceEdit {
  const out = new vscode.WorkspaceEdit();
  for (const [uri, edits] of Object.entries(e.changes ?? {})) {
    const target = vscode.Uri.parse(uri);
    for (const edit of edits) out.replace(target, range(edit.range), edit.newText);
  }
  for (const change of e.documentChanges ?? []) {
    if (!('textDocument' in change)) continue;
    const target = vscode.Uri.parse(change.textDocument.uri);
    for (const edit of change.edits) if ('newText' in edit) out.replace(target, range(edit.range), edit.newText);
  }
  return out;
}

/** A command from the server; vscode.open wants a Uri where the server can only send a string. */
export function command(c: lsp.Command): vscode.Command {
  const args = c.command === 'vscode.open' ? (c.arguments ?? []).map((a) => (typeof a === 'string' ? vscode.Uri.parse(a) : a)) : c.arguments;
  return { title: c.title, command: c.command, arguments: args };
}

export function codeAction(a: lsp.CodeAction | lsp.Command): vscode.CodeAction | vscode.Command {
  if (typeof (a as lsp.Command).command === 'string') return command(a as lsp.Command);
  const action = a as lsp.CodeAction;
  const out = new vscode.CodeAction(action.title, action.kind !== undefined ? vscode.CodeActionKind.Empty.append(action.kind) : undefined);
  if (action.diagnostics) out.diagnostics = action.diagnostics.map(diagnostic);
  if (action.edit) out.edit = workspaceEdit(action.edit);
  if (action.command) out.command = command(action.command);
  if (action.isPreferred) out.isPreferred = true;
  return out;
}

function markup(c: lsp.MarkupContent | lsp.MarkedString | string): vscode.MarkdownString {
  if (typeof c === 'string') return new vscode.MarkdownString(c);
  if ('kind' in c) return c.kind === 'markdown' ? new vscode.MarkdownString(c.value) : new vscode.MarkdownString().appendText(c.value);
  return new vscode.MarkdownString().appendCodeblock(c.value, c.language);
}

export function hover(h: lsp.Hover): vscode.Hover {
  const contents = Array.isArray(h.contents) ? h.contents.map(markup) : [markup(h.contents)];
  return new vscode.Hover(contents, h.range ? range(h.range) : undefined);
}

export function completionItem(item: lsp.CompletionItem): vscode.CompletionItem {
  const out = new vscode.CompletionItem(item.label);
  // LSP kinds count from 1 (Text), VS Code's from 0
  if (item.kind !== undefined) out.kind = (item.kind - 1) as vscode.CompletionItemKind;
  if (item.detail !== undefined) out.detail = item.detail;
  if (item.documentation !== undefined) out.documentation = typeof item.documentation === 'string' ? item.documentation : markup(item.documentation);
  if (item.sortText !== undefined) out.sortText = item.sortText;
  if (item.filterText !== undefined) out.filterText = item.filterText;
  if (item.preselect) out.preselect = true;
  const snippet = item.insertTextFormat === 2;
  const text = item.textEdit ? item.textEdit.newText : item.insertText ?? item.label;
  out.insertText = snippet ? new vscode.SnippetString(text) : text;
  if (item.textEdit) {
    out.range =
      'range' in item.textEdit
        ? range(item.textEdit.range)
        : { inserting: range(item.textEdit.insert), replacing: range(item.textEdit.replace) };
  }
  if (item.additionalTextEdits) out.additionalTextEdits = item.additionalTextEdits.map((e) => new vscode.TextEdit(range(e.range), e.newText));
  if (item.command) out.command = command(item.command);
  return out;
}

export function completionList(r: lsp.CompletionItem[] | lsp.CompletionList): vscode.CompletionList {
  return Array.isArray(r) ? new vscode.CompletionList(r.map(completionItem)) : new vscode.CompletionList(r.items.map(completionItem), r.isIncomplete);
}

export function documentSymbol(s: lsp.DocumentSymbol): vscode.DocumentSymbol {
  // symbol kinds count from 1 in LSP, from 0 in VS Code
  const out = new vscode.DocumentSymbol(s.name, s.detail ?? '', (s.kind - 1) as vscode.SymbolKind, range(s.range), range(s.selectionRange));
  out.children = (s.children ?? []).map(documentSymbol);
  return out;
}

const FOLDING_KIND: Record<string, vscode.FoldingRangeKind> = {
  comment: vscode.FoldingRangeKind.Comment,
  imports: vscode.FoldingRangeKind.Imports,
  region: vscode.FoldingRangeKind.Region,
};

export function foldingRange(f: lsp.FoldingRange): vscode.FoldingRange {
  return new vscode.FoldingRange(f.startLine, f.endLine, f.kind !== undefined ? FOLDING_KIND[f.kind] : undefined);
}

export function selectionRange(s: lsp.SelectionRange): vscode.SelectionRange {
  return new vscode.SelectionRange(range(s.range), s.parent ? selectionRange(s.parent) : undefined);
}
