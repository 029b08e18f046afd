/**
 * gov-report-lint --compare PREVIOUS FILE: a report beside last year's — every cell's change, the
 * changes hard to believe, the paragraphs copied from last year — as text or JSON.
 */
import * as path from 'node:path';
import { analyze } from '../check';
import { previousYear } from '../crossYear';
import { compareReports, comparisonText } from '../features/compare';
import { readReportText } from '../files/published';
import type { Locale } from '../i18n';

export interface CompareOptions {
  previous: string;
  file: string;
  format: 'text' | 'json';
  locale: Locale;
}

/** Exit status: 0 compared, 2 a file unreadable. */
export async function runCompare(o: CompareOptions, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const texts: string[] = [];
  for (const file of [o.previous, o.file]) {
    const read = await readReportText(file, o.locale);
    if ('why' in read) {
      io.stderr(`gov-report-lint: ${file}: ${read.why}\n`);
      return 2;
    }
    texts.push(read.text);
  }
  const comparison = compareReports(analyze(texts[1]!), previousYear(analyze(texts[0]!), o.previous, path.basename(o.previous)));
  io.stdout(o.format === 'json' ? JSON.stringify(comparison, null, 2) + '\n' : comparisonText(comparison, o.file, o.previous, o.locale));
  return 0;
}
