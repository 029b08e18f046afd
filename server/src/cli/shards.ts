/**
 * Splitting one run over machines, and joining what they found: `--shard K/N` keeps the files whose
 * path falls in shard K of N (a split that does not depend on which machine lists the files, or in
 * what order), and `--merge` joins the shards' JSON or SARIF results into the one document a single
 * run would have written. No scheduling here: an existing scheduler (an indexed Job, GNU parallel, a
 * CI matrix) runs one shard per job.
 */
import { fnv1a } from '../parse/text';

export interface Shard {
  /** 1-based */
  k: number;
  n: number;
}

/** `K/N` with 1 ≤ K ≤ N ≤ 100 000; undefined when it is not that. */
export function parseShard(s: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(s);
  if (!m) return undefined;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return k >= 1 && n >= 1 && k <= n && n <= 100_000 ? { k, n } : undefined;
}

/**
 * The shard a file path is in: FNV-1a (32-bit) of the path with `/` for every separator, modulo N.
 * A file's shard depends on its path alone, so shards listed on different machines (or with files
 * added since) still cover every file exactly once.
 */
export function shardOf(file: string, n: number): number {
  return (fnv1a(file.replace(/\\/g, '/')) % n) + 1;
}

/** Whether this machine's part of a run holds a file: every file when the run is not sharded. */
export function inShard(file: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(file, shard.n) === shard.k;
}

/**
 * The order a single run writes its files in: a folder's entries by name, depth first — the same as
 * comparing paths one segment at a time.
 */
export function comparePaths(a: string, b: string): number {
  const x = a.replace(/\\/g, '/').split('/');
  const y = b.replace(/\\/g, '/').split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

export type MergeFormat = 'json' | 'sarif';

export interface MergeInput {
  /** the input's name, for messages */
  name: string;
  text: string;
}

export interface MergeResult {
  format: MergeFormat;
  /** the merged document, as the CLI writes it */
  output: string;
  errors: number;
  warnings: number;
  /** files that more than one input had (the first input's results kept) */
  duplicates: string[];
}

export type MergeFailure = { input: string; message: { zh: string; en: string } };

/** A JSON result's element: one file (check results, or --tables exports). */
interface FileElement {
  file: string;
  diagnostics?: { severity?: unknown }[];
}

interface SarifDoc {
  runs: [{ results: SarifResult[] } & Record<string, unknown>];
}
interface SarifResult {
  level?: unknown;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: unknown } } }[];
}

/**
 * Joins the results of several runs (all JSON arrays of files, or all SARIF 2.1.0 documents of
 * gov-report-lint) into one, ordered by path as one run orders them. A file in more than one input
 * is kept once (the first input's). Inputs are parsed whole: memory is that of the results, never of
 * the reports.
 */
export function mergeResults(inputs: readonly MergeInput[]): MergeResult | MergeFailure {
  let format: MergeFormat | undefined;
  /** each file's results, by file: JSON elements, or runs of SARIF results */
  const byFile = new Map<string, unknown[]>();
  const duplicates: string[] = [];
  let sarifHead: SarifDoc | undefined;
  let errors = 0;
  let warnings = 0;
  for (const input of inputs) {
    let doc: unknown;
    try {
      doc = JSON.parse(input.text);
    } catch (e) {
      return fail(input.name, `不是 JSON（${(e as Error).message}）`, `not JSON (${(e as Error).message})`);
    }
    const kind: MergeFormat | undefined = Array.isArray(doc) ? 'json' : isSarif(doc) ? 'sarif' : undefined;
    if (!kind) return fail(input.name, '不是 gov-report-lint 的 JSON 或 SARIF 结果', 'not a JSON or SARIF result of gov-report-lint');
    if (format && kind !== format) return fail(input.name, `是 ${kind.toUpperCase()}，而前面的结果是 ${format.toUpperCase()}：只能合并同一种格式`, `is ${kind.toUpperCase()} and the inputs before it are ${format.toUpperCase()}: only one format can be merged`);
    format = kind;
    /** this input's results by file (a file's results stay together and in their order) */
    const mine = new Map<string, unknown[]>();
    if (kind === 'json') {
      for (const el of doc as unknown[]) {
        if (!isFileElement(el)) return fail(input.name, '数组中有一项不是带 "file" 的对象', 'an element of the array is not an object with a "file"');
        mine.set(el.file, [el]);
      }
    } else {
      const sarif = doc as SarifDoc;
      sarifHead ??= sarif;
      for (const r of sarif.runs[0].results) {
        const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
        if (typeof uri !== 'string') return fail(input.name, 'SARIF 结果中有一项没有文件位置', 'a SARIF result has no file location');
        let list = mine.get(uri);
        if (!list) mine.set(uri, (list = []));
        list.push(r);
      }
    }
    for (const [file, results] of mine) {
      if (byFile.has(file)) {
        duplicates.push(file);
        continue;
      }
      byFile.set(file, results);
    }
  }
  const files = [...byFile.keys()].sort(comparePaths);
  const all = files.flatMap((f) => byFile.get(f)!);
  // the problems' severities: JSON's per file, SARIF's per result
  const severities = format === 'sarif' ? (all as SarifResult[]).map((r) => r.level) : (all as FileElement[]).flatMap((el) => (el.diagnostics ?? []).map((d) => d.severity));
  for (const s of severities) {
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
  }
  let output: string;
  if (format === 'sarif') {
    const run = { ...sarifHead!.runs[0], results: all };
    output = JSON.stringify({ ...sarifHead, runs: [run] }, null, 2) + '\n';
  } else output = JSON.stringify(all, null, 2) + '\n';
  return { format: format ?? 'json', output, errors, warnings, duplicates };
}

function fail(input: string, zh: string, en: string): MergeFailure {
  return { input, message: { zh, en } };
}

function isFileElement(el: unknown): el is FileElement {
  if (typeof el !== 'object' || el === null || typeof (el as FileElement).file !== 'string') return false;
  const d = (el as FileElement).diagnostics;
  return d === undefined || (Array.isArray(d) && d.every((x) => typeof x === 'object' && x !== null));
}

function isSarif(doc: unknown): doc is SarifDoc {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as { version?: unknown; runs?: unknown };
  if (d.version !== '2.1.0' || !Array.isArray(d.runs) || d.runs.length !== 1) return false;
  const run = d.runs[0] as { results?: unknown; tool?: { driver?: { name?: unknown } } };
  return Array.isArray(run?.results) && run.tool?.driver?.name === 'gov-report-lint';
}
