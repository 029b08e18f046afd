import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { Analysis } from '../check';

/** Folding ranges: each section (heading line to its last line), and each table. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const pos = (o: number) => analysis.lineIndex.positionAt(o).line;
  for (const section of analysis.report.sections) {
    const start = pos(section.heading.start);
    const end = pos(section.end);
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
    for (const table of section.tables) {
      const ts = pos(table.start);
      const te = pos(table.end);
      if (te > ts) out.push({ startLine: ts, endLine: te });
    }
  }
  return out;
}
