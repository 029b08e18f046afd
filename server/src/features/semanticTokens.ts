/**
 * Semantic tokens for what the grammar cannot know: which labels are the
 * format's row labels, which cells are totals, which cells take part in a sum
 * that does not add up.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { indexCells } from '../model/cellIndex';
import type { ModelCell } from '../model/cells';
import { equationsOf } from '../model/equations';
import type { Span } from '../parse/text';

export const TOKEN_TYPES = ['rowLabel', 'totalCell', 'numberCell'] as const;
export const TOKEN_MODIFIERS = ['failing'] as const;

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Token extends Span {
  type: number;
  modifiers: number;
}

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const report = analysis.report;
  const tokens: Token[] = [];
  const { table2, table3 } = report.tables;
  const labelCells = [...(table2?.rows.values() ?? []), ...(table3?.rows.values() ?? [])].flatMap((r) => r.observed.labelCells);
  for (const c of labelCells) if (c.end > c.start) tokens.push({ start: c.start, end: c.end, type: 0, modifiers: 0 });

  const failing = new Set<ModelCell>();
  for (const eq of equationsOf(report.tables)) {
    if (!eq.known || eq.holds) continue;
    for (const t of [...eq.left, ...eq.right]) if (t.cell) failing.add(t.cell);
  }
  for (const c of indexCells(report)) {
    if (c.cell.end <= c.cell.start) continue;
    const total = (c.table === '三' && (c.column === 6 || c.row === '三.七')) || (c.table === '四' && c.column % 5 === 4);
    tokens.push({ start: c.cell.start, end: c.cell.end, type: total ? 1 : 2, modifiers: failing.has(c.cell) ? 1 : 0 });
  }
  tokens.sort((a, b) => a.start - b.start);

  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue; // never overlapping
    const start = analysis.lineIndex.positionAt(t.start);
    const end = analysis.lineIndex.positionAt(t.end);
    if (end.line !== start.line) continue; // tokens stay on one line
    data.push(start.line - prevLine, start.line === prevLine ? start.character - prevChar : start.character, end.character - start.character, t.type, t.modifiers);
    prevLine = start.line;
    prevChar = start.character;
    lastEnd = t.end;
  }
  return { data };
}
