/**
 * gov-report-lint: the same checks as the language server, from the command line.
 * Uses everything below the LSP layer and nothing of it.
 */
import * as fs from 'node:fs';
import { ParseArgsConfig, parseArgs as parseNodeArgs } from 'node:util';
import { previousPlaces } from '../crossYear';
import { toSarif } from '../features/sarif';
import { tablesToCsv } from '../features/tablesCsv';
import { SumAccumulator, SumResult } from '../features/sum';
import { table2Text, table3Text, table4Text } from '../features/tablesText';
import { Locale, pickLocale } from '../i18n';
import { TEXT_FILES, eachCandidate } from '../files/findReports';
import { REPORT_FILE_NAMES } from '../files/published';
import { FileIdentity, FileOutcome, FileTask, Judgement, OutputFormat, RunSettings, checkFile, identify, jsonElement, judge } from './batch';
import { KeptReads, PackedStrings } from './packed';
import { BATCH_TUNING_FROM, Pool, WORKER_HEAP_MB, WORKER_YOUNG_MB, WORKER_YOUNG_MB_PUBLISHED, WorkerAnswer, availableCores } from './pool';
import { Shard, inShard, mergeResults, parseShard } from './shards';
import { ExportOptions, runExport } from './export';
import { runCompare } from './compare';
import { VERSION } from '../version';

export type { OutputFormat };

export interface CliOptions {
  format: OutputFormat;
  /** print the tables (JSON, or CSV with --format csv) instead of checking */
  tables: boolean;
  /** add up the tables of the reports (汇总) instead of checking */
  sum: boolean;
  /** the year to sum (default: the year most of the reports are of) */
  year?: number;
  /** exit 0 even when errors are found (a reporting run) */
  exitZero: boolean;
  /** report errors only */
  quiet: boolean;
  /** exit 1 when there are more warnings than this */
  maxWarnings?: number;
  /** a config file given on the command line (instead of the .govreportrc.json found upwards) */
  config?: string;
  /** apply the safe fixes to the files */
  fix: boolean;
  /** say which encoding a text file was read in when it was not UTF-8 */
  verbose: boolean;
  /** print each file as report text (a web page's or Word file's text, tables tab-separated) instead of checking */
  toText: boolean;
  locale: Locale;
  /** worker threads (default: one per core) */
  jobs?: number;
  /** check only the files of this shard (--shard K/N) */
  shard?: Shard;
  /** join the JSON or SARIF results given as paths (--merge) */
  merge: boolean;
  /** write the report out for publication (--export docx|html) instead of checking */
  export?: 'docx' | 'html';
  /** where --export writes (default: beside the report) */
  out?: string;
  /** --export even when the tables have errors */
  force: boolean;
  /** compare the report with this one, last year's (--compare PREVIOUS) */
  compare?: string;
  paths: string[];
}

export interface CliIO {
  /** text, or bytes already in UTF-8 (a file's output as a worker thread encoded it) */
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  /** a progress line (a terminal's stderr only): replaced by the next; '' clears it */
  progress?: (line: string) => void;
  /** the script worker threads run (the CLI bundle itself); without it, every file is checked in this thread */
  workerScript?: string;
}


export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

