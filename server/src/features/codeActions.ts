import { CodeAction, CodeActionKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { Analysis, AnalyzeOptions } from '../check';
import { FIX_ALL_KIND, fixAllAction } from './fixAll';
import type { Locale } from '../i18n';
import { ruleDocUrl } from '../rules/docs';
import { toDiagnostic } from './diagnostics';
import { keyOf } from '../ignore';
import { requestsInsertion, requestsItem, requestsProse } from './prose';

import { IGNORE_COMMAND } from './commands';

export { IGNORE_COMMAND };

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Do two ranges touch or overlap? */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Quick fixes for the problems at a range: each fix of each problem there becomes a code action. */
/**
 * Code actions at a range. `canIgnore`: the server can record "ignore this problem here"
 * (it has a file system); the action is offered for documents saved as files only.
 */
export function codeActions(analysis: Analysis, uri: string, range: Range, locale: Locale, only?: string[], options: AnalyzeOptions = {}, canIgnore = true): CodeAction[] {
  const wants = (kind: string) => !only || only.length === 0 || only.some((k) => k === CodeActionKind.Empty || kind === k || kind.startsWith(k + '.'));
  const fixAll = wants(FIX_ALL_KIND) && only && only.length > 0 ? fixAllAction(analysis.text, analysis.lineIndex, uri, locale, options) : [];
  const prose = wants(CodeActionKind.RefactorRewrite) ? proseActions(analysis, uri, range, locale) : [];
  if (!wants(CodeActionKind.QuickFix)) return [...prose, ...fixAll];
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
  return [...actions, ...ruleActions(analysis, uri, range, locale, canIgnore), ...prose, ...fixAll];
}

/**
 * In section 一's 依申请公开 sub-item: write its paragraph from tables 三 and 四 (inserted after its
 * text; the numbers only from the tables). Shown disabled, with the cells it lacks, when they cannot
 * be read.
 */
function proseActions(analysis: Analysis, uri: string, range: Range, locale: Locale): CodeAction[] {
  const item = requestsItem(analysis);
  if (!item || !touches(analysis.lineIndex.rangeOf({ start: item.subheading.start, end: item.span.end }), range)) return [];
  const zh = locale === 'zh';
  const title = zh ? '根据表三、表四写出依申请公开情况（插入一段）' : 'Write the paragraph on requests from tables 三 and 四 (inserts a paragraph)';
  const prose = requestsProse(analysis.report);
  if (!prose.ok) {
    const cells = prose.unread.slice(0, 3).join(zh ? '、' : ', ') + (prose.unread.length > 3 ? '…' : '');
    return [{ title, kind: CodeActionKind.RefactorRewrite, disabled: { reason: zh ? `这些单元格为空或无法读取：${cells}` : `these cells are empty or unread: ${cells}` } }];
  }
  const { at, newText } = requestsInsertion(analysis, item, prose.text);
  const where = analysis.lineIndex.rangeOf({ start: at, end: at });
  return [{ title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: [TextEdit.insert(where.start, newText)] } } }];
}

/**
 * On every diagnostic: ignore this problem here (files only: kept in .govreportrc.json,
 * the report's text untouched); and per rule: open its page, turn it off for the workspace.
 */
function ruleActions(analysis: Analysis, uri: string, range: Range, locale: Locale, canIgnore: boolean): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const problem of analysis.problems) {
    const diagnostic = toDiagnostic(problem, analysis, locale, uri);
    if (!touches(diagnostic.range, range)) continue;
    if (canIgnore && uri.startsWith('file:')) {
      out.push({
        title: locale === 'zh' ? `忽略此处的这个问题（${problem.rule}，记录在 .govreportrc.json，不改动正文）` : `Ignore this problem here (${problem.rule}; kept in .govreportrc.json, not in the text)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'ignore', command: IGNORE_COMMAND, arguments: [{ uri, rule: problem.rule, at: keyOf(analysis, problem) }] },
      });
    }
    if (seen.has(problem.rule)) continue;
    seen.add(problem.rule);
    out.push({
      title: locale === 'zh' ? `查看规则 ${problem.rule} 的说明` : `Show the documentation of ${problem.rule}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'open', command: 'vscode.open', arguments: [ruleDocUrl(problem.rule)] },
    });
    out.push({
      title: locale === 'zh' ? `在本工作区关闭规则 ${problem.rule}` : `Turn ${problem.rule} off for this workspace`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'off', command: 'govReport.disableRule', arguments: [problem.rule] },
    });
  }
  return out;
}
