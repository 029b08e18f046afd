/**
 * The workspace's files for the language server: found without blocking (folders read asynchronously),
 * honouring VS Code's files.exclude. Apart from `findReports.ts` so that the command line, which has
 * no files.exclude, does not carry the glob matcher.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { IsReport, TEXT_FILES, Unreadable, byName, entryKind, isTextReport, tooLarge } from './findReports';

/** Whether a path below the folder scanned (relative to it, with / separators) is left out: files.exclude. */
export type Excluded = (relative: string, isDirectory: boolean) => boolean;

/** An `Excluded` from VS Code's files.exclude patterns (globs relative to a workspace folder; only those set to true). */
export function excludedBy(patterns: readonly string[]): Excluded {
  const matchers = patterns.map((p) => new Minimatch(p, { dot: true, nocomment: true }));
  if (matchers.length === 0) return () => false;
  return (relative) => matchers.some((m) => m.match(relative));
}

/**
 * The reports below a folder (as `eachCandidate` lists it, each file read and judged) without blocking: the folders are read asynchronously, so the language server answers
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
    for (const entry of byName(entries)) {
      const full = path.join(dir, entry.name);
      const kind = entryKind(entry, full, root, names, unreadable);
      if (kind === 'skip' || excluded(relativeOf(full), kind === 'folder')) continue;
      if (kind === 'folder') {
        await walk(full);
        continue;
      }
      try {
        const big = tooLarge((await fs.promises.stat(full)).size, maxBytes);
        if (big) {
          unreadable.push({ path: full, message: big });
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
  await walk(root);
  return found;
}

