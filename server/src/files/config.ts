/**
 * .govreportrc.json: settings shared by a team and the CLI (the same shape as the
 * editor's govReport.* settings), found upwards from a report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleSetting } from '../check';

export const CONFIG_FILE = '.govreportrc.json';

export interface ReportConfig {
  rules?: Record<string, RuleSetting>;
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
  return out;
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
