/**
 * The whole-report template (the snippet 年报全文) with the agency and year filled in,
 * for the "new report" command. Pure, so it can be tested without VS Code.
 */
export interface SnippetDef {
  body: string[];
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/**
 * Snippet text (VS Code snippet syntax) of a new report for an agency and a year, from the
 * contents of snippets/gov-annual-report.code-snippets (read at run time, not bundled).
 */
export function reportTemplate(snippets: Record<string, SnippetDef>, agency: string, year: number): string {
  const entry = Object.entries(snippets).find(([name]) => name.startsWith('年报全文'));
  if (!entry) throw new Error('the whole-report snippet is missing');
  return entry[1].body
    .join('\n')
    .replace(/\$\{1:机关名称\}|\$\{1\}/g, escapeSnippet(agency))
    .replace(/\$\{2:\$CURRENT_YEAR\}|\$\{2\}/g, String(year));
}