function helpText(locale: Locale): string {
  if (locale === 'en') {
    return `gov-report-lint ${VERSION}
Checks government information disclosure annual reports (政府信息公开工作年度报告).

Usage: gov-report-lint [options] <file|directory>...

Files: report text (.txt, .md), web pages (.html), Word (.docx), PDF. Directories are searched
recursively for those that are reports; old binary Word/WPS files (.doc, .wps) that are reports
are named as not readable. Places in a web page, Word file or PDF are lines of its text (see
--to-text), with the page for a PDF.

Options:
  --format <f>          output: text (default), json, sarif (SARIF 2.1.0), github (workflow annotations);
                        csv with --tables or --sum
  --quiet               report errors only
  --max-warnings <n>    exit 1 when there are more than n warnings
  --config <file>       settings file (default: the nearest .govreportrc.json above each report)
  --fix                 apply the safe fixes (titles, brackets, digits; never numbers) to the files
  --to-text             print each file as report text (tables as tab-separated rows, a PDF's as
                        aligned columns): turns a web page, Word file or PDF into a report to edit
  --tables              print the statistical tables as JSON (one object per file;
                        an array when several files are given); with --format csv, as CSV
  --sum                 add up tables 二, 三, 四 of the reports (汇总): text (the tables as
                        the format prints them), --format json or csv; reports of another
                        year are left out and named, unreadable cells are named
  --year <n>            with --sum: the year to add up (default: the most common one)
  --exit-zero           exit 0 even when errors are found (reporting runs)
  --verbose             say which encoding a text file was read in when it was not UTF-8
  --locale <zh|en>      message language (default: zh, or from LANG)
  -j, --jobs <N>        worker threads (default: one per core, one fewer below 1000 text files and no other); output in the same order whatever N
  --shard <K/N>         check only shard K of N (a stable split of the files by path), for running
                        one run's work on N machines; last year's reports are still found among all
  --merge               join the JSON or SARIF results of the shards (the files given) by path,
                        into what one run would have written; exit status from the problems in them
  --export <docx|html>  write the report (one file, in any form) for publication: a Word document in the
                        official layout (A4, 仿宋, tables 二 三 四 with merged headers) or a web page's
                        fragment (<article>, no script); refused while the tables have errors
  --out <path>          with --export: where to write (default: beside the report, new extension)
  --force               with --export: export even though the tables have errors
  --compare <previous>  compare one report with last year's: every table cell's change (in percent),
                        changes hard to believe flagged, paragraphs copied from last year's; text or json
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no errors, 1 at least one error (--export: not exported over errors in the tables),
2 usage error or unreadable file.
`;
  }
  return `gov-report-lint ${VERSION}
检查政府信息公开工作年度报告的结构与统计表。

用法：gov-report-lint [选项] <文件|目录>...

文件：年报文本（.txt、.md）、网页（.html）、Word 文档（.docx）、PDF。目录会被递归搜索，检查其中属于年报的这些文件；
属于年报的旧版 Word/WPS 二进制文件（.doc、.wps）会列为无法读取。网页、Word 文件和 PDF 中问题的位置是其文本
（见 --to-text）中的行列，PDF 另注页码。

选项：
  --format <f>          输出格式：text（默认）、json、sarif（SARIF 2.1.0）、github（工作流注释）；
                        与 --tables 或 --sum 一起时可用 csv
  --quiet               只报告错误
  --max-warnings <n>    警告多于 n 个时以 1 退出
  --config <file>       配置文件（默认：报告所在目录向上最近的 .govreportrc.json）
  --fix                 把安全的修复（标题、括号、数字写法；从不改数字）写回文件
  --to-text             把每个文件输出为年报文本（统计表为制表符分隔的行，PDF 的为对齐的列）：把网页、Word 文件或
                        PDF 转为可编辑的年报
  --tables              以 JSON 输出统计表数据（一个文件输出一个对象，多个文件输出数组）；
                        加 --format csv 则输出 CSV
  --sum                 汇总各报告的表二、表三、表四：默认按格式输出表格文本，也可 --format json 或 csv；
                        其他年度的报告不计入并列出，无法读取的单元格逐一列出（计为 0）
  --year <n>            与 --sum 一起用：汇总的年度（默认取多数报告的年度）
  --exit-zero           即使发现错误也以 0 退出（仅用于出报告）
  --verbose             文本文件不是 UTF-8 编码时说明按什么编码读取
  --locale <zh|en>      提示语言（默认中文，或按 LANG 环境变量）
  -j, --jobs <N>        并行线程数（默认为 CPU 核数；只有不到 1000 个文本文件时少用一个）；无论 N 为多少，输出顺序相同
  --shard <K/N>         只检查 N 份中的第 K 份（按路径稳定划分文件），用于把一次检查分到 N 台机器上；
                        上一年度的报告仍在全部文件中查找
  --merge               把各份的 JSON 或 SARIF 结果（所给文件）按路径合并为一次检查的结果；退出码按其中的问题
  --export <docx|html>  把报告（一个文件，任何形式）导出发布：按公文版式的 Word 文档（A4、仿宋，表二、表三、表四为
                        合并表头的 Word 表格），或网页片段（<article>，无脚本）；表格中有错误时不导出
  --out <path>          与 --export 一起用：写到哪里（默认：报告旁边，同名换扩展名）
  --force               与 --export 一起用：表格中有错误也导出
  --compare <上年报告>  与上一年度的报告比较：统计表每一格的增减（百分比），标出异常的变化，列出照抄上年的段落；
                        输出文本或 --format json
  -h, --help            显示本帮助
  -v, --version         显示版本

退出码：0 无错误；1 至少有一个错误（--export：因表格有错误未导出）；2 用法错误或文件无法读取。
`;
}

type Parsed = { ok: true; options: CliOptions } | { ok: false; exit: number; out?: string; err?: string };

