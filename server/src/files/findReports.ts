/**
 * Report files on disk: shared by the CLI and the language server's
 * "check all reports in the workspace".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksLikeReport } from '../parse/detect';
import { decodeText } from './decode';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Unreadable {
  path: string;
  message: string;
}

/** The .txt and .md files below a directory that are reports, in a stable order. */
export function findReports(dir: string, unreadable: Unreadable[] = []): string[] {
  const found: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    unreadable.push({ path: dir, message: (e as Error).message });
    return found;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) found.push(...findReports(full, unreadable));
    } else if (entry.isFile() && /\.(txt|md)$/i.test(entry.name)) {
      try {
        if (looksLikeReport(decodeText(fs.readFileSync(full)))) found.push(full);
      } catch (e) {
        unreadable.push({ path: full, message: (e as Error).message });
      }
    }
  }
  return found;
}

export function readReport(file: string): string {
  return decodeText(fs.readFileSync(file));
}
