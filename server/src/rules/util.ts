/** Small helpers shared by rules. */
import type { LocalizedText } from '../i18n';
import type { Report, Section } from '../model/report';
import type { TableLayout } from '../parse/syntax';
import { type Line, type Span, TextMemo } from '../parse/text';
import type { Fix, Problem, Severity, TextEdit } from './types';

export function problem(rule: string, severity: Severity, span: Span, message: LocalizedText, fixes?: Fix[]): Problem {
  const p: Problem = { rule, severity, span: { start: span.start, end: span.end }, message };
  if (fixes && fixes.length > 0) p.fixes = fixes;
  return p;
}

/**
 * The line that contains an offset, as the parser read it: the physical line, or, in a line of
 * flattened text, the piece of it (a heading, a paragraph, a table row) — never a whole article.
 */
export function lineAt(report: Report, offset: number): Line {
  const lines = report.tree.pieces ?? report.tree.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo]!;
}

/** Where a problem about the whole report goes: the title's first line, else the first non-blank line. */
export function reportAnchor(report: Report): Span {
  if (report.title) return { start: report.title.start, end: report.title.lines[0]!.end };
  const first = (report.tree.pieces ?? report.tree.lines).find((l) => l.text.trim() !== '');
  return first ? { start: first.start, end: first.end } : { start: 0, end: 0 };
}

/** The heading line of a section (its text, without Markdown markup). */
export function headingSpan(section: Section): Span {
  return { start: section.heading.start, end: section.heading.end };
}

/** The layout the report's tables are written in (tab-separated when it has none). */
export function reportLayout(report: Report): TableLayout {
  for (const b of report.tree.blocks) if (b.kind === 'table') return b.layout;
  return 'tab';
}

/** The text of a section after its heading. */
export function sectionBody(report: Report, section: Section): string {
  return report.tree.text.slice(section.heading.end, section.end);
}

/** A piece of a flattened line that text follows on the same physical line. */
function textAfter(report: Report, line: Line): boolean {
  return line.end < report.tree.lines[line.index]!.end;
}

/** A piece of a flattened line that text precedes on the same physical line. */
function textBefore(report: Report, line: Line): boolean {
  return line.start > report.tree.lines[line.index]!.start;
}

/**
 * An edit inserting lines before the line holding `offset` (in a flattened line: before its piece,
 * the lines standing between two breaks of their own). `gap`: blank lines between.
 */
export function insertBefore(report: Report, offset: number, lines: readonly string[], gap = false): TextEdit {
  const nl = eolAt(report, offset);
  const line = lineAt(report, offset);
  const lead = textBefore(report, line) ? nl + (gap ? nl : '') : '';
  return { span: { start: line.start, end: line.start }, newText: lead + lines.join(nl) + nl + (gap ? nl : '') };
}

/** An edit inserting lines after the line holding `offset` (in a flattened line: after its piece). `gap`: a blank line between. */
export function insertAfter(report: Report, offset: number, lines: readonly string[], gap = false): TextEdit {
  const nl = eolAt(report, offset);
  const line = lineAt(report, offset);
  const trail = textAfter(report, line) ? nl + (gap ? nl : '') : '';
  return { span: { start: line.end, end: line.end }, newText: nl + (gap ? nl : '') + lines.join(nl) + trail };
}

/** The line break that ends the line ending at `end`, if one does. */
function breakAt(text: string, end: number): string | undefined {
  const c = text.charCodeAt(end);
  if (c === 13 /* \r */) return text.charCodeAt(end + 1) === 10 ? '\r\n' : '\r';
  return c === 10 /* \n */ ? '\n' : undefined;
}

/** The line break the document uses: its first one (\n when it has none). */
function eol(report: Report): string {
  const lines = report.tree.lines;
  return (lines.length > 1 && breakAt(report.tree.text, lines[0]!.end)) || '\n';
}

/**
 * The line break to write at `offset`: the one ending its line, else (the last line) the one before
 * it, else the document's. Text pasted from several sources mixes \r\n and \n; an inserted line
 * takes the break of the lines around it.
 */
export function eolAt(report: Report, offset: number): string {
  const line = lineAt(report, offset);
  const text = report.tree.text;
  const before = line.index > 0 ? report.tree.lines[line.index - 1] : undefined;
  return breakAt(text, line.end) ?? (before && breakAt(text, before.end)) ?? eol(report);
}

/** Every rule's memo of results by text, to forget them all at once (a check from cold). */
const RULE_MEMOS: TextMemo<unknown>[] = [];

/**
 * A memo of what a rule reads in a piece of text (a block, the preamble), by the text alone: the same
 * text gives the same result whatever stands around it, so a keystroke elsewhere finds it again.
 */
export function ruleMemo<V>(limit: number): TextMemo<V> {
  const memo = new TextMemo<V>(limit);
  RULE_MEMOS.push(memo as TextMemo<unknown>);
  return memo;
}

/** Forgets what the rules remembered by text. */
export function clearRuleMemos(): void {
  for (const m of RULE_MEMOS) m.clear();
}
