/**
 * Syntax tree + the national format → the report: which heading is which of
 * the six sections, what each section contains, the report's agency and year.
 */
import { SECTIONS, SectionSpec } from '../format/national';
import type { BlockNode, HeadingNode, SubheadingNode, SyntaxTree, TableNode, TitleNode } from '../parse/syntax';
import { Span, compact, toHalfWidth } from '../parse/text';

export interface Section extends Span {
  spec: SectionSpec;
  heading: HeadingNode;
  /** blocks after the heading, up to the next section */
  blocks: BlockNode[];
  subheadings: SubheadingNode[];
  tables: TableNode[];
}

export interface Report {
  tree: SyntaxTree;
  title?: TitleNode;
  agency?: string;
  year?: number;
  /** recognised sections, in document order */
  sections: Section[];
  /** section by id (1 … 6); the first occurrence when a section appears twice */
  byId: Map<number, Section>;
}

/** Which sections a heading's wording points to. */
export function matchSections(heading: HeadingNode): SectionSpec[] {
  const text = compact(toHalfWidth(heading.text));
  return SECTIONS.filter((s) => s.keywords.test(text));
}

function pickSection(heading: HeadingNode, seen: Set<number>, last: number): SectionSpec | undefined {
  const candidates = matchSections(heading);
  if (candidates.length === 0) return undefined;
  // The numeral agrees with the wording: a section heading, even out of order.
  const same = candidates.find((s) => s.id === heading.number);
  if (same) return same;
  // Otherwise the wording decides, for a section not seen yet that comes later.
  return candidates.find((s) => !seen.has(s.id) && s.id > last);
}

export function buildReport(tree: SyntaxTree): Report {
  const report: Report = { tree, sections: [], byId: new Map() };
  if (tree.title) {
    report.title = tree.title;
    if (tree.title.agency) report.agency = tree.title.agency;
    if (tree.title.year !== undefined) report.year = tree.title.year;
  }

  const seen = new Set<number>();
  let last = 0;
  let current: Section | undefined;
  for (const block of tree.blocks) {
    if (block.kind === 'heading') {
      const spec = pickSection(block, seen, last);
      if (spec) {
        if (current) current.end = Math.max(current.heading.end, lastEnd(current));
        current = { spec, heading: block, start: block.start, end: block.end, blocks: [], subheadings: [], tables: [] };
        report.sections.push(current);
        if (!report.byId.has(spec.id)) report.byId.set(spec.id, current);
        seen.add(spec.id);
        last = Math.max(last, spec.id);
        continue;
      }
    }
    if (!current) continue;
    current.blocks.push(block);
    current.end = block.end;
    if (block.kind === 'subheading') current.subheadings.push(block);
    else if (block.kind === 'table') current.tables.push(block);
  }
  return report;
}

function lastEnd(section: Section): number {
  const b = section.blocks[section.blocks.length - 1];
  return b ? b.end : section.heading.end;
}
