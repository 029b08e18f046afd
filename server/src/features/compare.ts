/**
 * A report beside the same agency's report of the year before: every cell of tables 二, 三 and 四 with
 * its change (up or down, in percent), flagged where a change is hard to believe (a count from 0 to
 * hundreds, a total falling by more than half), and the paragraphs copied from last year's report
 * verbatim or nearly so (reviewers mark a report down for copying last year's text), with how similar
 * they are. Plain data with LSP ranges into both reports, for the comparison view and the CLI.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { IndexedCell, indexCells } from '../model/cellIndex';
import type { PreviousYear, Report } from '../model/report';
import type { Span } from '../parse/text';
import { cellNumber } from './tablesExport';

export type ChangeFlag = 'fromZero' | 'halved';

export interface CellChange {
  table: '二' | '三' | '四';
  /** "表三 · 一、本年新收政府信息公开申请数量 · 自然人" */
  identity: string;
  /** "表三一·自然人" */
  name: string;
  now: number | null;
  before: number | null;
  /** now − before, where both are read */
  change?: number;
  /** the change in percent of last year's, where last year's is not 0 */
  percent?: number;
  flag?: ChangeFlag;
  nowRange?: Range;
  beforeRange?: Range;
}

export interface SimilarParagraph {
  /** 0…1: how much of the two texts is the same (character pairs, numbers set aside) */
  similarity: number;
  now: string;
  before: string;
  nowRange: Range;
  beforeRange: Range;
}

export interface Comparison {
  title?: string;
  year?: number;
  previous: { uri: string; name: string; title?: string; year?: number };
  /** last year's report is not of the year before this one's */
  notYearBefore?: boolean;
  cells: CellChange[];
  /** cells whose change is flagged */
  flagged: number;
  paragraphs: SimilarParagraph[];
}

/** A count from 0 to at least this is flagged. */
export const FROM_ZERO_AT_LEAST = 100;
/** A total of at least this that falls by more than half is flagged. */
export const HALVED_FROM_AT_LEAST = 10;
/** Paragraphs at least this similar are listed. */
export const SIMILAR_AT_LEAST = 0.7;
/** Paragraphs shorter than this (in characters, white space aside) are not compared: headings, dates, signatures. */
const MIN_PARAGRAPH = 20;


/** Whether a cell is a total (or, in table 二, the documents in force): the ones a fall by half is flagged on. */
function isTotal(c: IndexedCell): boolean {
  if (c.table === '三') return c.column === 6;
  if (c.table === '四') return c.column % 5 === 4;
  return /现行有效/.test(c.identity);
}

function flagOf(c: IndexedCell, now: number | null, before: number | null): ChangeFlag | undefined {
  if (now === null || before === null) return undefined;
  if (before === 0 && now >= FROM_ZERO_AT_LEAST) return 'fromZero';
  if (isTotal(c) && before >= HALVED_FROM_AT_LEAST && now * 2 < before) return 'halved';
  return undefined;
}

/** Paragraphs of a report that may be compared: its prose (tables left out), each with its span. */
function paragraphs(report: Report): { text: string; span: Span; grams: Map<string, number>; size: number }[] {
  const text = report.tree.text;
  const out: { text: string; span: Span; grams: Map<string, number>; size: number }[] = [];
  for (const b of report.tree.blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'subheading') continue;
    const raw = text.slice(b.start, b.end).trim();
    // numbers set aside: a paragraph copied with this year's numbers put in is still copied
    const squeezed = raw.replace(/\s+/g, '').replace(/\d+(?:\.\d+)?/g, '0');
    if (squeezed.length < MIN_PARAGRAPH) continue;
    const grams = new Map<string, number>();
    for (let i = 0; i + 1 < squeezed.length; i++) {
      const g = squeezed.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    out.push({ text: raw, span: { start: b.start, end: b.end }, grams, size: squeezed.length - 1 });
  }
  return out;
}

/** Dice's coefficient of two multisets of character pairs. */
function dice(a: Map<string, number>, sizeA: number, b: Map<string, number>, sizeB: number): number {
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [g, n] of small) {
    const m = large.get(g);
    if (m) shared += Math.min(n, m);
  }
  return (2 * shared) / (sizeA + sizeB);
}

