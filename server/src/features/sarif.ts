/**
 * SARIF 2.1.0 and GitHub workflow annotations, for CI.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../i18n';
import { ruleDocUrl } from '../rules/docs';
import { RULES } from '../rules/index';
import { VERSION } from '../version';

const LEVEL = ['', 'error', 'warning', 'note', 'note'] as const;

export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
}

export function toSarif(files: FileDiagnostics[], locale: Locale): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gov-report-lint',
            version: VERSION,
            informationUri: ruleDocUrl('').replace(/\/docs\/rules\/\.md$/, ''),
            rules: RULES.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: r.meta.description[locale] },
              helpUri: ruleDocUrl(r.meta.id),
              defaultConfiguration: { level: LEVEL[r.meta.severity === 'error' ? 1 : r.meta.severity === 'warning' ? 2 : 3] },
            })),
          },
        },
        results: files.flatMap(sarifResults),
      },
    ],
  };
}

/** The SARIF results of one file's diagnostics (a document's `runs[0].results` holds every file's, in order). */
export function sarifResults(f: FileDiagnostics): unknown[] {
  return f.diagnostics.map((d) => ({
    ruleId: String(d.code),
    level: LEVEL[d.severity ?? 1],
    message: { text: String(d.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file.replace(/\\/g, '/') },
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        },
      },
    ],
  }));
}

/** One line per problem in GitHub Actions' workflow-command format. */
export function toGithub(files: FileDiagnostics[]): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const kind = ['', 'error', 'warning', 'notice', 'notice'];
  return files
    .flatMap((f) =>
      f.diagnostics.map(
        (d) =>
          `::${kind[d.severity ?? 1]} file=${escProp(f.file)},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=${escProp(String(d.code))}::${esc(String(d.message))}\n`,
      ),
    )
    .join('');
}
