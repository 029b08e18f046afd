/** Where each rule's documentation page lives (linked from diagnostics as `codeDescription`). */
export const RULE_DOCS_BASE = 'https://github.com/gov-report-tools/gov-annual-report/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return RULE_DOCS_BASE + encodeURIComponent(id) + '.md';
}
