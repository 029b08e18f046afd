import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { lastEndBefore } from './symbols';

/** Folding ranges: each section, each sub-item （一）…, and each table. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const pos = (o: number) => analysis.lineIndex.positionAt(o).line;
  const add = (start: number, end: number, kind?: string) => {
    if (end > start) out.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  for (const section of analysis.report.sections) {
    add(pos(section.heading.start), pos(section.end), FoldingRangeKind.Region);
    const subs = section.subheadings.filter((s) => s.style === 'paren');
    subs.forEach((sub, k) => {
      const next = subs[k + 1];
      add(pos(sub.start), pos(next ? lastEndBefore(section, next.start) : section.end));
    });
    for (const table of section.tables) add(pos(table.start), pos(table.end));
  }
  return out;
}
