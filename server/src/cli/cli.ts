/**
 * gov-report-lint: the same checks as the language server, from the command line.
 * Uses everything below the LSP layer and nothing of it.
 */
import * as fs from 'node:fs';
import { Analysis, AnalyzeOptions, analyze } from '../check';
import { applySafeFixes } from '../features/fixAll';
import { toGithub, toSarif } from '../features/sarif';
import { findConfig, ignoresFor, readConfig } from '../files/config';
import { toDiagnostics } from '../features/diagnostics';
import { exportTables } from '../features/tablesExport';
import { Locale, pickLocale } from '../i18n';
import { Unreadable, findReports, readReport } from '../files/findReports';
import { VERSION } from '../version';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export interface CliOptions {
  format: OutputFormat;
  /** print the tables as JSON instead of checking */
  tables: boolean;
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

Directories are searched recursively for .txt and .md files that are reports.

Options:
  --format <f>          output: text (default), json, sarif (SARIF 2.1.0), github (workflow annotations)
  --quiet               report errors only
  --max-warnings <n>    exit 1 when there are more than n warnings
  --config <file>       settings file (default: the nearest .govreportrc.json above each report)
  --fix                 apply the safe fixes (titles, brackets, digits; never numbers) to the files
  --tables              print the statistical tables as JSON (one object per file;
                        an array when several files are given)
  --exit-zero           exit 0 even when errors are found (reporting runs)
  --locale <zh|en>      message language (default: zh, or from LANG)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no errors, 1 at least one error, 2 usage error or unreadable file.
`;
  }
  return `gov-report-lint ${VERSION}
检查政府信息公开工作年度报告的结构与统计表。

用法：gov-report-lint [选项] <文件|目录>...

目录会被递归搜索，检查其中属于年报的 .txt 和 .md 文件。

选项：
  --format <f>          输出格式：text（默认）、json、sarif（SARIF 2.1.0）、github（工作流注释）
  --quiet               只报告错误
  --max-warnings <n>    警告多于 n 个时以 1 退出
  --config <file>       配置文件（默认：报告所在目录向上最近的 .govreportrc.json）
  --fix                 把安全的修复（标题、括号、数字写法；从不改数字）写回文件
  --tables              以 JSON 输出统计表数据（一个文件输出一个对象，多个文件输出数组）
  --exit-zero           即使发现错误也以 0 退出（仅用于出报告）
  --locale <zh|en>      提示语言（默认中文，或按 LANG 环境变量）
  -h, --help            显示本帮助
  -v, --version         显示版本

退出码：0 无错误；1 至少有一个错误；2 用法错误或文件无法读取。
`;
}

type Parsed = { ok: true; options: CliOptions } | { ok: false; exit: number; out?: string; err?: string };

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = {}): Parsed {
  let locale: Locale = env.LANG && !/^(C|POSIX)(\.|$)/.test(env.LANG) ? pickLocale(env.LANG) : 'zh';
  let format: OutputFormat = 'text';
  let tables = false;
  let exitZero = false;
  let quiet = false;
  let fix = false;
  let maxWarnings: number | undefined;
  let config: string | undefined;
  const paths: string[] = [];
  let wantHelp = false;
  let wantVersion = false;
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        wantHelp = true;
        break;
      case '-v':
      case '--version':
        wantVersion = true;
        break;
      case '--format': {
        const v = value();
        if (v === 'text' || v === 'json' || v === 'sarif' || v === 'github') format = v;
        else errors.push(`--format: ${v === undefined ? 'missing value' : `unknown format "${v}"`} (text, json, sarif, github)`);
        break;
      }
      case '--tables':
        tables = true;
        break;
      case '--exit-zero':
        exitZero = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--fix':
        fix = true;
        break;
      case '--max-warnings': {
        const v = value();
        if (v !== undefined && /^\d+$/.test(v)) maxWarnings = Number(v);
        else errors.push(`--max-warnings: ${v === undefined ? 'missing value' : `"${v}" is not a number`}`);
        break;
      }
      case '--config': {
        const v = value();
        if (v) config = v;
        else errors.push('--config: missing file');
        break;
      }
      case '--locale': {
        const v = value();
        if (v === 'zh' || v === 'en') locale = v;
        else errors.push(`--locale: ${v === undefined ? 'missing value' : `unknown locale "${v}"`} (zh, en)`);
        break;
      }
      case '--':
        paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') errors.push(`unknown option ${arg}`);
        else paths.push(arg);
    }
  }
  if (wantHelp) return { ok: false, exit: EXIT_OK, out: helpText(locale) };
  if (wantVersion) return { ok: false, exit: EXIT_OK, out: VERSION + '\n' };
  if (errors.length > 0) return { ok: false, exit: EXIT_USAGE, err: errors.map((e) => `gov-report-lint: ${e}\n`).join('') + `gov-report-lint --help\n` };
  if (paths.length === 0) return { ok: false, exit: EXIT_USAGE, err: helpText(locale) };
  const options: CliOptions = { format, tables, exitZero, quiet, fix, locale, paths };
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (config !== undefined) options.config = config;
  return { ok: true, options };
}

/** Report files below a directory, reporting the unreadable ones. */
function findReportsIn(dir: string, io: CliIO, unreadable: string[]): string[] {
  const problems: Unreadable[] = [];
  const found = findReports(dir, problems);
  for (const u of problems) {
    unreadable.push(u.path);
    io.stderr(`gov-report-lint: ${u.path}: ${u.message}\n`);
  }
  return found;
}

interface FileResult {
  file: string;
  analysis: Analysis;
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

export function run(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = {}): number {
  const parsed = parseArgs(argv, env);
  if (!parsed.ok) {
    if (parsed.out) io.stdout(parsed.out);
    if (parsed.err) io.stderr(parsed.err);
    return parsed.exit;
  }
  const { options } = parsed;
  const unreadable: string[] = [];
  const files: string[] = [];
  for (const p of options.paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      unreadable.push(p);
      io.stderr(`gov-report-lint: ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? (options.locale === 'zh' ? '文件不存在' : 'no such file or directory') : (e as Error).message}\n`);
      continue;
    }
    if (stat.isDirectory()) files.push(...findReportsIn(p, io, unreadable));
    else files.push(p);
  }

  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readReport(file);
    } catch (e) {
      unreadable.push(file);
      io.stderr(`gov-report-lint: ${file}: ${(e as Error).message}\n`);
      continue;
    }
    const analyzeOptions: AnalyzeOptions = {};
    try {
      const configFile = options.config ?? findConfig(file);
      if (configFile) {
        const config = readConfig(configFile);
        if (config.rules) analyzeOptions.ruleSettings = config.rules;
        const ignore = ignoresFor(config, configFile, file);
        if (ignore.length > 0) analyzeOptions.ignore = ignore;
      }
    } catch (e) {
      io.stderr(`gov-report-lint: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    let analysis = analyze(text, analyzeOptions);
    if (options.fix) {
      const fixed = applySafeFixes(text, analyzeOptions);
      if (fixed !== text) {
        fs.writeFileSync(file, fixed, 'utf8');
        analysis = analyze(fixed, analyzeOptions);
      }
    }
    if (options.quiet) analysis.problems = analysis.problems.filter((p) => p.severity === 'error');
    for (const f of analysis.failures) {
      io.stderr(`gov-report-lint: internal error in rule ${f.rule} on ${file}: ${f.error instanceof Error ? f.error.message : String(f.error)}\n`);
    }
    results.push({ file, analysis });
  }

  if (options.tables) {
    const exports = results.map((r) => exportTables(r.analysis.report, r.file));
    io.stdout(JSON.stringify(exports.length === 1 && files.length === 1 ? exports[0] : exports, null, 2) + '\n');
    return unreadable.length > 0 ? EXIT_USAGE : EXIT_OK;
  }

  if (options.format === 'sarif' || options.format === 'github') {
    const files = results.map((r) => ({ file: r.file, diagnostics: toDiagnostics(r.analysis, options.locale) }));
    io.stdout(options.format === 'sarif' ? JSON.stringify(toSarif(files, options.locale), null, 2) + '\n' : toGithub(files));
  } else if (options.format === 'json') {
    const out = results.map((r) => ({
      file: r.file,
      diagnostics: toDiagnostics(r.analysis, options.locale).map((d) => ({
        rule: String(d.code),
        severity: SEVERITY_NAME[d.severity ?? 1],
        message: d.message,
        range: d.range,
      })),
    }));
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const r of results) {
      const diagnostics = toDiagnostics(r.analysis, options.locale);
      for (const d of diagnostics) {
        io.stdout(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAME[d.severity ?? 1]} ${String(d.code)} ${d.message}\n`);
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