/** The options, as node:util parseArgs reads them. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string' },
  tables: { type: 'boolean' },
  sum: { type: 'boolean' },
  year: { type: 'string' },
  'exit-zero': { type: 'boolean' },
  quiet: { type: 'boolean' },
  fix: { type: 'boolean' },
  'to-text': { type: 'boolean' },
  verbose: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  config: { type: 'string' },
  locale: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  shard: { type: 'string' },
  merge: { type: 'boolean' },
  export: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  compare: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): Parsed {
  // read leniently (strict: false), so that every mistake is said at once, then checked here
  const { values, positionals, tokens } = parseNodeArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const errors: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, t.name)) errors.push(`unknown option ${t.rawName}`);
    else if (OPTIONS[t.name as keyof typeof OPTIONS].type === 'boolean' && t.value !== undefined) errors.push(`${t.rawName}: takes no value`);
  }
  /** a string option's value: undefined when not given; a mistake when given without one */
  const text = (name: 'format' | 'year' | 'max-warnings' | 'config' | 'locale' | 'jobs' | 'shard' | 'export' | 'out' | 'compare'): string | undefined | null => {
    const v = values[name];
    if (v === undefined) return undefined;
    return typeof v === 'string' ? v : null;
  };
  const flag = (name: keyof typeof OPTIONS) => values[name] !== undefined && values[name] !== false;
  let locale: Locale = env.LANG && !/^(C|POSIX)(\.|$)/.test(env.LANG) ? pickLocale(env.LANG) : 'zh';
  const localeArg = text('locale');
  if (localeArg === 'zh' || localeArg === 'en') locale = localeArg;
  else if (localeArg !== undefined) errors.push(`--locale: ${localeArg === null ? 'missing value' : `unknown locale "${localeArg}"`} (zh, en)`);
  let format: OutputFormat = 'text';
  const formatArg = text('format');
  const formatGiven = formatArg !== undefined;
  if (formatArg === 'text' || formatArg === 'json' || formatArg === 'sarif' || formatArg === 'github' || formatArg === 'csv') format = formatArg;
  else if (formatArg !== undefined) errors.push(`--format: ${formatArg === null ? 'missing value' : `unknown format "${formatArg}"`} (text, json, sarif, github, csv)`);
  let year: number | undefined;
  const yearArg = text('year');
  if (yearArg && /^\d{4}$/.test(yearArg)) year = Number(yearArg);
  else if (yearArg !== undefined) errors.push(`--year: ${yearArg === null ? 'missing value' : `"${yearArg}" is not a year`}`);
  let maxWarnings: number | undefined;
  const maxArg = text('max-warnings');
  if (maxArg && /^\d+$/.test(maxArg)) maxWarnings = Number(maxArg);
  else if (maxArg !== undefined) errors.push(`--max-warnings: ${maxArg === null ? 'missing value' : `"${maxArg}" is not a number`}`);
  let jobs: number | undefined;
  const jobsArg = text('jobs');
  if (jobsArg && /^\d+$/.test(jobsArg) && Number(jobsArg) >= 1 && Number(jobsArg) <= 256) jobs = Number(jobsArg);
  else if (jobsArg !== undefined) errors.push(`--jobs: ${jobsArg === null ? 'missing value' : `"${jobsArg}" is not a number of jobs (1–256)`}`);
  let shard: Shard | undefined;
  const shardArg = text('shard');
  if (shardArg && parseShard(shardArg)) shard = parseShard(shardArg);
  else if (shardArg !== undefined) errors.push(`--shard: ${shardArg === null ? 'missing value' : `"${shardArg}" is not K/N (1 ≤ K ≤ N)`}`);
  const merge = flag('merge');
  let exportFormat: 'docx' | 'html' | undefined;
  const exportArg = text('export');
  if (exportArg === 'docx' || exportArg === 'html') exportFormat = exportArg;
  else if (exportArg !== undefined) errors.push(`--export: ${exportArg === null ? 'missing value' : `unknown format "${exportArg}"`} (docx, html)`);
  const outArg = text('out');
  if (outArg !== undefined && !outArg) errors.push('--out: missing path');
  const force = flag('force');
  const compareArg = text('compare');
  if (compareArg !== undefined && !compareArg) errors.push('--compare: missing the previous year’s report');
  const configArg = text('config');
  const config = configArg || undefined;
  if (configArg !== undefined && !configArg) errors.push('--config: missing file');
  const tables = flag('tables');
  const sum = flag('sum');
  const exitZero = flag('exit-zero');
  const quiet = flag('quiet');
  const fix = flag('fix');
  const toText = flag('to-text');
  const verbose = flag('verbose');
  const wantHelp = flag('help');
  const wantVersion = flag('version');
  const paths = positionals;
  if (wantHelp) return { ok: false, exit: EXIT_OK, out: helpText(locale) };
  if (wantVersion) return { ok: false, exit: EXIT_OK, out: VERSION + '\n' };
  if (format === 'csv' && !tables && !sum) errors.push('--format csv: only with --tables or --sum');
  if ((tables || sum) && (format === 'sarif' || format === 'github')) errors.push(`--format ${format}: not with --tables or --sum (json, csv${sum ? ', text' : ''})`);
  if (tables && sum) errors.push('--tables and --sum: one at a time');
  if (toText && (tables || sum || fix)) errors.push('--to-text: not with --tables, --sum or --fix');
  if (year !== undefined && !sum) errors.push('--year: only with --sum');
  if (merge && (tables || sum || fix || toText || shard)) errors.push('--merge: not with --tables, --sum, --fix, --to-text or --shard');
  if (merge && formatGiven && format !== 'json' && format !== 'sarif') errors.push(`--merge: --format ${format}: json or sarif (the format of the results merged)`);
  if (compareArg !== undefined && (tables || sum || fix || toText || merge || shard || exportArg !== undefined)) errors.push('--compare: not with --tables, --sum, --fix, --to-text, --merge, --shard or --export');
  if (compareArg !== undefined && positionals.length > 1) errors.push('--compare: one report at a time (--compare PREVIOUS FILE)');
  if (compareArg !== undefined && format !== 'text' && format !== 'json') errors.push(`--compare: --format ${format}: text or json`);
  if (exportArg !== undefined && (tables || sum || fix || toText || merge || shard || formatGiven)) errors.push('--export: not with --tables, --sum, --fix, --to-text, --merge, --shard or --format');
  if (exportArg !== undefined && positionals.length > 1) errors.push('--export: one report at a time');
  if (outArg !== undefined && exportArg === undefined) errors.push('--out: only with --export');
  if (force && exportArg === undefined) errors.push('--force: only with --export');
  if (shard && sum) errors.push('--shard: not with --sum (sum each shard’s --tables instead)');
  if (errors.length > 0) return { ok: false, exit: EXIT_USAGE, err: errors.map((e) => `gov-report-lint: ${e}\n`).join('') + `gov-report-lint --help\n` };
  if (paths.length === 0) return { ok: false, exit: EXIT_USAGE, err: helpText(locale) };
  // --tables speaks JSON unless told otherwise
  if (tables && !formatGiven) format = 'json';
  const options: CliOptions = { format, tables, sum, exitZero, quiet, fix, toText, verbose, locale, merge, force, paths };
  if (exportFormat !== undefined) options.export = exportFormat;
  if (outArg) options.out = outArg;
  if (compareArg) options.compare = compareArg;
  if (shard !== undefined) options.shard = shard;
  if (year !== undefined) options.year = year;
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (config !== undefined) options.config = config;
  if (jobs !== undefined) options.jobs = jobs;
  return { ok: true, options };
}

