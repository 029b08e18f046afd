/**
 * "Ignore this problem here", kept outside the report (the published text stays
 * clean): each ignored problem is named by its rule and by where it is, in words
 * that survive edits elsewhere in the report —
 *   - a problem on a table cell: the cell's identity in the format
 *     ("cell:表三 · （六）其他处理 · 1.申请人无正当… · 自然人"), whatever the text around it;
 *   - any other problem: the text of its line, white space removed, with the
 *     problem's own text ("line:…⟨text⟩"), and "#n" for the n-th same place.
 * Lines inserted or deleted above never change a key; editing the line itself
 * (or the cell's place) does, and the problem shows again.
 */
import { indexCells } from './model/cellIndex';
import type { Report } from './model/report';
import type { LineIndex, Span } from './parse/text';
import type { Problem } from './rules/types';

export interface IgnoredProblem {
  rule: string;
  /** where: see problemKeys */
  at: string;
}

/** Longest line text kept in a key (long paragraphs: their start, and the problem's text). */
const MAX_LINE_IN_KEY = 80;

function cellAt(report: Report, span: Span): string | undefined {
  for (const c of indexCells(report)) if (c.cell.start === span.start && c.cell.end === span.end) return c.identity;
  return undefined;
}

function lineKey(text: string, lineIndex: LineIndex, span: Span): string {
  const line = lineIndex.positionAt(span.start).line;
  const start = lineIndex.offsetAt({ line, character: 0 });
  const next = lineIndex.offsetAt({ line: line + 1, character: 0 });
  const lineText = text.slice(start, line + 1 < lineIndex.lineCount ? next : text.length).replace(/[\s\u3000]+/g, '');
  const own = text.slice(span.start, Math.min(span.end, span.start + 40)).replace(/[\s\u3000]+/g, '');
  return `line:${lineText.slice(0, MAX_LINE_IN_KEY)}⟨${own}⟩`;
}

/** The key of each problem (same order), numbered where several problems of one rule share a place. */
export function problemKeys(problems: readonly Problem[], report: Report, lineIndex: LineIndex): string[] {
  const text = report.tree.text;
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const cell = cellAt(report, p.span);
    const base = cell !== undefined ? `cell:${cell}` : lineKey(text, lineIndex, p.span);
    const id = `${p.rule}\u0000${base}`;
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  });
}

/** Splits problems into those shown and those ignored by the entries given. */
export function applyIgnores(problems: Problem[], entries: readonly IgnoredProblem[], report: Report, lineIndex: LineIndex): { shown: Problem[]; ignored: Problem[] } {
  if (entries.length === 0) return { shown: problems, ignored: [] };
  const wanted = new Set(entries.map((e) => `${e.rule}\u0000${e.at}`));
  const rules = new Set(entries.map((e) => e.rule));
  const candidates = problems.filter((p) => rules.has(p.rule));
  const keys = problemKeys(candidates, report, lineIndex);
  const drop = new Set<Problem>();
  candidates.forEach((p, k) => {
    if (wanted.has(`${p.rule}\u0000${keys[k]}`)) drop.add(p);
  });
  return { shown: problems.filter((p) => !drop.has(p)), ignored: problems.filter((p) => drop.has(p)) };
}

/** The key of one problem of an analysis (numbered among all problems found, ignored ones included). */
export function keyOf(analysis: { problems: Problem[]; ignored: Problem[]; report: Report; lineIndex: LineIndex }, problem: Problem): string {
  const all = [...analysis.problems, ...analysis.ignored]
    .filter((p) => p.rule === problem.rule)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const keys = problemKeys(all, analysis.report, analysis.lineIndex);
  return keys[all.indexOf(problem)] ?? problemKeys([problem], analysis.report, analysis.lineIndex)[0]!;
}
