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
  if (uri && problem.related && problem.related.length > 0) {
    d.relatedInformation = problem.related.map((r) =>
      DiagnosticRelatedInformation.create({ uri, range: analysis.lineIndex.rangeOf(r.span) }, r.message[locale]),
    );
  }
  return d;
}

export function toDiagnostics(analysis: Analysis, locale: Locale, uri?: string): Diagnostic[] {
  return analysis.problems.map((p) => toDiagnostic(p, analysis, locale, uri));
}