/** The last line of the text output: how many files, how many problems of each kind. */
function summaryLine(files: number, errors: number, warnings: number, others: number, locale: Locale): string {
  const total = errors + warnings + others;
  if (locale === 'zh') {
    return total === 0 ? `检查了 ${files} 个文件，未发现问题。` : `检查了 ${files} 个文件，发现 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${others} 个提示）。`;
  }
  const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return total === 0
    ? `${pl(files, 'file')} checked, no problems.`
    : `${pl(files, 'file')} checked, ${pl(total, 'problem')} (${pl(errors, 'error')}, ${pl(warnings, 'warning')}, ${pl(others, 'note')}).`;
}

export async function run(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const parsed = parseArgs(argv, env);
  if (!parsed.ok) {
    if (parsed.out) io.stdout(parsed.out);
    if (parsed.err) io.stderr(parsed.err);
    return parsed.exit;
  }
  const { options } = parsed;
  if (options.merge) return runMerge(options, io);
  if (options.compare) {
    return runCompare({ previous: options.compare, file: options.paths[0]!, format: options.format === 'json' ? 'json' : 'text', locale: options.locale }, io);
  }
  if (options.export) {
    const o: ExportOptions = { format: options.export, file: options.paths[0]!, force: options.force, locale: options.locale };
    if (options.out !== undefined) o.out = options.out;
    if (options.config !== undefined) o.config = options.config;
    return runExport(o, io);
  }
  const unreadable: string[] = [];
  const files = listFiles(options, io, unreadable);
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(workOf(files.paths.length, (k) => files.paths.get(k))), files.paths.length));
  // files are read in worker threads (one is enough to bound the heap a run uses), a single file here
  const pool =
    files.paths.length > 1 && io.workerScript
      ? new Pool(jobs, io.workerScript, files.paths.length >= BATCH_TUNING_FROM, youngGenerationOf(files.paths.length, (k) => files.paths.get(k)))
      : undefined;
  try {
    // each step in a function of its own: what it builds for its own use is let go when it returns
    // (a suspended async function keeps everything its frame refers to)
    await judgeFiles(files, options, io, unreadable, pool, jobs);
    const run: RunSettings = {
      format: options.format,
      mode: options.toText ? 'text' : options.tables || options.sum ? 'tables' : 'check',
      quiet: options.quiet,
      fix: options.fix,
      verbose: options.verbose,
      locale: options.locale,
      ...(options.config !== undefined ? { config: options.config } : {}),
    };
    /** each report's report of the year before, by place in `reports` (−1: none among the files) */
    // this machine's part of the files (last year's reports are found among all of them)
    const { shard } = options;
    const previous = run.mode === 'check' && files.reports.length > 1 ? await pairYears(files, pool, jobs, shard) : undefined;
    const mine = shard ? files.reports.flatMap((f, r) => (inShard(files.paths.get(f), shard) ? [r] : [])) : undefined;
    const count = mine ? mine.length : files.reports.length;
    const output = new Output(options, io, count);
    const priors = previous ? new PriorsKept(previous) : undefined;
    const task = (k: number): FileTask => {
      const r = mine ? mine[k]! : k;
      const t = taskOf(files, k, r, previous ? previous[r]! : -1);
      if (priors) priors.give(t, r);
      const read = files.kept.take(files.reports[r]!);
      if (read) t.read = read;
      return t;
    };
    /**
     * Reports checked in a worker, several to a request (each answer wakes this thread, and a wake-up
     * costs a busy worker its core for a while); when the worker died on them or failed them, each
     * again alone, so that only the one to blame is failed.
     */
    const askCheck = async (list: FileTask[]): Promise<FileOutcome[]> => {
      let answer: WorkerAnswer;
      try {
        answer = await pool!.ask({ kind: 'check', tasks: list, run });
      } catch (e) {
        if (list.length === 1) return [failedOutcome(list[0]!, e, options.locale)];
        return (await Promise.all(list.map((t) => askCheck([t])))).flat();
      }
      if (answer.outcomes) return answer.outcomes;
      if (list.length === 1) return [failedOutcome(list[0]!, new Error(answer.error ?? 'no answer'), options.locale)];
      return (await Promise.all(list.map((t) => askCheck([t])))).flat();
    };
    const chunks = checkChunks(count, (k) => files.paths.get(files.reports[mine ? mine[k]! : k]!));
    const checkChunk = async (c: number): Promise<{ index: number; list: FileOutcome[] }> => {
      const tasks: FileTask[] = [];
      for (let k = chunks[c]!; k < chunks[c + 1]!; k++) tasks.push(task(k));
      let list: FileOutcome[];
      if (pool) list = await askCheck(tasks);
      else {
        list = [];
        const inChunk = new Map<string, string>();
        for (const t of tasks) list.push(await checkFile(t, run, inChunk).catch((e: unknown) => failedOutcome(t, e, options.locale)));
      }
      // what next year's reports compare of these, kept as soon as they are checked (not in the order of the output)
      if (priors) for (const o of list) priors.take(o, mine ? mine[o.index]! : o.index);
      return { index: c, list };
    };
    await inOrder(chunks.length - 1, checkChunk, jobs * IN_FLIGHT, (chunk) => {
      for (const o of chunk.list) {
        if (o.unreadable) unreadable.push(o.file);
        if (o.configError && !unreadable.includes(o.configError.file)) {
          unreadable.push(o.configError.file);
          io.stderr(`gov-report-lint: ${o.configError.message}\n`);
        }
        output.file(o);
      }
    });
    return output.end(unreadable.length > 0);
  } finally {
    await pool?.close();
  }
}

