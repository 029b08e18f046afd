/**
 * The caches that outlive one check, named — each one's invariant is written where it is defined. They
 * can be switched off one by one to measure what each saves (`npm run bench`, "caches switched off");
 * a result never depends on them (a check with any of them off equals one with all on: tested).
 * Depends on nothing: every layer may use it.
 */
export const CACHES = {
  'parse.lines': 'what a line’s text alone says (its class, cells, offsets), by line text (parse/parser.ts)',
  'parse.flat': 'the pieces a flattened (crawled, one-line) text is cut into, by line text (parse/parser.ts)',
  'model.labels': 'a row label’s scores against the format’s rows, by label text (model/tables.ts)',
  'model.reuse': 'table models and block readings kept and taken again for the same text at the same place (model/reuse.ts)',
  'rules.memos': 'what rules compute from a text alone: stated numbers, citations, preamble parts, label fixes (rules/)',
  'rules.tables': 'the problems of the rules that read only the tables, kept on the table models (check.ts)',
} as const;

export type CacheName = keyof typeof CACHES;

let off: ReadonlySet<CacheName> = new Set();

/** Whether a cache is switched off (for measurement only). */
export function cacheOff(name: CacheName): boolean {
  return off.size > 0 && off.has(name);
}

let scale = 1;

/**
 * The entries a cache of `limit` entries keeps in this process. A batch of reports never seen before
 * (the command line) scales every limit down: what its caches hold is mostly lines of reports already
 * done, which no later report has, and a smaller live set keeps a bounded heap cheap to collect.
 */
export function cacheLimit(limit: number): number {
  return scale === 1 ? limit : Math.max(256, Math.floor(limit * scale));
}

let longestKey = Infinity;

/**
 * The longest text a cache keeps an entry for. A batch of reports never seen before keeps short texts
 * only: the format's headings, table headers and row labels come again in every report, a long line of
 * prose never does, and looking it up costs its hash and its copy for nothing (measured: a cold check
 * 1.46 → 1.34 ms with 100; 40 loses the short lines that do come again).
 */
export function cacheKeyMax(): number {
  return longestKey;
}

/**
 * Caches for a batch of reports never seen before (the command line's workers): every limit scaled
 * by `s`, and no entry for a text longer than `longest` characters. (1, Infinity: as in the editor.)
 */
export function scaleCaches(s: number, longest = Infinity): void {
  scale = s;
  longestKey = longest;
}

/** Switches these caches off, and every other on. */
export function switchCachesOff(names: Iterable<CacheName>): void {
  off = new Set(names);
}
