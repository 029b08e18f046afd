/**
 * One file of a command-line run, from its path to what is printed about it: read, configured, checked
 * (against last year's report when the run has it), fixed, and put in the output's format. A pure
 * function of its task, run in the main thread (`--jobs 1`) or in a worker thread, so that a run of any
 * size keeps only the few files under way in memory.
 */
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Analysis, AnalyzeOptions, analyze } from '../check';
import { previousYear } from '../crossYear';
import { canonicalText } from '../features/canonicalText';
import { toDiagnostics } from '../features/diagnostics';
import { applySafeFixes } from '../features/fixAll';
import { sarifResults, toGithub } from '../features/sarif';
import { TablesExport, exportTables } from '../features/tablesExport';
import { ConfigError, ReportConfig, findConfig, ignoresFor, readConfig } from '../files/config';
import { judgeCandidate } from '../files/findReports';
import { publishedReports, readReportFile } from '../files/published';
import { notWritable, writeFileAtomic } from '../files/write';
import type { Locale } from '../i18n';
import { looksLikeReport } from '../parse/detect';
import { TITLE_TEXT_LINES, titleOf } from '../parse/title';
import type { TextEncodingName } from '../read/decode';
import { encodeExactly } from '../read/encode';
import type { Origin, ReadResult, ReadText, SourceForm } from '../read/types';
import { PRIOR_IN_FORCE_ROWS, PriorCell, PriorYear, priorYearOf } from '../model/report';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'csv';

/** What every file of a run is done with (plain data: it goes to worker threads). */
export interface RunSettings {
  format: OutputFormat;
  /** what the run prints: problems, the tables (--tables, --sum), or the text (--to-text) */
  mode: 'check' | 'tables' | 'text';
  quiet: boolean;
  fix: boolean;
  verbose: boolean;
  config?: string;
  locale: Locale;
}

export interface FileTask {
  index: number;
  file: string;
  /** found in a folder (a PDF there is taken only if its text is a report) */
  found: boolean;
  /** the same agency's report of the year before, among the files of the run */
  previous?: string;
  /**
   * what the cross-year rules compare of `previous` (packPrior), when it was checked already
   * in this run: it is not read again
   */
  prior?: string;
  /** a report of the run is this one's of the year after: the outcome carries what they compare of it (`prior`) */
  keepPrior?: boolean;
  /** what the judging read of it (packRead): not read again */
  read?: Uint8Array;
}