/**
 * What a run keeps per file (INV-batch): its path, packed off the heap, and a few numbers — no object
 * per file, so that the main thread's heap stays small whatever their number.
 */
interface RunFiles {
  /** every file named or found in a folder, in order */
  paths: PackedStrings;
  /** those named on the command line (not found in a folder: taken whatever their text) */
  given: Set<number>;
  /** those a folder scan could not look at, and why */
  notes: Map<number, string>;
  /** the reports (files given, and the files in folders judged to be reports): their places in `paths` */
  reports: number[];
  /** each report's agency ('' when its title names none), by place in `reports` */
  agencies: PackedStrings;
  /** each report's year (0: none; −1: not read yet), by place in `reports` */
  years: number[];
  /** what the judging read of the reports costly to read, until they are checked */
  kept: KeptReads;
}

/** The files the paths name: files given, and the files folders hold (to be judged: reports or not). */
function listFiles(options: CliOptions, io: CliIO, unreadable: string[]): RunFiles {
  const zh = options.locale === 'zh';
  const files: RunFiles = { paths: new PackedStrings(), given: new Set(), notes: new Map(), reports: [], agencies: new PackedStrings(), years: [], kept: new KeptReads() };
  for (const p of options.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      unreadable.push(p);
      io.stderr(`gov-report-lint: ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? (zh ? '文件不存在' : 'no such file or directory') : (e as Error).message}\n`);
      continue;
    }
    if (stat.isDirectory()) {
      eachCandidate(p, REPORT_FILE_NAMES, (c) => {
        const k = files.paths.push(c.path);
        if (c.message !== undefined) files.notes.set(k, c.message);
      });
    } else files.given.add(files.paths.push(p));
  }
  return files;
}

/**
 * Requests in flight a worker: the one it answers and the next (it never waits for this thread). More
 * only made this thread's young generation grow (measured at 20 000 reports: 4 a worker, peak RSS
 * 191–198 MB; 2, 165–169 MB; the same time).
 */
const IN_FLIGHT = 2;

/**
 * What the cross-year rules compare of the reports checked so far (a few cells each, packed: batch.packPrior), kept
 * for the reports of the year after still to be checked: their last year's report is then not read
 * and analysed again. Each is kept only while a report still to be given out needs it, and at most
 * MAX_PRIORS of them (INV-batch: a run's memory does not grow with its files); a report whose last
 * year's report is not at hand (not checked yet, or not kept) is given its path, as without them.
 */
export class PriorsKept {
  private readonly kept = new Map<number, string>();
  /** by place in the reports: how many reports yet to be given out have it as last year's */
  private readonly wanted: Uint32Array;

  constructor(private readonly previous: Int32Array) {
    this.wanted = new Uint32Array(previous.length);
    for (const p of previous) if (p >= 0) this.wanted[p]!++;
  }

  /** A task as it is given out (report `r`): what it needs of last year's report, and whether to keep its own. */
  give(task: FileTask, r: number): void {
    if (this.wanted[r]! > 0) task.keepPrior = true;
    const p = this.previous[r]!;
    if (p < 0) return;
    const prior = this.kept.get(p);
    if (prior !== undefined) task.prior = prior;
    if (--this.wanted[p]! === 0) this.kept.delete(p);
  }

  /** How many are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** An outcome as it comes (report `r`): its prior year's data kept while a report to come needs it. */
  take(outcome: FileOutcome, r: number): void {
    if (outcome.prior !== undefined && this.wanted[r]! > 0 && this.kept.size < MAX_PRIORS) this.kept.set(r, outcome.prior);
    delete outcome.prior;
  }
}

/** The most reports' prior-year data a run keeps at once (~150 bytes each: ~10 MB at most). */
export const MAX_PRIORS = 50_000;

/** A report as a worker is given it (made when it is sent: none is kept). */
function taskOf(files: RunFiles, index: number, r: number, previous: number): FileTask {
  const f = files.reports[r]!;
  return { index, file: files.paths.get(f), found: !files.given.has(f), ...(previous >= 0 ? { previous: files.paths.get(files.reports[previous]!) } : {}) };
}

/**
 * Reports checked together (one request to a worker, one answer): text files a few at a time — a check
 * takes a couple of milliseconds, less than what each answer's waking of the main thread costs the
 * workers — and a published form (a PDF, a Word file, a web page: each takes far longer) alone, so that
 * no worker is left with several of them while the others have nothing.
 */
const CHECKED_TOGETHER = 16;

/** Where each chunk of the reports to check starts, and `count` at the end. */
export function checkChunks(count: number, fileAt: (k: number) => string): number[] {
  const starts: number[] = [];
  let size = CHECKED_TOGETHER;
  for (let k = 0; k < count; k++) {
    const alone = !TEXT_FILES.test(fileAt(k));
    if (alone || size >= CHECKED_TOGETHER) {
      starts.push(k);
      size = alone ? CHECKED_TOGETHER : 0;
    }
    size++;
  }
  starts.push(count);
  return starts;
}

