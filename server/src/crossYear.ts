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

/** A key's hash, a small integer (FNV-1a over its UTF-16 code units, kept to 30 bits). Exported for tests. */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0x3fffffff;
}

/** A place in `previousPlaces`'s index shared by more than one report (their keys compared one by one). */
const SHARED = -2;

/**
 * `findPrevious` over the `count` reports of a batch at once, given by place: each one's place of the
 * same agency's report of the year before (−1: none, or more than one). Linear, not each report
 * against every other; and nothing per report outlives the call on the heap but numbers — the index is
 * by the hash of each report's key, and keys are compared (made again from `agencyOf`) only where hashes
 * meet: a batch's keys as strings would live through the young generation's collections and make V8
 * grow it (INV-batch).
 */
export function previousPlaces(count: number, agencyOf: (k: number) => string | undefined, yearOf: (k: number) => number | undefined): Int32Array {
  const keyOf = (k: number) => pairKey(agencyOf(k), yearOf(k));
  const byHash = new Map<number, number>();
  for (let k = 0; k < count; k++) {
    const key = keyOf(k);
    if (key === undefined) continue;
    const h = hashOf(key);
    const seen = byHash.get(h);
    byHash.set(h, seen === undefined ? k : SHARED);
  }
  /** where several reports share a hash: the one report whose key is the key looked for (−1: none, or more than one) */
  const resolved = new Map<string, number>();
  const previous = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k++) {
    const agency = agencyOf(k);
    const year = yearOf(k);
    if (!agency || year === undefined) continue;
    const want = pairKey(agency, year - 1)!;
    const h = hashOf(want);
    const at = byHash.get(h);
    if (at === undefined) continue;
    if (at !== SHARED) {
      if (keyOf(at) === want) previous[k] = at;
      continue;
    }
    let one = resolved.get(want);
    if (one === undefined) {
      // the reports of that hash, their keys compared (a key twice — two files of one report — is no one)
      one = -1;
      for (let j = 0; j < count; j++) {
        if (keyOf(j) !== want) continue;
        if (one !== -1) {
          one = -1;
          break;
        }
        one = j;
      }
      resolved.set(want, one);
    }
    previous[k] = one;
  }
  return previous;
}

/** Last year's analysis as the rules see it. */
export function previousYear(analysis: Analysis, uri: string, name: string): PreviousYear {
  return { uri, name, report: analysis.report, rangeOf: (span) => analysis.lineIndex.rangeOf(span) };
}
