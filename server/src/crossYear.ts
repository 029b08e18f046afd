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

/** What pairs reports across years: a report's year and its agency's key (none without both). */
function pairKey(agency: string | undefined, year: number | undefined): string | undefined {
  return agency !== undefined && year !== undefined ? `${year}\u0000${agencyKey(agency)}` : undefined;
}

/** The candidate that is the same agency's report of the year before, if there is exactly one. */
export function findPrevious<C extends ReportIdentity>(agency: string | undefined, year: number | undefined, candidates: readonly C[]): C | undefined {
  if (!agency || year === undefined) return undefined;
  const key = pairKey(agency, year - 1);
  const found = candidates.filter((c) => pairKey(c.agency, c.year) === key);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * `findPrevious` over many candidates at once: each one's report of the year before among the others,
 * found through an index by agency and year (a province's reports: linear, not each against every other).
 */
export function previousOfEach<C extends Omit<ReportIdentity, 'uri'>>(candidates: readonly C[]): (C | undefined)[] {
  const byKey = new Map<string, C[]>();
  for (const c of candidates) {
    const key = pairKey(c.agency, c.year);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  return candidates.map((c) => {
    if (!c.agency || c.year === undefined) return undefined;
    const found = byKey.get(pairKey(c.agency, c.year - 1)!);
    return found?.length === 1 ? found[0] : undefined;
  });
}

/** Last year's analysis as the rules see it. */
export function previousYear(analysis: Analysis, uri: string, name: string): PreviousYear {
  return { uri, name, report: analysis.report, rangeOf: (span) => analysis.lineIndex.rangeOf(span) };
}