/** Which files are reports (those found in folders judged by their text), with the agency and year that reading gave. */
async function judgeFiles(files: RunFiles, options: CliOptions, io: CliIO, unreadable: string[], pool: Pool | undefined, jobs: number): Promise<void> {
  /** files judged in a worker (many to a request: a worker's answer per file would cost the main thread more than the judging) */
  const askJudge = (list: FileTask[]): Promise<Judgement[]> =>
    pool!.ask({ kind: 'judge', tasks: list, locale: options.locale, keep: files.kept.room }).then(
      (a) => a.judgements ?? list.map((t) => ({ index: t.index, verdict: a.error ?? 'no answer' })),
      // the worker died (a file that needs more than its heap): each again alone, the one to blame named
      (e: unknown) => (list.length > 1 ? Promise.all(list.map((t) => askJudge([t]))).then((x) => x.flat()) : [{ index: list[0]!.index, verdict: whyFailed(e, options.locale) }]),
    );
  const JUDGED_TOGETHER = 32;
  const judgeChunk = async (c: number): Promise<{ index: number; list: Judgement[] }> => {
    const from = c * JUDGED_TOGETHER;
    const to = Math.min(files.paths.length, from + JUDGED_TOGETHER);
    const list: Judgement[] = [];
    const ask: FileTask[] = [];
    for (let index = from; index < to; index++) {
      const note = files.notes.get(index);
      if (files.given.has(index)) list.push({ index, verdict: true });
      else if (note !== undefined) list.push({ index, verdict: note });
      else ask.push({ index, file: files.paths.get(index), found: true });
    }
    if (ask.length > 0) list.push(...(pool ? await askJudge(ask) : ask.map((t) => judge(t, options.locale, files.kept.room))));
    return { index: c, list: list.sort((x, y) => x.index - y.index) };
  };
  const { shard } = options;
  await inOrder(Math.ceil(files.paths.length / JUDGED_TOGETHER), judgeChunk, jobs * IN_FLIGHT, (chunk) => chunk.list.forEach((j) => {
    if (j.verdict === true) {
      // what was read of it, for its check: only where this machine checks it
      if (j.read && inShard(files.paths.get(j.index), shard)) files.kept.keep(j.index, j.read);
      files.reports.push(j.index);
      files.agencies.push(j.identity?.agency ?? '');
      files.years.push(j.identity ? (j.identity.year ?? 0) : -1);
      return;
    }
    const file = files.paths.get(j.index);
    if (typeof j.verdict === 'string' && inShard(file, shard)) {
      // a file that cannot be read is named by the shard it falls in (one run's whole output is the shards' together)
      unreadable.push(file);
      io.stderr(`gov-report-lint: ${file}: ${j.verdict}\n`);
    }
  }));
  files.notes.clear();
}

/** Each report's report of the year before among the files: their agencies and years first (a few numbers each, not the files). */
async function pairYears(files: RunFiles, pool: Pool | undefined, jobs: number, shard: Shard | undefined): Promise<Int32Array> {
  const count = files.reports.length;
  let { agencies, years } = files;
  if (years.includes(-1)) {
    // the files given by name were not judged: their titles read now (in order, packed as they come)
    const read = { agencies: new PackedStrings(), years: new Array<number>(count) };
    const identify1 = (r: number): Promise<FileIdentity> => {
      if (files.years[r]! >= 0) return Promise.resolve({ index: r, agency: files.agencies.get(r) || undefined, year: files.years[r] || undefined });
      const t = taskOf(files, r, r, -1);
      // what was read of it kept for its check, where this machine checks it
      const keep = files.kept.room && inShard(t.file, shard);
      return pool ? pool.ask({ kind: 'identify', task: t, keep }).then((a) => a.identity ?? { index: r }) : identify(t, keep);
    };
    await inOrder(count, identify1, jobs * IN_FLIGHT, (id) => {
      if (id.read) files.kept.keep(files.reports[id.index]!, id.read);
      read.agencies.push(id.agency ?? '');
      read.years[id.index] = id.year ?? 0;
    });
    ({ agencies, years } = read);
  }
  return previousPlaces(count, (r) => agencies.get(r) || undefined, (r) => years[r] || undefined);
}

/** The largest result file --merge reads (a JSON string cannot be much longer). */
const MAX_MERGE_INPUT = 400 * 1024 * 1024;

