/**
 * gov-report-lint: the same checks as the language server, from the command line.
 * Uses everything below the LSP layer and nothing of it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPrevious, previousYear } from '../crossYear';
import { Analysis, AnalyzeOptions, analyze } from '../check';
import { parse } from '../parse/parser';
import { ParseArgsConfig, parseArgs as parseNodeArgs } from 'node:util';
import { applySafeFixes } from '../features/fixAll';
import { toGithub, toSarif } from '../features/sarif';
import { ConfigError, findConfig, ignoresFor, readConfig } from '../files/config';
import { toDiagnostics } from '../features/diagnostics';
import { exportTables } from '../features/tablesExport';
import { canonicalText } from '../features/canonicalText';
import { tablesToCsv } from '../features/tablesCsv';
import { SumResult, sumTables } from '../features/sum';
import { table2Text, table3Text, table4Text } from '../features/tablesText';
import { Locale, pickLocale } from '../i18n';
import { Unreadable, findReports } from '../files/findReports';
import { REPORT_FILE_NAMES, publishedReports, readReportFile } from '../files/published';
import type { Origin, SourceForm } from '../read/types';
import type { TextEncodingName } from '../read/decode';
import { encodeExactly } from '../read/encode';
import { notWritable, writeFileAtomic } from '../files/write';
import { looksLikeReport } from '../parse/detect';
import { VERSION } from '../version';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'csv';

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
  paths: string[];
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const SEVERITY_NAME = ['', 'error', 'warning', 'information', 'hint'] as const;

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
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no errors, 1 at least one error, 2 usage error or unreadable file.
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
  -h, --help            显示本帮助
  -v, --version         显示版本

退出码：0 无错误；1 至少有一个错误；2 用法错误或文件无法读取。
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
  const text = (name: 'format' | 'year' | 'max-warnings' | 'config' | 'locale'): string | undefined | null => {
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
  if (errors.length > 0) return { ok: false, exit: EXIT_USAGE, err: errors.map((e) => `gov-report-lint: ${e}\n`).join('') + `gov-report-lint --help\n` };
  if (paths.length === 0) return { ok: false, exit: EXIT_USAGE, err: helpText(locale) };
  // --tables speaks JSON unless told otherwise
  if (tables && !formatGiven) format = 'json';
  const options: CliOptions = { format, tables, sum, exitZero, quiet, fix, toText, verbose, locale, paths };
  if (year !== undefined) options.year = year;
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (config !== undefined) options.config = config;
  return { ok: true, options };
}

/** Report files below a directory, reporting the unreadable ones. */
function findReportsIn(dir: string, io: CliIO, unreadable: string[], locale: Locale): string[] {
  const problems: Unreadable[] = [];
  const found = findReports(dir, problems, REPORT_FILE_NAMES, publishedReports(locale));
  for (const u of problems) {
    unreadable.push(u.path);
    io.stderr(`gov-report-lint: ${u.path}: ${u.message}\n`);
  }
  return found;
}

interface FileResult {
  file: string;
  analysis: Analysis;
  /** where the text came from (a PDF's pages) */
  origins: Origin[];
}

function summary(results: FileResult[], locale: Locale): string {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const r of results) {
    for (const p of r.analysis.problems) {
      if (p.severity === 'error') errors++;
      else if (p.severity === 'warning') warnings++;
      else others++;
    }
  }
  const total = errors + warnings + others;
  if (locale === 'zh') {
    return total === 0
      ? `检查了 ${results.length} 个文件，未发现问题。`
      : `检查了 ${results.length} 个文件，发现 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${others} 个提示）。`;
  }
  const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return total === 0
    ? `${pl(results.length, 'file')} checked, no problems.`
    : `${pl(results.length, 'file')} checked, ${pl(total, 'problem')} (${pl(errors, 'error')}, ${pl(warnings, 'warning')}, ${pl(others, 'note')}).`;
}

