/**
 * The whole check of one document: parse → model → every rule. Shared by the
 * language server and the command-line checker; knows nothing of either.
 */
import { PreviousYear, PriorYear, Report, buildReport, priorYearOf } from './model/report';
import { once } from './model/once';
import type { Tables } from './model/tables';
import { clearParseCaches, parse } from './parse/parser';
import { clearTableCaches } from './model/tables';
import { clearKeptTables } from './model/reuse';
import { clearStatedCache } from './rules/TXT-table';
import { clearRuleMemos } from './rules/helpers';
import type { SyntaxTree } from './parse/syntax';
import { LineIndex, Span } from './parse/text';
import { IgnoredProblem, applyIgnores } from './ignore';
import { RULES } from './rules/index';
import type { Problem, Rule, Severity } from './rules/types';
import { cacheOff } from './caches';

export interface RuleFailure {
  rule: string;
  error: unknown;
}

export interface Analysis {
  text: string;
  tree: SyntaxTree;
  report: Report;
  lineIndex: LineIndex;
  /** problems of every rule, sorted by position */
  problems: Problem[];
  /** rules that threw (a bug): the other rules still ran */
  failures: RuleFailure[];
  /** problems found but ignored here (`ignore` entries of .govreportrc.json), sorted by position */
  ignored: Problem[];
}

export type RuleSetting = Severity | 'off';

export interface AnalyzeOptions {
  rules?: readonly Rule[];
  /** per rule id: 'off', or the severity to report it with */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** problems ignored at their place ("ignore this problem here"), for this document */
  ignore?: readonly IgnoredProblem[];
  /**
   * the same agency's report of the year before (cross-year rules), found by the caller: whole (the
   * editor: the comparison reads it too), or only what the cross-year rules compare (a batch) — or a
   * way to find it from this report's agency and year, asked once the model is built (one check, not two)
   */
  previous?: PreviousYear | PriorYear | ((report: Report) => PreviousYear | undefined);
  /**
   * the analysis of the same document's version before, given up by the caller: what it holds may be
   * moved to where it stands in this text (tables typed above), changed in place, so it must not be
   * read afterwards (the language server passes the analysis it replaces)
   */
  prior?: Analysis;
}

/** What one rule reports on one document at most (as linters do): the rest is counted in one problem. */
export const MAX_PROBLEMS_PER_RULE = 1000;