/** --merge: the shards' results joined, as one run would have written them. */
function runMerge(options: CliOptions, io: CliIO): number {
  const zh = options.locale === 'zh';
  const inputs: { name: string; text: string }[] = [];
  for (const p of options.paths) {
    try {
      const size = fs.statSync(p).size;
      if (size > MAX_MERGE_INPUT) throw new Error(zh ? `大于 ${MAX_MERGE_INPUT / 1048576} MB，无法合并` : `larger than ${MAX_MERGE_INPUT / 1048576} MB: cannot be merged`);
      inputs.push({ name: p, text: fs.readFileSync(p, 'utf8') });
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? (zh ? '文件不存在' : 'no such file or directory') : (e as Error).message;
      io.stderr(`gov-report-lint: ${p}: ${why}\n`);
      return EXIT_USAGE;
    }
  }
  const merged = mergeResults(inputs);
  if ('input' in merged) {
    io.stderr(`gov-report-lint: ${merged.input}: ${merged.message[options.locale]}\n`);
    return EXIT_USAGE;
  }
  if (options.format !== 'text' && options.format !== merged.format) {
    io.stderr(`gov-report-lint: --merge --format ${options.format}: ${zh ? `结果是 ${merged.format.toUpperCase()}` : `the results are ${merged.format.toUpperCase()}`}\n`);
    return EXIT_USAGE;
  }
  for (const f of merged.duplicates) io.stderr(`gov-report-lint: ${f}: ${zh ? '在多个结果中出现，只保留第一个结果中的' : 'in more than one result: the first one’s kept'}\n`);
  io.stdout(merged.output);
  if (options.exitZero) return EXIT_OK;
  if (merged.errors > 0) return EXIT_PROBLEMS;
  return options.maxWarnings !== undefined && merged.warnings > options.maxWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Below this much work (workOf: text reports) a run leaves one core to V8's optimizing compiler. Every
 * worker starts with code yet to be optimized and spends its first few hundred reports at two to three
 * times the cost of the rest; a worker more pays for its warming only over enough reports, and while
 * the workers warm up the compiler needs a core of its own. Measured on 2 cores (1 worker / 2 workers,
 * median of five runs): 200 text reports 1.07 / 1.26 s, 500: 1.70 / 1.92 s, 1 000: 2.89 / 2.70 s,
 * 2 000: 4.9 / 4.4 s; but 27 PDFs 11.1 / 8.1 s (a PDF's reading is long work, however few they are).
 */
export const SMALL_RUN = 1000;

/**
 * What a run's files weigh against SMALL_RUN, by their names: a text report 1; a published form (a PDF,
 * a Word file, a web page) as much as SMALL_RUN — reading a PDF takes as long as checking a few hundred
 * text reports, and what a file holds is not known before it is read.
 */
export function workOf(count: number, fileAt: (k: number) => string): number {
  let work = 0;
  for (let k = 0; k < count && work < SMALL_RUN; k++) work += TEXT_FILES.test(fileAt(k)) ? 1 : SMALL_RUN;
  return work;
}

/** Each worker's young generation: larger when at least half the run's files are published forms (pool.WORKER_YOUNG_MB_PUBLISHED). */
export function youngGenerationOf(count: number, fileAt: (k: number) => string): number {
  let published = 0;
  for (let k = 0; k < count; k++) if (!TEXT_FILES.test(fileAt(k))) published++;
  return published * 2 >= count && count > 0 ? WORKER_YOUNG_MB_PUBLISHED : WORKER_YOUNG_MB;
}

/** As many jobs as cores, one fewer for a run of less work than SMALL_RUN (at least one). */
export function defaultJobs(work: number, cores = availableCores()): number {
  return Math.max(1, work < SMALL_RUN ? cores - 1 : cores);
}

/** Why a file's check (or reading) failed outright: more memory than a worker may use, or a bug. */
function whyFailed(e: unknown, locale: Locale): string {
  const memory = (e as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  return memory ? (locale === 'zh' ? `检查此文件所需内存超出上限（${WORKER_HEAP_MB} MB），未检查` : `checking it needs more memory than allowed (${WORKER_HEAP_MB} MB); not checked`) : `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

/** An outcome for a file whose check failed outright (more memory than a worker may use, or a bug): said, and counted as unreadable. */
function failedOutcome(t: FileTask, e: unknown, locale: Locale): FileOutcome {
  const why = whyFailed(e, locale);
  return { index: t.index, file: t.file, stderr: `gov-report-lint: ${t.file}: ${why}\n`, unreadable: true, checked: false, errors: 0, warnings: 0, others: 0 };
}

/**
 * Runs `work` on tasks 0 … count − 1, at most `window` at a time, and hands the results to `each` in
 * the tasks' order whatever order they finish in (only the results waiting for an earlier one are held).
 */
async function inOrder<R extends { index: number }>(count: number, work: (index: number) => Promise<R>, window: number, each: (r: R) => void): Promise<void> {
  const waiting = new Map<number, R>();
  let nextOut = 0;
  let nextIn = 0;
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const launch = () => {
      while (running < window && nextIn < count) {
        running++;
        work(nextIn++).then(
          (r) => {
            running--;
            waiting.set(r.index, r);
            while (waiting.has(nextOut)) {
              const ready = waiting.get(nextOut)!;
              waiting.delete(nextOut);
              nextOut++;
              each(ready);
            }
            if (nextOut === count) resolve();
            else launch();
          },
          (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
        );
      }
    };
    if (count === 0) resolve();
    else launch();
  });
}

/** The run's output, written as each file's outcome comes (JSON and SARIF stay valid documents). */
class Output {
  private files = 0;
  private errors = 0;
  private warnings = 0;
  private others = 0;
  private first = true;
  /** --sum: each report's tables added to its year's running sums as it comes */
  private readonly sums = new SumAccumulator();
  private sarifTail = '';
  private readonly started = performance.now();
  private lastProgress = 0;
  /** --tables writes an array (else one object): several files, or a shard (whose results are merged) */
  private readonly many: boolean;

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIO,
    private readonly total: number,
  ) {
    const { format } = options;
    this.many = total !== 1 || options.shard !== undefined;
    if (options.toText || options.sum) return;
    if (options.tables) {
      if (format !== 'csv' && this.many) io.stdout('[');
      return;
    }
    if (format === 'json') io.stdout('[');
    else if (format === 'sarif') {
      // the document around its results, written before and after them
      const whole = JSON.stringify(toSarif([], options.locale), null, 2);
      const at = whole.indexOf('"results": []');
      io.stdout(whole.slice(0, at) + '"results": [');
      this.sarifTail = whole.slice(at + '"results": ['.length);
    }
  }

  /** One file's outcome, in the run's order. */
  file(o: FileOutcome): void {
    const { io, options } = this;
    if (o.stderr) io.stderr(o.stderr);
    this.progress();
    if (o.skipped || !o.checked) return;
    this.files++;
    this.errors += o.errors;
    this.warnings += o.warnings;
    this.others += o.others;
    if (options.toText) {
      if (this.total > 1) io.stdout(`==> ${o.file} <==\n`);
      io.stdout(o.bytes ?? o.out ?? '');
      return;
    }
    if (options.sum) {
      if (o.tables) this.sums.add({ file: o.file, tables: o.tables });
      return;
    }
    if (options.tables) {
      if (!o.tables) return;
      if (options.format === 'csv') {
        const csv = tablesToCsv([o.tables]);
        // the header (and the byte order mark) once
        io.stdout(this.first ? csv : csv.slice(csv.indexOf('\r\n') + 2));
      } else io.stdout(!this.many ? JSON.stringify(o.tables, null, 2) + '\n' : (this.first ? '\n' : ',\n') + jsonElement(o.tables, 1));
      this.first = false;
      return;
    }
    const output = o.bytes ?? o.out ?? '';
    if (options.format === 'json' || options.format === 'sarif') {
      // elements of the document's array: the separator before them, none for a file without any
      if (!o.elements) return;
      io.stdout(this.first ? '\n' : ',\n');
      this.first = false;
    }
    io.stdout(output);
  }

  private done = 0;
  private progress(): void {
    this.done++;
    const show = this.io.progress;
    if (!show) return;
    const now = performance.now();
    if (now - this.lastProgress < 100 && this.done < this.total) return;
    this.lastProgress = now;
    const rate = this.done / Math.max(0.001, (now - this.started) / 1000);
    const zh = this.options.locale === 'zh';
    show(zh ? `${this.done}/${this.total} 个文件，每秒 ${rate.toFixed(0)} 个，${this.errors} 个错误` : `${this.done}/${this.total} files, ${rate.toFixed(0)}/s, ${this.errors} errors`);
  }

  /** Closes the output; the exit code. */
  end(unreadable: boolean): number {
    const { io, options } = this;
    if (io.progress) io.progress('');
    if (options.toText) return unreadable ? EXIT_USAGE : EXIT_OK;
    if (options.sum) {
      const result = this.sums.result(options.year);
      if (options.format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
      else if (options.format === 'csv') io.stdout(tablesToCsv([{ ...result.tables, file: '' }]));
      else io.stdout(sumText(result, options.locale));
      for (const e of result.excluded) io.stderr(`gov-report-lint: ${e.file}: ${options.locale === 'zh' ? '未计入汇总' : 'not summed'}: ${e.reason[options.locale]}\n`);
      for (const p of result.partial) io.stderr(`gov-report-lint: ${p.file}: ${options.locale === 'zh' ? '以下各处无法读取，计为 0' : 'unreadable, counted as 0'}: ${p.unreadable.join(options.locale === 'zh' ? '、' : ', ')}\n`);
      if (unreadable) return EXIT_USAGE;
      return result.included.length > 0 ? EXIT_OK : EXIT_PROBLEMS;
    }
    if (options.tables) {
      if (options.format !== 'csv' && this.many) io.stdout(this.first ? ']\n' : '\n]\n');
      return unreadable ? EXIT_USAGE : EXIT_OK;
    }
    if (options.format === 'json') io.stdout(this.first ? ']\n' : '\n]\n');
    else if (options.format === 'sarif') io.stdout((this.first ? '' : '\n      ') + this.sarifTail + '\n');
    else if (options.format === 'text') io.stdout(summaryLine(this.files, this.errors, this.warnings, this.others, options.locale) + '\n');
    if (unreadable) return EXIT_USAGE;
    if (options.exitZero) return EXIT_OK;
    if (this.errors > 0) return EXIT_PROBLEMS;
    return options.maxWarnings !== undefined && this.warnings > options.maxWarnings ? EXIT_PROBLEMS : EXIT_OK;
  }
}


/** The sums as text: what was added up, what was left out, then the three tables as the format prints them (tab-separated). */
function sumText(result: SumResult, locale: Locale): string {
  const zh = locale === 'zh';
  const out: string[] = [];
  out.push(
    zh
      ? `汇总：${result.year ?? '?'} 年，${result.included.length} 份报告${result.included.length ? `（${result.included.join('、')}）` : ''}`
      : `Sum: ${result.year ?? '?'}, ${result.included.length} reports${result.included.length ? ` (${result.included.join(', ')})` : ''}`,
  );
  for (const e of result.excluded) out.push(zh ? `未计入：${e.file}（${e.reason.zh}）` : `Left out: ${e.file} (${e.reason.en})`);
  for (const p of result.partial) out.push(zh ? `计为 0：${p.file}：${p.unreadable.join('、')}` : `Counted as 0: ${p.file}: ${p.unreadable.join(', ')}`);
  if (result.included.length > 0) {
    out.push('', '二、主动公开政府信息情况', ...table2Text(result.tables, 'tab'));
    out.push('', '三、收到和处理政府信息公开申请情况', ...table3Text(result.tables, 'tab'));
    out.push('', '四、政府信息公开行政复议、行政诉讼情况', ...table4Text(result.tables, 'tab'));
  }
  return out.join('\n') + '\n';
}
