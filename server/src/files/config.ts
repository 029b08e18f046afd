/**
 * .govreportrc.json: settings shared by a team and the CLI (the same shape as the
 * editor's govReport.* settings), found upwards from a report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleSetting } from '../check';
import type { IgnoredProblem } from '../ignore';
import { writeFileAtomic } from './write';

export const CONFIG_FILE = '.govreportrc.json';

/** A problem ignored at its place in one report ("ignore this problem here"). */
export interface IgnoreEntry extends IgnoredProblem {
  /** the report, relative to the folder of the .govreportrc.json, with / separators */
  file: string;
}

export interface ReportConfig {
  rules?: Record<string, RuleSetting>;
  ignore?: IgnoreEntry[];
}

const SETTINGS = new Set(['off', 'error', 'warning', 'information', 'hint']);

/**
 * Why a config file was not used: its name, what is wrong in both languages (never what the file
 * holds), and where in it when that is known (0-based line and character, as LSP counts them).
 * `message` is the English one, with the file's path in front.
 */
export class ConfigError extends Error {
  readonly zh: string;
  constructor(
    readonly file: string,
    zh: string,
    en: string,
    readonly at?: { line: number; character: number },
  ) {
    super(`${file}: ${en}`);
    this.zh = `${file}：${zh}`;
  }

  /** What is wrong, without the file's path (the file is named where it is said). */
  get reason(): { zh: string; en: string } {
    return { zh: this.zh.slice(this.file.length + 1), en: this.message.slice(this.file.length + 2) };
  }
}

/** The line and character (UTF-16 units) of an offset in a text. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, character: Math.max(0, offset - start) };
}

/** Where a key is written in a config text (its first occurrence as a JSON string), for pointing at it. */
function keyAt(text: string, key: string, from = 0): { line: number; character: number } | undefined {
  const k = text.indexOf(JSON.stringify(key), from);
  return k === -1 ? undefined : positionOf(text, k);
}

/** A config file larger than this is not read (a settings file is a few KB; a link to /dev/zero is endless). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A config file's text: a regular file only (not a FIFO, a device, a folder — also behind a link),
 * at most MAX_CONFIG_BYTES. Throws with a message naming the file and why it was not read.
 */
function readConfigText(file: string): string {
  // opened without blocking (a FIFO would wait forever for a writer), then looked at through its descriptor
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const [zh, en] = st.isFIFO() ? ['管道', 'a FIFO'] : st.isCharacterDevice() || st.isBlockDevice() ? ['设备', 'a device'] : st.isDirectory() ? ['文件夹', 'a folder'] : ['特殊文件', 'a special file'];
      throw new ConfigError(file, `不是普通文件（是${zh}），未使用`, `not a regular file (${en}); ignored`);
    }
    const mb = MAX_CONFIG_BYTES / 1024 / 1024;
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigError(file, `大于 ${mb} MB，未使用`, `larger than ${mb} MB; ignored`);
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buffer, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** JSON of a config file; a syntax error is said by its position, never by echoing the file's content. */
function parseConfigJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    const place = at === undefined ? undefined : positionOf(text, Number(at));
    const where = place ? { zh: `（第 ${place.line + 1} 行第 ${place.character + 1} 个字符处）`, en: ` (line ${place.line + 1}, character ${place.character + 1})` } : { zh: '', en: '' };
    throw new ConfigError(file, `不是有效的 JSON${where.zh}，未使用`, `not valid JSON${where.en}; ignored`, place ?? { line: 0, character: 0 });
  }
}

/** Reads a config file; throws with a readable message when it is not valid. */
export function readConfig(file: string): ReportConfig {
  const text = readConfigText(file);
  const raw = parseConfigJson(file, text);
  const start = { line: 0, character: 0 };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, '不是 JSON 对象，未使用', 'not a JSON object; ignored', start);
  const rules = (raw as { rules?: unknown }).rules;
  const out: ReportConfig = {};
  const rulesAt = keyAt(text, 'rules') ?? start;
  if (rules !== undefined) {
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) throw new ConfigError(file, '"rules" 应为对象，未使用', '"rules" must be an object; ignored', rulesAt);
    out.rules = {};
    for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof v !== 'string' || !SETTINGS.has(v)) {
        const at = keyAt(text, id, text.indexOf('"rules"')) ?? rulesAt;
        throw new ConfigError(file, `rules.${id} 应为 off、error、warning、information、hint 之一，未使用`, `rules.${id} must be one of off, error, warning, information, hint; ignored`, at);
      }
      out.rules[id] = v as RuleSetting;
    }
  }
  const ignore = (raw as { ignore?: unknown }).ignore;
  if (ignore !== undefined) {
    const ignoreAt = keyAt(text, 'ignore') ?? start;
    if (!Array.isArray(ignore)) throw new ConfigError(file, '"ignore" 应为数组，未使用', '"ignore" must be an array; ignored', ignoreAt);
    out.ignore = ignore.map((e: unknown, k) => {
      const entry = e as Partial<IgnoreEntry> | null;
      if (!entry || typeof entry !== 'object' || typeof entry.file !== 'string' || typeof entry.rule !== 'string' || typeof entry.at !== 'string') {
        throw new ConfigError(file, `ignore[${k}] 应有 "file"、"rule"、"at"（字符串），未使用`, `ignore[${k}] must have "file", "rule" and "at" (strings); ignored`, ignoreAt);
      }
      return { file: entry.file, rule: entry.rule, at: entry.at };
    });
  }
  return out;
}

/** How a report is named in the ignore entries of a config file: relative to the file's folder, with / separators. */
export function reportKey(configFile: string, report: string): string {
  return path.relative(path.dirname(path.resolve(configFile)), path.resolve(report)).split(path.sep).join('/');
}

/** The ignore entries of a config that concern one report. */
export function ignoresFor(config: ReportConfig, configFile: string, report: string): IgnoredProblem[] {
  const key = reportKey(configFile, report);
  return (config.ignore ?? []).filter((e) => e.file === key).map((e) => ({ rule: e.rule, at: e.at }));
}

/**
 * Adds an ignore entry to a config file (created when missing), keeping everything
 * else it holds. Returns false when the entry was there already.
 */
export function addIgnore(configFile: string, report: string, problem: IgnoredProblem): boolean {
  let raw: Record<string, unknown> = {};
  if (fs.existsSync(configFile)) {
    const parsed = parseConfigJson(configFile, readConfigText(configFile));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${configFile}: not a JSON object`);
    raw = parsed as Record<string, unknown>;
  }
  const list = Array.isArray(raw.ignore) ? (raw.ignore as IgnoreEntry[]) : [];
  const entry: IgnoreEntry = { file: reportKey(configFile, report), rule: problem.rule, at: problem.at };
  if (list.some((e) => e && e.file === entry.file && e.rule === entry.rule && e.at === entry.at)) return false;
  raw.ignore = [...list, entry];
  const bytes = new TextEncoder().encode(JSON.stringify(raw, null, 2) + '\n');
  // replaced in one rename (a link is replaced, never written through); a new file created, never an existing one truncated
  if (fs.existsSync(configFile)) writeFileAtomic(configFile, bytes);
  else fs.writeFileSync(configFile, bytes, { flag: 'wx' });
  return true;
}

/** The nearest .govreportrc.json at or above a file's folder, or undefined. */
export function findConfig(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
