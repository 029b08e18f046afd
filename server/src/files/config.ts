/**
 * .govreportrc.json: settings shared by a team and the CLI (the same shape as the
 * editor's govReport.* settings), found upwards from a report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleSetting } from '../check';
import type { IgnoredProblem } from '../ignore';

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

/** Reads a config file; throws with a readable message when it is not valid. */
export function readConfig(file: string): ReportConfig {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!raw || typeof raw !== 'object') throw new Error(`${file}: not a JSON object`);
  const rules = (raw as { rules?: unknown }).rules;
  const out: ReportConfig = {};
  if (rules !== undefined) {
    if (!rules || typeof rules !== 'object') throw new Error(`${file}: "rules" must be an object`);
    out.rules = {};
    for (const [id, v] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof v !== 'string' || !SETTINGS.has(v)) throw new Error(`${file}: rules.${id} must be one of off, error, warning, information, hint`);
      out.rules[id] = v as RuleSetting;
    }
  }
  const ignore = (raw as { ignore?: unknown }).ignore;
  if (ignore !== undefined) {
    if (!Array.isArray(ignore)) throw new Error(`${file}: "ignore" must be an array`);
    out.ignore = ignore.map((e: unknown, k) => {
      const entry = e as Partial<IgnoreEntry> | null;
      if (!entry || typeof entry !== 'object' || typeof entry.file !== 'string' || typeof entry.rule !== 'string' || typeof entry.at !== 'string') {
        throw new Error(`${file}: ignore[${k}] must have "file", "rule" and "at" (strings)`);
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
    const parsed = JSON.parse(fs.readFileSync(configFile, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${configFile}: not a JSON object`);
    raw = parsed as Record<string, unknown>;
  }
  const list = Array.isArray(raw.ignore) ? (raw.ignore as IgnoreEntry[]) : [];
  const entry: IgnoreEntry = { file: reportKey(configFile, report), rule: problem.rule, at: problem.at };
  if (list.some((e) => e && e.file === entry.file && e.rule === entry.rule && e.at === entry.at)) return false;
  raw.ignore = [...list, entry];
  fs.writeFileSync(configFile, JSON.stringify(raw, null, 2) + '\n', 'utf8');
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
