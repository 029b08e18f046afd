/**
 * What rules share: how a rule is defined (`defineRule`: its problems made through a context bound to
 * its meta), where problems go (lines, headings, the report's anchor), edits that insert lines and set
 * cells, and the problems of the sums (the arithmetic rules). Rules import from here, never from
 * each other.
 */
import type { LocalizedText } from '../i18n';
import type { ModelCell } from '../model/cells';
import { Equation, EquationKind, Term, cellValue, equationsOf, fillValue, neededValue } from '../model/equations';
import type { Report, Section } from '../model/report';
import type { TableLayout } from '../parse/syntax';
import { type Line, type Span, TextMemo, toHalfWidth } from '../parse/text';
import type { Fix, Problem, RelatedPlace, Rule, RuleContext, RuleMeta, Severity, TextEdit } from './types';

function makeProblem(rule: string, severity: Severity, span: Span, message: LocalizedText, fixes?: Fix[]): Problem {
  const p: Problem = { rule, severity, span: { start: span.start, end: span.end }, message };
  if (fixes && fixes.length > 0) p.fixes = fixes;
  return p;
}

/** A rule: its meta, and its check, which makes its problems through a context bound to that meta. */
export function defineRule(meta: RuleMeta, check: (report: Report, ctx: RuleContext) => Problem[]): Rule {
  const ctx: RuleContext = { problem: (span, message, fixes) => makeProblem(meta.id, meta.severity, span, message, fixes) };
  return { meta, check: (report) => check(report, ctx) };
}

/** Replaces a cell's text (or fills an empty cell) with a number. */
export function setCell(cell: { start: number; end: number }, value: number, title: Fix['title'], safe = false): Fix {
  const fix: Fix = { title, edits: [{ span: { start: cell.start, end: cell.end }, newText: String(value) }] };
  if (safe) fix.safe = true;
  return fix;
}

/**
 * A number as written with full-width digits or thousands separators, in plain digits, character for
 * character (undefined when what is written is not such a number).
 */
