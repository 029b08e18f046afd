import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import type { Locale } from '../i18n';
import { ruleDocUrl } from '../rules/docs';
import type { Problem, Severity } from '../rules/types';

export const DIAGNOSTIC_SOURCE = '政府信息公开年报';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(problem: Problem, analysis: Analysis, locale: Locale, uri?: string): Diagnostic {
  const d: Diagnostic = {
    range: analysis.lineIndex.rangeOf(problem.span),
    severity: SEVERITY[problem.severity],
    code: problem.rule,
    codeDescription: { href: ruleDocUrl(problem.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message[locale],
  };
  if (problem.related && problem.related.length > 0) {
    const related = problem.related.flatMap((r) =>
      r.elsewhere
        ? [DiagnosticRelatedInformation.create({ uri: r.elsewhere.uri, range: r.elsewhere.range }, r.message[locale])]
        : uri
          ? [DiagnosticRelatedInformation.create({ uri, range: analysis.lineIndex.rangeOf(r.span) }, r.message[locale])]
          : [],
    );
    if (related.length > 0) d.relatedInformation = related;
  }
  return d;
}

/** One diagnostic per rule that threw: the other rules' problems are still there. */
function internalDiagnostics(analysis: Analysis, locale: Locale): Diagnostic[] {
  return analysis.failures.map((f) => ({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'internal-error',
    source: DIAGNOSTIC_SOURCE,
    message:
      locale === 'zh'
        ? `规则 ${f.rule} 在检查本文档时出错（内部错误，请反馈）；其余规则照常检查。${f.error instanceof Error ? f.error.message : String(f.error)}`
        : `Rule ${f.rule} failed on this document (an internal error, please report it); the other rules ran. ${f.error instanceof Error ? f.error.message : String(f.error)}`,
  }));
}

export function toDiagnostics(analysis: Analysis, locale: Locale, uri?: string): Diagnostic[] {
  return [...internalDiagnostics(analysis, locale), ...analysis.problems.map((p) => toDiagnostic(p, analysis, locale, uri))];
}