export function compareReports(now: Analysis, previous: PreviousYear): Comparison {
  const before = previous.report;
  const out = {} as Comparison;
  if (now.report.title) out.title = now.report.title.text;
  if (now.report.year !== undefined) out.year = now.report.year;
  out.previous = { uri: previous.uri, name: previous.name };
  out.cells = [];
  out.flagged = 0;
  out.paragraphs = [];
  if (before.title) out.previous.title = before.title.text;
  if (before.year !== undefined) out.previous.year = before.year;
  if (now.report.year !== undefined && before.year !== undefined && before.year !== now.report.year - 1) out.notYearBefore = true;

  // cells, in the order of this year's tables, then those only last year's report has
  const key = (c: IndexedCell) => `${c.table}|${c.row}|${c.column}`;
  const earlier = new Map(indexCells(before).map((c) => [key(c), c]));
  const seen = new Set<string>();
  const add = (c: IndexedCell, mine: IndexedCell | undefined, theirs: IndexedCell | undefined) => {
    const n = cellNumber(mine?.cell);
    const b = cellNumber(theirs?.cell);
    const change: CellChange = { table: c.table, identity: c.identity, name: c.name, now: n, before: b };
    if (n !== null && b !== null) {
      change.change = Math.round((n - b) * 10000) / 10000;
      if (b !== 0) change.percent = Math.round(((n - b) / b) * 1000) / 10;
    }
    const flag = flagOf(c, n, b);
    if (flag) {
      change.flag = flag;
      out.flagged++;
    }
    if (mine) change.nowRange = now.lineIndex.rangeOf(mine.cell);
    if (theirs) change.beforeRange = previous.rangeOf(theirs.cell);
    out.cells.push(change);
  };
  for (const c of indexCells(now.report)) {
    seen.add(key(c));
    add(c, c, earlier.get(key(c)));
  }
  for (const c of earlier.values()) if (!seen.has(key(c))) add(c, undefined, c);

  // each paragraph of this year's with last year's most like it, where they are alike enough
  const old = paragraphs(before);
  for (const p of paragraphs(now.report)) {
    let best: (typeof old)[number] | undefined;
    let score = 0;
    for (const q of old) {
      // two texts of very different lengths cannot reach the threshold
      if (Math.min(p.size, q.size) * 2 < SIMILAR_AT_LEAST * (p.size + q.size)) continue;
      const s = dice(p.grams, p.size, q.grams, q.size);
      if (s > score) [score, best] = [s, q];
    }
    if (best && score >= SIMILAR_AT_LEAST) {
      out.paragraphs.push({ similarity: Math.round(score * 1000) / 1000, now: p.text, before: best.text, nowRange: now.lineIndex.rangeOf(p.span), beforeRange: previous.rangeOf(best.span) });
    }
  }
  return out;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The comparison as text (the CLI's --compare): flagged cells first, then every changed one, then the copied paragraphs. */
export function comparisonText(c: Comparison, file: string, previousFile: string, locale: 'zh' | 'en'): string {
  const zh = locale === 'zh';
  const lines: string[] = [];
  const num = (n: number | null) => (n === null ? (zh ? '（无）' : '(none)') : String(n));
  const pct = (p: number | undefined) => (p === undefined ? '' : `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(1)}%`);
  const flagText = (f: ChangeFlag) => (zh ? (f === 'fromZero' ? '从 0 增至上百，请核实' : '总计减少过半，请核实') : f === 'fromZero' ? 'from 0 to hundreds: check it' : 'a total fell by more than half: check it');
  lines.push(
    zh
      ? `${file}（${c.year ?? '?'} 年）与上一年度 ${previousFile}（${c.previous.year ?? '?'} 年）比较`
      : `${file} (${c.year ?? '?'}) compared with ${previousFile} (${c.previous.year ?? '?'})`,
  );
  if (c.notYearBefore) lines.push(zh ? '注意：两份报告的年度不相邻。' : 'Note: the two reports are not of consecutive years.');
  const changed = c.cells.filter((x) => x.now !== x.before);
  lines.push(
    zh
      ? `统计表：${c.cells.length} 格中 ${changed.length} 格有变化，${c.flagged} 格变化异常`
      : `Tables: ${plural(changed.length, 'cell')} of ${c.cells.length} changed, ${c.flagged} flagged`,
  );
  const at = (r: Range | undefined) => (r ? `:${r.start.line + 1}` : '');
  const ordered = [...changed.filter((x) => x.flag), ...changed.filter((x) => !x.flag)];
  for (const x of ordered) {
    const parts = [`${num(x.before)} → ${num(x.now)}`, pct(x.percent), x.flag ? flagText(x.flag) : '', `(${file}${at(x.nowRange)})`].filter((p) => p);
    lines.push(`  ${x.flag ? '⚠' : ' '} ${x.name}  ${parts.join('  ')}`);
  }
  lines.push(
    zh
      ? `相似段落：${c.paragraphs.length} 段与上一年度的段落相同或几乎相同（数字不计）`
      : `Similar paragraphs: ${c.paragraphs.length} the same as, or nearly, one of last year's (numbers aside)`,
  );
  for (const p of c.paragraphs) {
    const short = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);
    lines.push(`  ${Math.round(p.similarity * 100)}%  ${file}:${p.nowRange.start.line + 1} ↔ ${previousFile}:${p.beforeRange.start.line + 1}  ${short(p.now)}`);
  }
  return lines.join('\n') + '\n';
}