export function plainDigits(raw: string): string | undefined {
  const half = toHalfWidth(raw).trim();
  // separators only between digits: 1,234 · 1，234 · 1 234
  const plain = half.replace(/(?<=\d)[,，\s](?=\d{3}(?!\d))/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(plain) ? plain : undefined;
}

/** Inserts lines before the line holding `offset`. */
export function beforeLine(report: Report, offset: number, lines: string[], title: Fix['title']): Fix {
  return { title, edits: [insertBefore(report, offset, lines)] };
}

/** Inserts lines after the line holding `offset`. */
export function afterLine(report: Report, offset: number, lines: string[], title: Fix['title']): Fix {
  return { title, edits: [insertAfter(report, offset, lines)] };
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
 * Invariant: a memo's value follows from its key text alone — a rule never keys it by anything else.
 */
export function ruleMemo<V>(limit: number): TextMemo<V> {
  const memo = new TextMemo<V>(limit, 'rules.memos');
  RULE_MEMOS.push(memo as TextMemo<unknown>);
  return memo;
}

/** Forgets what the rules remembered by text. */
export function clearRuleMemos(): void {
  for (const m of RULE_MEMOS) m.clear();
}

// ---- the sums ------------------------------------------------------------------------------------

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

/** "162 + 10 + 1 + 80": the addends that are not 0 (all of them when few). */
function addends(terms: Term[]): string {
  const values = terms.map((t) => cellValue(t.cell));
  if (terms.length <= 4) return values.map(fmt).join(' + ');
  const nonZero = values.filter((v) => v !== 0);
  if (nonZero.length === 0) return '均为 0';
  const shown = nonZero.slice(0, 8).map(fmt).join(' + ');
  return nonZero.length > 8 ? shown + ' + …' : shown;
}

function addendsEn(terms: Term[]): string {
  const a = addends(terms);
  return a === '均为 0' ? 'all 0' : a;
}

/**
 * Cells that explain several failing sums at once: a cell is the likely culprit
 * when two or more failing sums would all hold with the same new value for it.
 */
function culprits(failing: Equation[]): Map<ModelCell, { value: number; label: string; count: number }> {
  const seen = new Map<ModelCell, { value: number; label: string; count: number; conflict: boolean }>();
  for (const eq of failing) {
    if (eq.unreadable.length > 0) continue;
    for (const term of [...eq.left, ...eq.right]) {
      if (!term.cell) continue;
      const v = neededValue(eq, term);
      const s = seen.get(term.cell);
      if (!s) seen.set(term.cell, { value: v, label: term.label, count: 1, conflict: false });
      else if (s.value === v) s.count++;
      else s.conflict = true;
    }
  }
  const out = new Map<ModelCell, { value: number; label: string; count: number }>();
  for (const [cell, s] of seen) if (!s.conflict && s.count >= 2 && s.value >= 0) out.set(cell, s);
  return out;
}

function statement(eq: Equation): LocalizedText {
  const L = fmt(eq.leftSum);
  const R = fmt(eq.rightSum);
  switch (eq.kind) {
    case 'T3-row':
      return {
        zh: `表三${eq.right[0]!.label.split('·')[0]}·总计为 ${L}，但六类申请人之和为 ${R}（${addends(eq.right)}）`,
        en: `Table 三 row ${eq.right[0]!.label.split('·')[0]}: total ${L}, but the six applicant columns add up to ${R} (${addendsEn(eq.right)})`,
      };
    case 'T3-column':
      return {
        zh: `（七）总计·${eq.subject}为 ${L}，但各项办理结果之和为 ${R}（${addends(eq.right)}）`,
        en: `（七）总计·${eq.subject} is ${L}, but the results add up to ${R} (${addendsEn(eq.right)})`,
      };
    case 'T3-balance':
      return {
        zh: `表三“${eq.subject}”列不平衡：一 + 二 = ${eq.left.map((t) => fmt(cellValue(t.cell))).join(' + ')} = ${L}，但（七）+ 四 = ${eq.right.map((t) => fmt(cellValue(t.cell))).join(' + ')} = ${R}`,
        en: `Table 三 column ${eq.subject} does not balance: 一 + 二 = ${L}, but （七） + 四 = ${R}`,
      };
    case 'T4-block':
      return {
        zh: `表四${eq.subject}：总计为 ${L}，但维持 + 纠正 + 其他 + 尚未审结 = ${eq.right.map((t) => fmt(cellValue(t.cell))).join(' + ')} = ${R}`,
        en: `Table 四 ${eq.subject}: total ${L}, but upheld + corrected + other + pending = ${R}`,
      };
  }
}

/**
 * The problems of the sums of one kind (the arithmetic rules T3-row, T3-column, T3-balance, T4-block):
 * messages that show the equation with its numbers, related places for every cell added up, the likely
 * root cause, and the fixes.
 */
export function sumProblems(report: Report, kind: EquationKind, ctx: RuleContext): Problem[] {
  const all = equationsOf(report.tables);
  const failing = all.filter((e) => e.known && !e.holds);
  const suspects = culprits(failing);
  const problems: Problem[] = [];
  for (const eq of failing) {
    if (eq.kind !== kind) continue;
    const message = statement(eq);
    const fixes: Fix[] = [];
    if (eq.unreadable.length === 1) {
      const term = eq.unreadable[0]!;
      const v = neededValue(eq, term);
      const state = term.cell!.issue === 'empty' || term.cell!.issue === 'placeholder' ? '为空' : '无法识别';
      if (v >= 0 && Number.isInteger(v)) {
        message.zh += `；${term.label}一格${state}，若填 ${fmt(v)} 则平衡`;
        message.en += `; ${term.label} is ${state === '为空' ? 'empty' : 'unreadable'}: ${fmt(v)} there would balance it`;
        fixes.push(setCell(term.cell!, v, { zh: `在${term.label}填入 ${fmt(v)}`, en: `Fill ${term.label} with ${fmt(v)}` }));
      } else {
        message.zh += `；${term.label}一格${state}，按 0 计`;
        message.en += `; ${term.label} counts as 0`;
      }
    } else if (eq.unreadable.length > 1) {
      // each empty cell may be known from another sum it is alone in (its row, say)
      const inferred = eq.unreadable.map((t) => fillValue(report.tables, t.cell!));
      const sideOf = (t: Term) => (eq.left.includes(t) ? 1 : -1);
      const after = inferred.every((v) => v !== undefined)
        ? eq.leftSum - eq.rightSum + eq.unreadable.reduce((d, t, k) => d + sideOf(t) * inferred[k]!, 0)
        : NaN;
      if (Math.abs(after) < 1e-9) {
        const names = eq.unreadable.map((t) => t.label).join('、');
        const values = inferred.map((v) => fmt(v!)).join('、');
        message.zh += `；${names}为空，按所在的其他合计应为 ${values}，填入后即平衡`;
        message.en += `; ${names} are empty; from their other sums they should be ${values}, which balances this one`;
        eq.unreadable.forEach((t, k) => {
          if (inferred[k]! !== 0) fixes.push(setCell(t.cell!, inferred[k]!, { zh: `在${t.label}填入 ${fmt(inferred[k]!)}`, en: `Fill ${t.label} with ${fmt(inferred[k]!)}` }));
        });
      } else {
        message.zh += `；其中 ${eq.unreadable.length} 格为空或无法识别，按 0 计`;
        message.en += `; ${eq.unreadable.length} cells are empty or unreadable and count as 0`;
      }
    } else {
      const suspect = [...eq.left, ...eq.right].find((t) => t.cell && suspects.has(t.cell));
      if (suspect) {
        const s = suspects.get(suspect.cell!)!;
        message.zh += `；可能是${s.label}一格有误（应为 ${fmt(s.value)}，它所在的 ${s.count} 项合计都因此不平衡）`;
        message.en += `; probably ${s.label} is wrong (${fmt(s.value)} would balance all ${s.count} sums it is in)`;
        fixes.push(setCell(suspect.cell!, s.value, { zh: `将${s.label}改为 ${fmt(s.value)}`, en: `Set ${s.label} to ${fmt(s.value)}` }));
      }
      if (eq.kind !== 'T3-balance') {
        const total = eq.left[0]!;
        if (!suspect || suspect !== total) {
          fixes.push(setCell(total.cell!, eq.rightSum, { zh: `将${total.label}改为 ${fmt(eq.rightSum)}`, en: `Set ${total.label} to ${fmt(eq.rightSum)}` }));
        }
      }
    }
    const related: RelatedPlace[] = [...eq.left, ...eq.right]
      .filter((t) => t.cell)
      .map((t) => ({ span: { start: t.cell!.start, end: t.cell!.end }, message: { zh: `${t.label} = ${t.cell!.raw || '（空）'}`, en: `${t.label} = ${t.cell!.raw || '(empty)'}` } }));
    const anchor = eq.left[0]!.cell!;
    const p = ctx.problem(anchor, message, fixes);
    p.related = related;
    problems.push(p);
  }
  return problems;
}