/** What is printed about one file, and what it counts for the run's exit code. */
export interface FileOutcome {
  index: number;
  file: string;
  /** what is said on stderr about it (unreadable, encoding, --fix, a rule's failure) */
  stderr: string;
  /** it could not be read, or not fixed: the run exits 2 */
  unreadable: boolean;
  /** a config file that could not be used: named once per run (exit 2) */
  configError?: { file: string; message: string };
  /** not a report after all (a PDF in a folder without one): left out, not counted */
  skipped?: boolean;
  /** read and checked (or printed): counted in the run's summary */
  checked: boolean;
  /**
   * Its share of the output: text lines, GitHub lines or its report text; for JSON its element and for
   * SARIF its results, as written inside the document's array, joined by ",\n" (`elements` of them)
   */
  out?: string;
  elements?: number;
  /** `out` as UTF-8 (a worker thread's outcome: bytes cross to the main thread without a copy, and never become garbage on its heap) */
  bytes?: Uint8Array;
  tables?: TablesExport;
  /** what the cross-year rules compare of it (packPrior), when the task asked to keep it */
  prior?: string;
  errors: number;
  warnings: number;
  others: number;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** An outcome with its output as bytes, and the buffers to transfer with it. */
export function packOutcome(o: FileOutcome): { outcome: FileOutcome; transfer: ArrayBuffer[] } {
  if (o.out === undefined) return { outcome: o, transfer: [] };
  const { out, ...rest } = o;
  const bytes = utf8.encode(out);
  return { outcome: { ...rest, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

/** A file's agency and year, from its title (for finding last year's report among the run's files). */
export interface FileIdentity {
  index: number;
  agency?: string;
  year?: number;
  /** what was read of it (packRead), when asked to keep it */
  read?: Uint8Array;
}

const SEVERITY_NAME = ['', 'error', 'warning', 'information', 'hint'] as const;

/** Configs read in this thread, by path (a run has a handful). */
const configs = new Map<string, ReportConfig | ConfigError>();

/**
 * The config file each folder's reports use, by folder: the search upwards is made once per folder, not
 * once per report (a province's reports come a hundred to a folder). Invariant: a run creates and
 * removes no config file.
 */
const nearestConfig = new Map<string, string | undefined>();

function configFileFor(file: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  if (!nearestConfig.has(dir)) nearestConfig.set(dir, findConfig(file));
  return nearestConfig.get(dir);
}

function configOf(file: string): ReportConfig | ConfigError {
  let c = configs.get(file);
  if (!c) {
    try {
      c = readConfig(file);
    } catch (e) {
      c = e instanceof ConfigError ? e : new ConfigError(file, (e as Error).message, (e as Error).message);
    }
    configs.set(file, c);
  }
  return c;
}

/** A file a folder scan lists, judged: a report or not (or why a report cannot be read), and its title when it is one. */
export interface Judgement {
  index: number;
  verdict: boolean | string;
  identity?: { agency?: string; year?: number };
  /** what was read of it (packRead), when the judging was asked to keep it (a report in a form costly to read) */
  read?: Uint8Array;
}

/** Whether a file found in a folder is a report; its agency and year from the text that tells (read once). */
export function judge(task: FileTask, locale: Locale, keep = false): Judgement {
  let identity: Judgement['identity'];
  let kept: Uint8Array | undefined;
  const verdict = judgeCandidate(
    task.file,
    publishedReports(locale, (_file, read) => {
      identity = titleOf(read.text);
      if (keep && KEPT_FORMS.has(read.form)) kept = packRead(read);
    }),
  );
  const judgement: Judgement = identity ? { index: task.index, verdict, identity } : { index: task.index, verdict };
  if (kept && verdict === true) judgement.read = kept;
  return judgement;
}

/**
 * The forms whose reading a run keeps from the judging (or from reading the title of a file given by
 * name, or of a PDF, which the judging takes unread) for the check (KeptReads): their reading is most of
 * their check (a Word file: ~12 ms read, ~2 ms checked; a PDF ~50 ms); a text file is read again as
 * cheaply as its reading would be unpacked.
 */
const KEPT_FORMS: ReadonlySet<SourceForm> = new Set(['html', 'docx', 'pdf']);

/**
 * What was read of a file, as bytes for a run to keep off the heap and hand to the check: its JSON (a
 * lone surrogate in the text is written as an escape and comes back as it was) in UTF-8, deflated
 * (a Word report's reading, ~13 KB, to ~5 KB in ~0.2 ms — its reading took ~12 ms — so that a run's
 * budget for them holds 2.4 times as many).
 */
export function packRead(read: ReadText): Uint8Array {
  const packed = zlib.deflateRawSync(utf8.encode(JSON.stringify(read)), { level: 1 });
  // a buffer of its own, of its size (zlib's answer is a view of a larger one: 16 KB or more would be kept)
  return new Uint8Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength));
}

export function unpackRead(bytes: Uint8Array): ReadText {
  return JSON.parse(utf8Decoder.decode(zlib.inflateRawSync(bytes))) as ReadText;
}

/**
 * Reads a file's title: a PDF only as far as the lines a title may stand in, the other forms whole. With
 * `keep`, a PDF is read whole too (its first pages cost ~70% of its whole reading, and its check would
 * read it all again; what the first pages give is the whole reading's beginning, so the title is the
 * same) and what was read of a PDF, a web page or a Word file comes back packed, for its check.
 */
export async function identify(task: FileTask, keep = false): Promise<FileIdentity> {
  try {
    const read = await readReportFile(task.file, keep ? undefined : TITLE_TEXT_LINES);
    if (!read.ok) return { index: task.index };
    const identity: FileIdentity = { index: task.index, ...titleOf(read.read.text) };
    if (keep && KEPT_FORMS.has(read.read.form)) identity.read = packRead(read.read);
    return identity;
  } catch {
    return { index: task.index };
  }
}

/**
 * What the config file that applies to a report says (its rule settings and ignores), as options for
 * the check; a config file that cannot be used is named (the report is checked without it).
 */
export function configuredOptions(file: string, run: { config?: string; locale: Locale }): { options: AnalyzeOptions; configError?: { file: string; message: string } } {
  const options: AnalyzeOptions = {};
  const configFile = run.config ?? configFileFor(file);
  if (!configFile) return { options };
  const config = configOf(configFile);
  // said once a run (it names the file, never echoes what it holds)
  if (config instanceof ConfigError) return { options, configError: { file: configFile, message: run.locale === 'zh' ? config.zh : config.message } };
  if (config.rules) options.ruleSettings = config.rules;
  const ignore = ignoresFor(config, configFile, file);
  if (ignore.length > 0) options.ignore = ignore;
  return { options };
}

/**
 * Checks a file. `priors`: what the cross-year rules compare of the reports checked before it in this
 * request (packPrior, by path), where last year's report checked just before is found without reading it again.
 */
export async function checkFile(task: FileTask, run: RunSettings, priors?: Map<string, string>): Promise<FileOutcome> {
  const { file } = task;
  const zh = run.locale === 'zh';
  const outcome: FileOutcome = { index: task.index, file, stderr: '', unreadable: false, checked: false, errors: 0, warnings: 0, others: 0 };
  const say = (s: string) => (outcome.stderr += `gov-report-lint: ${file}: ${s}\n`);
  let read: ReadResult;
  try {
    read = task.read ? { ok: true, read: unpackRead(task.read) } : await readReportFile(file);
  } catch (e) {
    say((e as Error).message);
    outcome.unreadable = true;
    return outcome;
  }
  if (!read.ok) {
    say(read.refusal.message[run.locale]);
    outcome.unreadable = true;
    return outcome;
  }
  const { text, form, origins, encoding } = read.read;
  if (encoding?.badLines) {
    // a UTF-8 file with a few stray bytes: read as UTF-8, the lines named (never a silent guess)
    const lines = encoding.badLines.join(zh ? '、' : ', ');
    say(zh ? `第 ${lines} 行有不是 UTF-8 的字节，已按 UTF-8 读取（这些字节显示为 �）` : `bytes that are not UTF-8 on line ${lines}; read as UTF-8 (they show as �)`);
  } else if (run.verbose && encoding && (encoding.encoding !== 'utf-8' || encoding.bom)) {
    say(`${zh ? '按' : 'read as'} ${encoding.encoding.toUpperCase()}${encoding.bom ? ' (BOM)' : ''}${zh ? ' 读取' : ''}`);
  }
  // a PDF found in a folder that holds no report: passed over, as a text file would be
  if (form === 'pdf' && task.found && !looksLikeReport(text)) {
    outcome.skipped = true;
    return outcome;
  }
  outcome.checked = true;
  if (run.mode === 'text') {
    // the tables in the national layout, tab-separated, where every cell was read
    outcome.out = form === 'text' ? text : canonicalText(text, analyze(text).report);
    return outcome;
  }
  const { options, configError } = configuredOptions(file, run);
  if (configError) outcome.configError = configError;
  if (task.previous && run.mode === 'check') {
    const known = task.prior ?? priors?.get(task.previous);
    if (known !== undefined) options.previous = unpackPrior(known, task.previous);
    else {
      // last year's report, not checked yet: checked here for what this one is compared with (its tables)
      try {
        const before = await readReportFile(task.previous);
        if (before.ok) options.previous = previousYear(analyze(before.read.text), task.previous, path.basename(task.previous));
      } catch {
        // unreadable: said where it is checked itself
      }
    }
  }
  let analysis = analyze(text, options);
  if (run.fix && form !== 'text') {
    // a web page or Word file is never rewritten: its text is what was read from it
    say(zh ? '--fix 只改写文本文件，未修改此文件（可用 --to-text 转为文本）' : '--fix rewrites text files only; this file is left as it is (--to-text turns it into text)');
  } else if (run.fix) {
    const fixed = applySafeFixes(text, options);
    if (fixed !== text) {
      const written = writeFixed(file, fixed, encoding ?? { encoding: 'utf-8', bom: false }, run.locale);
      if (written === true) analysis = analyze(fixed, options);
      else {
        // one clear message naming the file; the other files are still fixed; exit 2
        outcome.unreadable = true;
        say(written);
      }
    }
  }
  if (run.mode === 'tables') {
    outcome.tables = exportTables(analysis.report, file);
    return outcome;
  }
  if (task.keepPrior) {
    // what next year's report compares of this one: a few cells, kept by the run instead of this file
    outcome.prior = packPrior(priorYearOf(previousYear(analysis, file, path.basename(file))));
    priors?.set(file, outcome.prior);
  }
  if (run.quiet) analysis.problems = analysis.problems.filter((p) => p.severity === 'error');
  for (const f of analysis.failures) outcome.stderr += `gov-report-lint: internal error in rule ${f.rule} on ${file}: ${f.error instanceof Error ? f.error.message : String(f.error)}\n`;
  for (const p of analysis.problems) {
    if (p.severity === 'error') outcome.errors++;
    else if (p.severity === 'warning') outcome.warnings++;
    else outcome.others++;
  }
  const diagnostics = toDiagnostics(analysis, run.locale);
  const pageOf = (line: number) => pageAt(analysis, origins, line);
  // JSON and SARIF as text already (a string goes to the main thread far cheaper than the objects)
  if (run.format === 'json') {
    const element = {
      file,
      diagnostics: diagnostics.map((d) => {
        const page = pageOf(d.range.start.line);
        return { rule: String(d.code), severity: SEVERITY_NAME[d.severity ?? 1], message: d.message, range: d.range, ...(page ? { page } : {}) };
      }),
    };
    outcome.out = jsonElement(element, 1);
    outcome.elements = 1;
  } else if (run.format === 'sarif') {
    const results = sarifResults({ file, diagnostics });
    outcome.out = results.map((r) => jsonElement(r, 4)).join(',\n');
    outcome.elements = results.length;
  }
  else if (run.format === 'github') outcome.out = toGithub([{ file, diagnostics }]);
  else {
    outcome.out = diagnostics
      .map((d) => {
        const page = pageOf(d.range.start.line);
        const where = page ? (zh ? `（第 ${page} 页）` : ` (page ${page})`) : '';
        return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAME[d.severity ?? 1]} ${String(d.code)} ${d.message}${where}\n`;
      })
      .join('');
  }
  return outcome;
}

type PackedCell = [value: number | null, issue: 0 | 1, startLine: number, startCharacter: number, endLine: number, endCharacter: number] | 0;

/**
 * What the cross-year rules compare of a report, packed for a run to keep: its year and its cells'
 * numbers only (~150 one-byte characters; a run may keep tens of thousands), its path known from the task.
 */
export function packPrior(prior: PriorYear): string {
  const cell = (c: PriorCell | null | undefined): PackedCell => (c ? [c.value, c.issue ? 1 : 0, c.range.start.line, c.range.start.character, c.range.end.line, c.range.end.character] : 0);
  return JSON.stringify([prior.year ?? null, prior.carriedOver.map(cell), PRIOR_IN_FORCE_ROWS.map((label) => cell(prior.inForce[label]))]);
}

/** A packed PriorYear (packPrior) of the report at `file`. */
export function unpackPrior(packed: string, file: string): PriorYear {
  const [year, carried, inForce] = JSON.parse(packed) as [number | null, PackedCell[], PackedCell[]];
  const cell = (c: PackedCell): PriorCell | null =>
    c === 0 ? null : { value: c[0], issue: c[1] === 1, range: { start: { line: c[2], character: c[3] }, end: { line: c[4], character: c[5] } } };
  const prior: PriorYear = { uri: file, name: path.basename(file), carriedOver: carried.map(cell), inForce: {} };
  PRIOR_IN_FORCE_ROWS.forEach((label, k) => (prior.inForce[label] = cell(inForce[k]!)));
  if (year !== null) prior.year = year;
  return prior;
}

/** A value as JSON.stringify(array, null, 2) writes an element of an array at this depth (without the separator before it). */
export function jsonElement(value: unknown, depth: number): string {
  // written inside `depth` arrays, so that JSON.stringify indents it as deep (no pass over its lines
  // to indent them), then the arrays' brackets cut off: d lines before it, d after, 2i + 2 characters
  // each (i = 0 … d − 1)
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  const cut = depth * depth + depth;
  return s.slice(cut, s.length - cut);
}

/**
 * Writes a fixed report back in the encoding and byte order mark it was read in, atomically. Returns
 * true, or why it was not written (the file is then as it was).
 */
function writeFixed(file: string, fixed: string, as: { encoding: TextEncodingName; bom: boolean }, locale: Locale): true | string {
  const zh = locale === 'zh';
  if (notWritable(file)) return zh ? '文件只读，--fix 未修改它' : 'the file is read-only; --fix left it as it is';
  const bytes = encodeExactly(fixed, as);
  if (!bytes) return zh ? `修改后的文本无法按原编码（${as.encoding}）原样写回，--fix 未修改此文件` : `the fixed text cannot be written back exactly in the file's encoding (${as.encoding}); --fix left it as it is`;
  try {
    writeFileAtomic(file, bytes);
    return true;
  } catch (e) {
    return (zh ? '写回失败，文件保持原样：' : 'could not write the file back; it is as it was: ') + (e as Error).message;
  }
}

/** The page of a PDF a line of its text stands on (undefined for other forms). */
function pageAt(analysis: Analysis, origins: Origin[], line: number): number | undefined {
  if (!origins.some((o) => o.page !== undefined)) return undefined;
  const offset = analysis.report.tree.lines[line]?.start ?? 0;
  let page: number | undefined;
  for (const o of origins) {
    if (o.offset > offset) break;
    if (o.page !== undefined) page = o.page;
  }
  return page;
}
