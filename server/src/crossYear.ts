/**
 * Finding last year's report of the same agency among other reports (the files
 * given to the CLI, the reports of the editor's workspace), for the cross-year rules.
 */
import type { Analysis } from './check';
import { PreviousYear, agencyKey } from './model/report';

/** What is known of a candidate report without checking it: where it is, whose, which year. */
export interface ReportIdentity {
  uri: string;
  agency?: string;
  year?: number;
}

/** The candidate that is the same agency's report of the year before, if there is exactly one. */
export function findPrevious<C extends ReportIdentity>(agency: string | undefined, year: number | undefined, candidates: readonly C[]): C | undefined {
  if (!agency || year === undefined) return undefined;
  const key = agencyKey(agency);
  const found = candidates.filter((c) => c.agency !== undefined && c.year === year - 1 && agencyKey(c.agency) === key);
  return found.length === 1 ? found[0] : undefined;
}

/** Last year's analysis as the rules see it. */
export function previousYear(analysis: Analysis, uri: string, name: string): PreviousYear {
  return { uri, name, report: analysis.report, rangeOf: (span) => analysis.lineIndex.rangeOf(span) };
}
