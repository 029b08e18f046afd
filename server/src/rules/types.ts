import type { LocalizedText } from '../i18n';
import type { Report } from '../model/report';
import type { Span } from '../parse/text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleMeta {
  /** stable id, used as the diagnostic `code`, in settings and in `docs/rules/<id>.md` */
  id: string;
  severity: Severity;
  /** one line on what the rule checks */
  description: LocalizedText;
  /**
   * 'tables': the rule's problems follow from the statistical tables' models alone (report.tables,
   * and lines inside the tables), so they are the same whenever the same table models are (a
   * keystroke outside the tables, see model/reuse.ts) and the engine takes them again instead of
   * running the rule.
   */
  reads?: 'tables';
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: LocalizedText;
  edits: TextEdit[];
  /** safe to apply without a human looking (titles, brackets, digit forms; never numbers) */
  safe?: boolean;
}

export interface RelatedPlace {
  span: Span;
  message: LocalizedText;
  /** the place is in another document (last year's report): its URI and range there; `span` is unused */
  elsewhere?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

export interface Problem {
  rule: string;
  severity: Severity;
  message: LocalizedText;
  span: Span;
  related?: RelatedPlace[];
  fixes?: Fix[];
}

export interface Rule {
  meta: RuleMeta;
  /** a pure function of the model */
  check(report: Report): Problem[];
}

/** What a rule makes its problems with: bound to the rule's meta, so its id and severity are never restated. */
export interface RuleContext {
  /** A problem of this rule at `span` (its fixes, if any: a fix list that is empty is left out). */
  problem(span: Span, message: LocalizedText, fixes?: Fix[]): Problem;
}
