/**
 * Report files on disk: shared by the CLI and the language server's
 * "check all reports in the workspace".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksLikeReport } from '../parse/detect';
import { decodeText } from '../read/decode';

export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Unreadable {
  path: string;
  message: string;
}

/**
 * Whether a file below a directory is a report, by its bytes: true, false, or a message for a report
 * that cannot be read (listed as unreadable).
 */
export type IsReport = (file: string, bytes: Uint8Array) => boolean | string;

export const TEXT_FILES = /\.(txt|md)$/i;

/** A text file is a report when its text says so. */
export const isTextReport: IsReport = (_file, bytes) => looksLikeReport(decodeText(bytes));

/** A file a folder scan looks at (by its name), or one it cannot (`message`: why). */
export interface Candidate {
  path: string;
  message?: string;
}

/** A folder's entries in the order every scan takes them: by name. */
export function byName(entries: fs.Dirent[]): fs.Dirent[] {
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * What a folder scan does with one entry: a folder to go into, a file to look at (its name is one of
 * `names`; a link is followed only to a file inside the folder scanned, one out of it is named in
 * `problems`), or nothing.
 */
export function entryKind(entry: fs.Dirent, full: string, root: string, names: RegExp, problems: Unreadable[]): 'folder' | 'file' | 'skip' {
  if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) || entry.name.startsWith('.') ? 'skip' : 'folder';
  if (!names.test(entry.name)) return 'skip';
  return entry.isFile() || (entry.isSymbolicLink() && linksInside(full, root, problems)) ? 'file' : 'skip';
}

/** Why a file is not read: past the size limit (a 50 MB text file would hold up every scan). */
export function tooLarge(size: number, maxBytes: number): string | undefined {
  return size > maxBytes ? `larger than the size limit (${(size / 1048576).toFixed(1)} MB): skipped` : undefined;
}

/**
 * The files below a directory whose names `names` takes, each handed to `each` in a stable order (a
 * folder's entries by name, depth first), without reading them: what cannot be listed, a link out of
 * the folder and a file past the size limit come with their message, in their place. Nothing is kept:
 * the caller keeps what it needs of each.
 */
export function eachCandidate(dir: string, names: RegExp, each: (c: Candidate) => void, maxBytes = Infinity, root: string = dir): void {
  let entries: fs.Dirent[];
  try {
    entries = byName(fs.readdirSync(dir, { withFileTypes: true }));
  } catch (e) {
    each({ path: dir, message: (e as Error).message });
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const problems: Unreadable[] = [];
    const kind = entryKind(entry, full, root, names, problems);
    for (const p of problems) each(p);
    if (kind === 'folder') eachCandidate(full, names, each, maxBytes, root);
    if (kind !== 'file') continue;
    if (maxBytes !== Infinity) {
      try {
        const big = tooLarge(fs.statSync(full).size, maxBytes);
        if (big) {
          each({ path: full, message: big });
          continue;
        }
      } catch (e) {
        each({ path: full, message: (e as Error).message });
        continue;
      }
    }
    each({ path: full });
  }
}

/** Whether a listed file is a report, read: true, false, or why a report cannot be read. */
export function judgeCandidate(file: string, isReport: IsReport): boolean | string {
  try {
    return isReport(file, fs.readFileSync(file));
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A link to a file inside the folder scanned is followed (reports are often links into a shared
 * tree); a link out of it, or to a folder, is not, and one out of it is named.
 */
export function linksInside(link: string, root: string, unreadable: Unreadable[]): boolean {
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
