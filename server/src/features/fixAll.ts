/**
 * Fix-all: every safe fix (titles, 文号 brackets, full-width digits, header wording;
 * never a number), for `source.fixAll.govReport`, the fix-all command and `--fix`.
 */
import { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { AnalyzeOptions, analyze } from '../check';
import type { Locale } from '../i18n';
import type { LineIndex } from '../parse/text';

export const FIX_ALL_KIND = 'source.fixAll.govReport';

/** Applies the safe fixes (never numbers) until none is left; edits of one round never overlap. */
export function applySafeFixes(text: string, options: AnalyzeOptions = {}): string {
  let current = text;
  for (let round = 0; round < 10; round++) {
    const problems = analyze(current, options).problems;
    const fixes = problems.flatMap((p) => (p.fixes ?? []).filter((f) => f.safe).slice(0, 1));
    // whole fixes only, none overlapping another
    const chosen: { span: { start: number; end: number }; newText: string }[] = [];
    const overlaps = (a: { start: number; end: number }) => chosen.some((c) => a.start < c.span.end && c.span.start < a.end || (a.start === a.end && a.start === c.span.start));
    for (const f of fixes) if (!f.edits.some((e) => overlaps(e.span))) chosen.push(...f.edits);
    chosen.sort((a, b) => a.span.start - b.span.start);
    if (chosen.length === 0) break;
    for (const e of [...chosen].reverse()) current = current.slice(0, e.span.start) + e.newText + current.slice(e.span.end);
  }
  return current;
}

/** The fix-all code action for a document, or none when nothing is to fix. */
export function fixAllAction(text: string, lineIndex: LineIndex, uri: string, locale: Locale, options: AnalyzeOptions = {}): CodeAction[] {
  const fixed = applySafeFixes(text, options);
  if (fixed === text) return [];
  // one edit over the changed stretch: what lies before and after it stays untouched
  let start = 0;
  while (start < text.length && start < fixed.length && text[start] === fixed[start]) start++;
  let endOld = text.length;
  let endNew = fixed.length;
  while (endOld > start && endNew > start && text[endOld - 1] === fixed[endNew - 1]) {
    endOld--;
    endNew--;
  }
  const edit = TextEdit.replace(lineIndex.rangeOf({ start, end: endOld }), fixed.slice(start, endNew));
  return [{ title: locale === 'zh' ? '修复全部可安全修复的问题（不改动数字）' : 'Fix all safe problems (numbers untouched)', kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } }];
}