export async function run(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const parsed = parseArgs(argv, env);
  if (!parsed.ok) {
    if (parsed.out) io.stdout(parsed.out);
    if (parsed.err) io.stderr(parsed.err);
    return parsed.exit;
  }
  const { options } = parsed;
  const unreadable: string[] = [];
  const files: string[] = [];
  // files found in folders (a PDF among them is taken only if its text is a report)
  const found = new Set<string>();
  for (const p of options.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      unreadable.push(p);
      io.stderr(`gov-report-lint: ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? (options.locale === 'zh' ? '文件不存在' : 'no such file or directory') : (e as Error).message}\n`);
      continue;
    }
    if (stat.isDirectory()) {
      for (const f of findReportsIn(p, io, unreadable, options.locale)) {
        files.push(f);
        found.add(f);
      }
    }
    else files.push(p);
  }

  interface Entry {
    file: string;
    text: string;
    form: SourceForm;
    origins: Origin[];
    encoding?: { encoding: TextEncodingName; bom: boolean };
    analyzeOptions: AnalyzeOptions;
    agency: string | undefined;
    year: number | undefined;
  }
  // read and configure every file first: last year's report may be any of them
  const entries: Entry[] = [];
  for (const file of files) {
    let text: string;
    let form: SourceForm;
    let origins: Origin[];
    let encoding: { encoding: TextEncodingName; bom: boolean; badLines?: number[] } | undefined;
    try {
      const read = await readReportFile(file);
      if (!read.ok) {
        unreadable.push(file);
        io.stderr(`gov-report-lint: ${file}: ${read.refusal.message[options.locale]}\n`);
        continue;
      }
      text = read.read.text;
      form = read.read.form;
      origins = read.read.origins;
      encoding = read.read.encoding;
      if (encoding?.badLines) {
        // a UTF-8 file with a few stray bytes: read as UTF-8, the lines named (never a silent guess)
        const lines = encoding.badLines.join(options.locale === 'zh' ? '、' : ', ');
        io.stderr(`gov-report-lint: ${file}: ${options.locale === 'zh' ? `第 ${lines} 行有不是 UTF-8 的字节，已按 UTF-8 读取（这些字节显示为 �）` : `bytes that are not UTF-8 on line ${lines}; read as UTF-8 (they show as �)`}\n`);
      } else if (options.verbose && encoding && (encoding.encoding !== 'utf-8' || encoding.bom)) {
        io.stderr(`gov-report-lint: ${file}: ${options.locale === 'zh' ? '按' : 'read as'} ${encoding.encoding.toUpperCase()}${encoding.bom ? ' (BOM)' : ''}${options.locale === 'zh' ? ' 读取' : ''}\n`);
      }
      // a PDF found in a folder that holds no report: passed over, as a text file would be
      if (form === 'pdf' && found.has(file) && !looksLikeReport(text)) continue;
    } catch (e) {
      unreadable.push(file);
      io.stderr(`gov-report-lint: ${file}: ${(e as Error).message}\n`);
      continue;
    }
    if (options.toText) {
      if (files.length > 1) io.stdout(`==> ${file} <==\n`);
      // the tables in the national layout, tab-separated, where every cell was read
      io.stdout(form === 'text' ? text : canonicalText(text, analyze(text).report));
      continue;
    }
    const analyzeOptions: AnalyzeOptions = {};
    const configFile = options.config ?? findConfig(file);
    try {
      if (configFile) {
        const config = readConfig(configFile);
        if (config.rules) analyzeOptions.ruleSettings = config.rules;
        const ignore = ignoresFor(config, configFile, file);
        if (ignore.length > 0) analyzeOptions.ignore = ignore;
      }
    } catch (e) {
      // said once (it names the file, never echoes what it holds); the report is checked without it; exit 2
      if (configFile && !unreadable.includes(configFile)) {
        unreadable.push(configFile);
        io.stderr(`gov-report-lint: ${e instanceof ConfigError && options.locale === 'zh' ? e.zh : (e as Error).message}\n`);
      }
    }
    // whose report of which year: from the title, without checking it yet
    const title = parse(text).title;
    entries.push({ file, text, form, origins, ...(encoding ? { encoding } : {}), analyzeOptions, agency: title?.agency, year: title?.year });
  }
  if (options.toText) return unreadable.length > 0 ? EXIT_USAGE : EXIT_OK;
  const identities = entries.map((e) => ({ uri: e.file, agency: e.agency, year: e.year, entry: e }));
  // each file checked once, with the same agency's report of the year before among the files given
  // (checked first when it is needed: the cross-year rules compare with it)
  const checked = new Map<Entry, Analysis>();
  const analysisOf = (entry: Entry): Analysis => {
    let analysis = checked.get(entry);
    if (!analysis) {
      const before = findPrevious(entry.agency, entry.year, identities);
      if (before) entry.analyzeOptions.previous = previousYear(analysisOf(before.entry), before.entry.file, path.basename(before.entry.file));
      analysis = analyze(entry.text, entry.analyzeOptions);
      checked.set(entry, analysis);
    }
    return analysis;
  };

  const results: FileResult[] = [];
  for (const entry of entries) {
    const { file, text, analyzeOptions } = entry;
    let analysis = analysisOf(entry);
    if (options.fix && entry.form !== 'text') {
      // a web page or Word file is never rewritten: its text is what was read from it
      io.stderr(`gov-report-lint: ${file}: ${options.locale === 'zh' ? '--fix 只改写文本文件，未修改此文件（可用 --to-text 转为文本）' : '--fix rewrites text files only; this file is left as it is (--to-text turns it into text)'}\n`);
    } else if (options.fix) {
      const fixed = applySafeFixes(text, analyzeOptions);
      if (fixed !== text) {
        const written = writeFixed(file, fixed, entry.encoding ?? { encoding: 'utf-8', bom: false }, options.locale);
        if (written === true) analysis = analyze(fixed, analyzeOptions);
        else {
          // one clear message naming the file; the other files are still fixed; exit 2
          unreadable.push(file);
          io.stderr(`gov-report-lint: ${file}: ${written}\n`);
        }
      }
    }
    if (options.quiet) analysis.problems = analysis.problems.filter((p) => p.severity === 'error');
    for (const f of analysis.failures) {
      io.stderr(`gov-report-lint: internal error in rule ${f.rule} on ${file}: ${f.error instanceof Error ? f.error.message : String(f.error)}\n`);
    }
    results.push({ file, analysis, origins: entry.origins });
  }

  if (options.tables) {
    const exports = results.map((r) => exportTables(r.analysis.report, r.file));
    if (options.format === 'csv') io.stdout(tablesToCsv(exports));
    else io.stdout(JSON.stringify(exports.length === 1 && files.length === 1 ? exports[0] : exports, null, 2) + '\n');
    return unreadable.length > 0 ? EXIT_USAGE : EXIT_OK;
  }

  if (options.sum) {
    const result = sumTables(results.map((r) => ({ file: r.file, tables: exportTables(r.analysis.report, r.file) })), options.year);
    if (options.format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
    else if (options.format === 'csv') io.stdout(tablesToCsv([{ ...result.tables, file: '' }]));
    else io.stdout(sumText(result, options.locale));
    for (const e of result.excluded) io.stderr(`gov-report-lint: ${e.file}: ${options.locale === 'zh' ? '未计入汇总' : 'not summed'}: ${e.reason[options.locale]}\n`);
    for (const p of result.partial) io.stderr(`gov-report-lint: ${p.file}: ${options.locale === 'zh' ? '以下各处无法读取，计为 0' : 'unreadable, counted as 0'}: ${p.unreadable.join(options.locale === 'zh' ? '、' : ', ')}\n`);
    if (unreadable.length > 0) return EXIT_USAGE;
    return result.included.length > 0 ? EXIT_OK : EXIT_PROBLEMS;
  }

  if (options.format === 'sarif' || options.format === 'github') {
    const files = results.map((r) => ({ file: r.file, diagnostics: toDiagnostics(r.analysis, options.locale) }));
    io.stdout(options.format === 'sarif' ? JSON.stringify(toSarif(files, options.locale), null, 2) + '\n' : toGithub(files));
  } else if (options.format === 'json') {
    const out = results.map((r) => ({
      file: r.file,
      diagnostics: toDiagnostics(r.analysis, options.locale).map((d) => {
        const page = pageAt(r, d.range.start.line);
        return { rule: String(d.code), severity: SEVERITY_NAME[d.severity ?? 1], message: d.message, range: d.range, ...(page ? { page } : {}) };
      }),
    }));
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const r of results) {
      const diagnostics = toDiagnostics(r.analysis, options.locale);
      for (const d of diagnostics) {
        const page = pageAt(r, d.range.start.line);
        const where = page ? (options.locale === 'zh' ? `（第 ${page} 页）` : ` (page ${page})`) : '';
        io.stdout(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAME[d.severity ?? 1]} ${String(d.code)} ${d.message}${where}\n`);
      }
    }
    io.stdout(summary(results, options.locale) + '\n');
  }

  if (unreadable.length > 0) return EXIT_USAGE;
  if (options.exitZero) return EXIT_OK;
  if (results.some((r) => r.analysis.problems.some((p) => p.severity === 'error'))) return EXIT_PROBLEMS;
  const warnings = results.reduce((n, r) => n + r.analysis.problems.filter((p) => p.severity === 'warning').length, 0);
  return options.maxWarnings !== undefined && warnings > options.maxWarnings ? EXIT_PROBLEMS : EXIT_OK;
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
function pageAt(r: FileResult, line: number): number | undefined {
  if (!r.origins.some((o) => o.page !== undefined)) return undefined;
  const offset = r.analysis.report.tree.lines[line]?.start ?? 0;
  let page: number | undefined;
  for (const o of r.origins) {
    if (o.offset > offset) break;
    if (o.page !== undefined) page = o.page;
  }
  return page;
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
