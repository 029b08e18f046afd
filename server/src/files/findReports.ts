/**
 * Report files on disk: shared by the CLI and the language server's
 * "check all reports in the workspace".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { looksLikeReport } from '../parse/detect';
import { decodeText } from '../read/decode';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Unreadable {
  path: string;
  message: string;
}

/**
 * Whether a file below a directory is a report, by its bytes: true, false, or a message for a report
 * that cannot be read (listed as unreadable).
 */
export type IsReport = (file: string, bytes: Uint8Array) => boolean | string;

const TEXT_FILES = /\.(txt|md)$/i;

/** A text file is a report when its text says so. */
const isTextReport: IsReport = (_file, bytes) => looksLikeReport(decodeText(bytes));

/**
 * The report files below a directory, in a stable order: .txt and .md files whose text is a report,
 * or, with `names` and `isReport`, the files of those names that `isReport` takes.
 */
export function findReports(dir: string, unreadable: Unreadable[] = [], names: RegExp = TEXT_FILES, isReport: IsReport = isTextReport, maxBytes = Infinity, root: string = dir): string[] {
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
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) for (const f of findReports(full, unreadable, names, isReport, maxBytes, root)) found.push(f);
    } else if ((entry.isFile() || (entry.isSymbolicLink() && linksInside(full, root, unreadable))) && names.test(entry.name)) {
      try {
        // a file past the size limit is not even read (a 50 MB text file would hold up every scan)
        const size = fs.statSync(full).size;
        if (size > maxBytes) {
          unreadable.push({ path: full, message: `larger than the size limit (${(size / 1048576).toFixed(1)} MB): skipped` });
          continue;
        }
        const verdict = isReport(full, fs.readFileSync(full));
        if (verdict === true) found.push(full);
        else if (typeof verdict === 'string') unreadable.push({ path: full, message: verdict });
      } catch (e) {
        unreadable.push({ path: full, message: (e as Error).message });
      }
    }
  }
  return found;
}

/** Whether a path below the folder scanned (relative to it, with / separators) is left out: files.exclude. */
export type Excluded = (relative: string, isDirectory: boolean) => boolean;

/** An `Excluded` from VS Code's files.exclude patterns (globs relative to a workspace folder; only those set to true). */
export function excludedBy(patterns: readonly string[]): Excluded {
  const matchers = patterns.map((p) => new Minimatch(p, { dot: true, nocomment: true }));
  if (matchers.length === 0) return () => false;
  return (relative) => matchers.some((m) => m.match(relative));
}

/**
 * `findReports` without blocking: the folders are read asynchronously, so the language server answers
 * edits and requests while a large workspace is searched; files.exclude is honoured (`excluded`).
 */
export async function findReportsAsync(
  root: string,
  options: { unreadable?: Unreadable[]; names?: RegExp; isReport?: IsReport; maxBytes?: number; excluded?: Excluded } = {},
): Promise<string[]> {
  const { unreadable = [], names = TEXT_FILES, isReport = isTextReport, maxBytes = Infinity, excluded = () => false } = options;
  const found: string[] = [];
  const relativeOf = (full: string) => path.relative(root, full).split(path.sep).join('/');
  async function walk(dir: string): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: dir, message: (e as Error).message });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.') || excluded(relativeOf(full), true)) continue;
        await walk(full);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && linksInside(full, root, unreadable))) && names.test(entry.name) && !excluded(relativeOf(full), false)) {
        try {
          const size = (await fs.promises.stat(full)).size;
          if (size > maxBytes) {
            unreadable.push({ path: full, message: `larger than the size limit (${(size / 1048576).toFixed(1)} MB): skipped` });
            continue;
          }
          const verdict = isReport(full, await fs.promises.readFile(full));
          if (verdict === true) found.push(full);
          else if (typeof verdict === 'string') unreadable.push({ path: full, message: verdict });
        } catch (e) {
          unreadable.push({ path: full, message: (e as Error).message });
        }
      }
    }
  }
  await walk(root);
  return found;
}

/**
 * A link to a file inside the folder scanned is followed (reports are often links into a shared
 * tree); a link out of it, or to a folder, is not, and one out of it is named.
 */
function linksInside(link: string, root: string, unreadable: Unreadable[]): boolean {
  try {
    const target = fs.realpathSync(link);
    const top = fs.realpathSync(root);
    if (!fs.statSync(target).isFile()) return false;
    if (target === top || target.startsWith(top + path.sep)) return true;
    unreadable.push({ path: link, message: 'a link to a file outside the folder: not followed' });
  } catch {
    // a broken link: nothing to read
  }
  return false;
}

export function readReport(file: string): string {
  return decodeText(fs.readFileSync(file));
}
