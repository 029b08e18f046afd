import type { SelectionRange } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { indexCells } from '../model/cellIndex';
import type { Span } from '../parse/text';

/** Nested ranges to grow a selection: cell → row → table → section → document. */
export function selectionRangeAt(analysis: Analysis, offset: number): SelectionRange {
  const spans: Span[] = [];
  const inside = (s: Span) => s.start <= offset && offset <= s.end;
  const report = analysis.report;
  const cell = indexCells(report).find((c) => inside(c.cell) && c.cell.end > c.cell.start);
  if (cell) spans.push(cell.cell);
  const tables = [report.tables.table2, report.tables.table3, report.tables.table4].filter((t) => t !== undefined);
  for (const t of tables) {
    if (!inside(t)) continue;
    // the row as read (in a flattened line, its piece)
    const line = (report.tree.pieces ?? report.tree.lines).find((l) => l.start <= offset && offset <= l.end);
    if (line && line.text.trim()) spans.push({ start: line.start + (line.text.length - line.text.trimStart().length), end: line.end });
    spans.push({ start: t.start, end: t.end });
    break;
  }
  if (spans.length === 0) {
    const block = report.tree.blocks.find((b) => inside(b));
    if (block) spans.push(block);
  }
  const section = report.sections.find((s) => inside(s));
  if (section) spans.push({ start: section.start, end: section.end });
  spans.push({ start: 0, end: analysis.text.length });
  // from the widest to the narrowest, each strictly inside its parent
  let parent: SelectionRange | undefined;
  let last: Span | undefined;
  for (const s of spans.reverse()) {
    if (last && (s.start < last.start || s.end > last.end || (s.start === last.start && s.end === last.end))) continue;
    const node: SelectionRange = parent ? { range: analysis.lineIndex.rangeOf(s), parent } : { range: analysis.lineIndex.rangeOf(s) };
    parent = node;
    last = s;
  }
  return parent!;
}
