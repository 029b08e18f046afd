/** The server's host in Node: project files and workspace reports on disk. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE, ConfigError, ReportConfig, addIgnore, findConfig, ignoresFor, readConfig } from '../files/config';
import { findReports, readReport } from '../files/findReports';
import { readPublished } from '../files/readers';
import type { ConfigProblem, DocumentConfig, ServerHost } from './host';
import type { ReportIdentity } from '../crossYear';
import { parse } from '../parse/parser';
import { decodeWithEncoding } from '../read/decode';

/** The published forms the workspace check reads (a .doc or .wps is left to the command line, which names it). */
const PUBLISHED_NAMES = /\.(?:pdf|docx|html?)$/i;

export function nodeHost(logError: (message: string) => void): ServerHost {
  /** The nearest .govreportrc.json and what it says, by folder. */
  const folderConfigs = new Map<string, { file?: string; config: ReportConfig; error?: ConfigProblem }>();
  const rootPaths = (rootUris: readonly string[]) => rootUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));

  let index: ReportIdentity[] | undefined;
  /** govReport.maxFileSize in characters; a text file of more bytes than 3 a character (UTF-8 Chinese) cannot be under it */
  let maxChars = 2_000_000;
  const maxBytes = () => maxChars * 3;
  /** which build is current: a build started before forgetReports is dropped */
  let generation = 0;
  let building = false;

  async function build(rootUris: readonly string[], ready: () => void): Promise<void> {
    const mine = ++generation;
    building = true;
    const found: ReportIdentity[] = [];
    const unreadable: { path: string; message: string }[] = [];
    const files = rootPaths(rootUris).flatMap((r) => findReports(r, unreadable, undefined, undefined, maxBytes()));
    for (let k = 0; k < files.length; k++) {
      // a few files at a time, letting edits and requests through in between
      if (k % 16 === 15) await new Promise<void>((resolve) => setImmediate(resolve));
      if (mine !== generation) return;
      try {
        const title = parse(readReport(files[k]!)).title;
        found.push({ uri: pathToFileURL(files[k]!).href, agency: title?.agency, year: title?.year });
      } catch {
        // unreadable: not a candidate
      }
    }
    if (mine !== generation) return;
    index = found;
    building = false;
    ready();
  }

  return {
    reportIndex(rootUris, ready) {
      if (rootPaths(rootUris).length === 0) return []; // no workspace folder on disk: nothing to index
      if (!index && !building) void build(rootUris, ready);
      return index;
    },
    forgetReports() {
      index = undefined;
      building = false;
      generation++;
    },
    documentConfig(uri: string): DocumentConfig {
      if (!uri.startsWith('file:')) return {};
      const report = fileURLToPath(uri);
      const dir = path.dirname(report);
      let found = folderConfigs.get(dir);
      if (!found) {
        found = { config: {} };
        const file = findConfig(report);
        try {
          if (file) found = { file, config: readConfig(file) };
        } catch (e) {
          // not used; said where it is wrong (and in the log)
          logError(`${CONFIG_FILE}: ${(e as Error).message}`);
          if (file) {
            const error: ConfigProblem = { uri: pathToFileURL(file).href, message: e instanceof ConfigError ? e.reason : { zh: (e as Error).message, en: (e as Error).message } };
            if (e instanceof ConfigError && e.at) error.at = e.at;
            found = { config: {}, error };
          }
        }
        folderConfigs.set(dir, found);
      }
      const out: DocumentConfig = {};
      if (found.error) out.error = found.error;
      if (found.config.rules) out.rules = found.config.rules;
      if (found.file) {
        const ignore = ignoresFor(found.config, found.file, report);
        if (ignore.length > 0) out.ignore = ignore;
      }
      return out;
    },
    forgetConfig() {
      folderConfigs.clear();
    },
    recordIgnore(uri, problem, rootUris) {
      if (!uri.startsWith('file:')) throw new Error('only reports saved as files can have ignored problems');
      const report = fileURLToPath(uri);
      // the nearest .govreportrc.json inside the report's workspace folder, else a new one at that folder:
      // nothing is ever written outside a workspace folder
      const root = rootPaths(rootUris).filter((r) => report.startsWith(r + path.sep)).sort((a, b) => b.length - a.length)[0];
      if (!root) throw new Error('the report is not in a workspace folder: nothing is written outside one');
      const nearest = findConfig(report);
      const file = nearest && (nearest === path.join(root, CONFIG_FILE) || nearest.startsWith(root + path.sep)) ? nearest : path.join(root, CONFIG_FILE);
      addIgnore(file, report, problem);
      return file;
    },
    workspaceReports(rootUris) {
      const unreadable: { path: string; message: string }[] = [];
      const files = rootPaths(rootUris).flatMap((r) => findReports(r, unreadable, undefined, undefined, maxBytes()));
      return { uris: files.map((f) => pathToFileURL(f).href), unreadable: unreadable.map((u) => u.path) };
    },
    workspacePublished(rootUris) {
      // every file of those forms: whether it is a report is told once it is read
      const files = rootPaths(rootUris).flatMap((r) => findReports(r, [], PUBLISHED_NAMES, () => true, 60 * 1024 * 1024));
      return files.map((f) => pathToFileURL(f).href);
    },
    setMaxFileSize(chars) {
      if (chars !== maxChars) {
        maxChars = chars;
        index = undefined;
      }
    },
    readPublished: (bytes, name) => readPublished(bytes, name),
    readPublishedFile: (uri) => {
      const file = fileURLToPath(uri);
      return readPublished(fs.readFileSync(file), path.basename(file));
    },
    readReport(uri) {
      return readReport(fileURLToPath(uri));
    },
    fileEncoding(uri) {
      if (!uri.startsWith('file:')) return undefined;
      try {
        const file = fileURLToPath(uri);
        // a regular file of a report's size only (never a FIFO or a device)
        const st = fs.statSync(file);
        if (!st.isFile() || st.size > maxBytes()) return undefined;
        const decoded = decodeWithEncoding(fs.readFileSync(file));
        const found: ReturnType<NonNullable<ServerHost['fileEncoding']>> = { encoding: decoded.encoding, bom: decoded.bom, replaced: decoded.text.includes('\uFFFD') };
        if (decoded.badLines) found!.badLines = decoded.badLines;
        return found;
      } catch {
        return undefined;
      }
    },
    yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
    logError,
  };
}
