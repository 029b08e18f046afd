/**
 * Finding last year's report of the same agency among other reports (the files
 * given to the CLI, the reports of the editor's workspace), for the cross-year rules.
 */
import type { Analysis } from './check';
import { PreviousYear, agencyKey } from './model/report';
import { fnv1a } from './parse/text';

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
 * `findPrevious` over the `count` reports of a batch at once, given by place: each one's place of the
 * same agency's report of the year before (−1: none, or more than one). Linear, not each report
 * against every other; and nothing per report outlives the call on the heap but numbers — the index is
 * by the hash of each report's key, the reports of one hash chained through an Int32Array, and keys are
 * made again from `agencyOf` and compared only along a chain: a batch's keys as strings would live
 * through the young generation's collections and make V8 grow it (INV-batch).
 */
export function previousPlaces(count: number, agencyOf: (k: number) => string | undefined, yearOf: (k: number) => number | undefined): Int32Array {
  const keyOf = (k: number) => pairKey(agencyOf(k), yearOf(k));
  /** a hash → the last report whose key has it; `before[k]`: the report before k with the same hash */
  const last = new Map<number, number>();
  const before = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k++) {
    const key = keyOf(k);
    if (key === undefined) continue;
    const h = fnv1a(key);
    before[k] = last.get(h) ?? -1;
    last.set(h, k);
  }
  const previous = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k++) {
    const agency = agencyOf(k);
    const year = yearOf(k);
    if (!agency || year === undefined) continue;
    const want = pairKey(agency, year - 1)!;
    // the reports of that key along the chain of its hash: exactly one, or none is chosen
    let one = -1;
    for (let j = last.get(fnv1a(want)) ?? -1; j >= 0; j = before[j]!) {
      if (keyOf(j) !== want) continue;
      if (one >= 0) {
        one = -1;
        break;
      }
      one = j;
    }
    previous[k] = one;
  }
  return previous;
}

/** Last year's analysis as the rules see it. */
export function previousYear(analysis: Analysis, uri: string, name: string): PreviousYear {
  return { uri, name, report: analysis.report, rangeOf: (span) => analysis.lineIndex.rangeOf(span) };
}