function moreProblems(rule: string, first: Problem, more: number): Problem {
  return {
    rule,
    severity: first.severity,
    span: { start: first.span.start, end: first.span.end },
    message: {
      zh: `规则 ${rule} 在本文档还有 ${more} 个问题未列出（每条规则最多列出 ${MAX_PROBLEMS_PER_RULE} 个），从此处起`,
      en: `${more} more problems of rule ${rule} in this document are not listed (at most ${MAX_PROBLEMS_PER_RULE} a rule), from here on`,
    },
  };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const steps = analysisSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The check in steps — parse, model, then each rule — for a caller that gives way between them (the
 * language server, so that a long check of a large document yields to edits and cancellations).
 * Run to its end it is `analyze`; dropped midway it has changed nothing but `options.prior`.
 */
export function* analysisSteps(text: string, options: AnalyzeOptions = {}): Generator<void, Analysis, void> {
  const tree = parse(text, options.prior?.tree);
  yield;
  const report = buildReport(tree, options.prior?.report);
  yield;
  const previous = typeof options.previous === 'function' ? options.previous(report) : options.previous;
  if (previous && 'report' in previous) {
    report.previous = previous;
    report.prior = priorYearOf(previous);
  } else if (previous) report.prior = previous;
  const lineIndex = new LineIndex(text, tree.lines);
  const problems: Problem[] = [];
  const failures: RuleFailure[] = [];
  const settings = options.ruleSettings ?? {};
  for (const rule of options.rules ?? RULES) {
    const setting = settings[rule.meta.id];
    if (setting === 'off') continue;
    try {
      const found = rule.meta.reads === 'tables' ? tableRuleProblems(rule, report) : rule.check(report);
      if (setting) for (const p of found) p.severity = setting;
      // appended one by one (a spread of 100 000 problems overflows the stack), and at most
      // MAX_PROBLEMS_PER_RULE of them, then one that says how many more there are
      const shown = found.length > MAX_PROBLEMS_PER_RULE ? found.slice(0, MAX_PROBLEMS_PER_RULE) : found;
      for (const p of shown) problems.push(p);
      if (found.length > MAX_PROBLEMS_PER_RULE) problems.push(moreProblems(rule.meta.id, found[MAX_PROBLEMS_PER_RULE]!, found.length - MAX_PROBLEMS_PER_RULE));
    } catch (error) {
      failures.push({ rule: rule.meta.id, error });
    }
    yield;
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const { shown, ignored } = applyIgnores(problems, options.ignore ?? [], report, lineIndex);
  return { text, tree, report, lineIndex, problems: shown, failures, ignored };
}

const TABLE_RULE_PROBLEMS = Symbol('problems of the rules that read only the tables');

interface TableRuleProblems {
  tables: Tables;
  /** where each table stood when the problems were found (tables move: model/reuse.ts) */
  places: (Span | undefined)[];
  problems: Problem[];
}

const tablePlaces = ({ table2, table3, table4 }: Tables): (Span | undefined)[] =>
  [table2, table3, table4].map((t) => (t ? { start: t.start, end: t.end } : undefined));

/**
 * The problems of a rule that reads only the tables: remembered on the table models, and taken again
 * when the report has the very same models (kept across checks: model/reuse.ts), moved with the tables
 * when they moved. Each check gets its own copies (the engine sets severities on them).
 */
function tableRuleProblems(rule: Rule, report: Report): Problem[] {
  const { table2, table3, table4 } = report.tables;
  const holder = table3 ?? table2 ?? table4;
  if (!holder || cacheOff('rules.tables')) return rule.check(report);
  const byRule = once(holder, TABLE_RULE_PROBLEMS, () => new Map<Rule, TableRuleProblems>());
  const kept = byRule.get(rule);
  const places = tablePlaces(report.tables);
  if (kept && kept.tables.table2 === table2 && kept.tables.table3 === table3 && kept.tables.table4 === table4) {
    const moved = movedProblems(kept, places);
    if (moved) return moved;
  }
  const problems = rule.check(report);
  byRule.set(rule, { tables: { table2, table3, table4 }, places, problems: problems.map((p) => ({ ...p })) });
  return problems;
}

/**
 * Copies of kept problems for tables standing at `now`: as they are when no table moved, else with
 * every place moved as the table it lies in moved; undefined when a place lies in no table or in
 * two that moved differently (the rule is run again).
 */
function movedProblems(kept: TableRuleProblems, now: (Span | undefined)[]): Problem[] | undefined {
  const deltas = now.map((t, k) => (t ? t.start - kept.places[k]!.start : 0));
  if (deltas.every((d) => d === 0)) return kept.problems.map((p) => ({ ...p }));
  let lost = false;
  const at = (span: Span): Span => {
    let delta: number | undefined;
    kept.places.forEach((t, k) => {
      if (!t || span.start < t.start || span.end > t.end) return;
      if (delta !== undefined && delta !== deltas[k]) lost = true;
      delta = deltas[k];
    });
    if (delta === undefined) lost = true;
    return { start: span.start + (delta ?? 0), end: span.end + (delta ?? 0) };
  };
  const moved = kept.problems.map((p) => {
    const copy: Problem = { ...p, span: at(p.span) };
    if (p.related) copy.related = p.related.map((r) => (r.elsewhere ? r : { ...r, span: at(r.span) }));
    if (p.fixes) copy.fixes = p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: at(e.span) })) }));
    return copy;
  });
  return lost ? undefined : moved;
}

/**
 * Forgets what checks remember across texts (line classes, label scores), so that
 * the next check runs from cold. For measurements; results never depend on it.
 */
export function clearCaches(): void {
  clearParseCaches();
  clearTableCaches();
  clearKeptTables();
  clearStatedCache();
  clearRuleMemos();
}
