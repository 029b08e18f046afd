import { CodeAction, CodeActionKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import type { Locale } from '../i18n';
import { toDiagnostic } from './diagnostics';

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Do two ranges touch or overlap? */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Quick fixes for the problems at a range: each fix of each problem there becomes a code action. */
export function codeActions(analysis: Analysis, uri: string, range: Range, locale: Locale, only?: string[]): CodeAction[] {
  if (only && only.length > 0 && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  for (const problem of analysis.problems) {
    if (!problem.fixes || problem.fixes.length === 0) continue;
    const diagnostic = toDiagnostic(problem, analysis, locale, uri);
    if (!touches(diagnostic.range, range)) continue;
    for (const fix of problem.fixes) {
      const edits: TextEdit[] = fix.edits.map((e) => TextEdit.replace(analysis.lineIndex.rangeOf(e.span), e.newText));
      const action: CodeAction = {
        title: fix.title[locale],
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: edits } },
      };
      if (problem.fixes.length === 1) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}
