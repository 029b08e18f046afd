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

/** Whether a cache is switched off (for a measurement, or in a batch: batchCaches). */
export function cacheOff(name: CacheName): boolean {
  return off.size > 0 && off.has(name);
}

let scale = 1;

/**
 * The entries a cache of `limit` entries keeps in this process (a batch scales every limit down, see
 * batchCaches).
 */
export function cacheLimit(limit: number): number {
  return scale === 1 ? limit : Math.max(256, Math.floor(limit * scale));
}

let longestKey = Infinity;

/** The longest text a cache keeps an entry for (a batch keeps short texts only, see batchCaches). */
export function cacheKeyMax(): number {
  return longestKey;
}

/**
 * The caches that pay for themselves in a batch of reports never seen before: those keyed by the
 * format's own words (row labels), which come again in every report. The others serve the checks of
 * one document as it is typed — the same lines, tables and sentences again — and a report of a batch
 * is checked once, so that all they do there is keep each report's lines until the cache is full:
 * measured on 3 000 different reports checked one after the other (steady state, one thread), with
 * the others on 2.18 ms of CPU a report, 510 ms of young-generation collections and a 99 MB heap; with
 * them off 1.98 ms, 194 ms and 47 MB.
 */
const BATCH_CACHES: ReadonlySet<CacheName> = new Set(['model.labels']);

/**
 * Caches for a batch of reports never seen before (the command line's workers): only those that pay
 * for themselves there (BATCH_CACHES) are on; every limit is a tenth (what they hold is mostly words
 * of reports already done); and no entry is kept for a text longer than 100 characters (the format's
 * labels are short, a long text never comes again: looking it up costs its hash and copy for nothing).
 */
export function batchCaches(): void {
  scale = 0.1;
  longestKey = 100;
  off = new Set((Object.keys(CACHES) as CacheName[]).filter((n) => !BATCH_CACHES.has(n)));
}

/** The caches as the editor keeps them: every one on, limits in full. */
export function editorCaches(): void {
  scale = 1;
  longestKey = Infinity;
  off = new Set();
}

/** Switches these caches off, and every other on. */
export function switchCachesOff(names: Iterable<CacheName>): void {
  off = new Set(names);
}
