/** The server's host in Node: project files and workspace reports on disk. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE, ConfigError, ReportConfig, addIgnore, findConfig, ignoresFor, readConfig } from '../files/config';
import { readReport } from '../files/findReports';
import { Excluded, excludedBy, findReportsAsync } from '../files/workspaceFiles';
import { looksLikeReport } from '../parse/detect';
import { readPublished } from '../files/readers';
import { NO_DOCX_WRITER, loadDocxWriter } from '../files/exportLoader';
import type { ConfigProblem, DocumentConfig, ServerHost } from './host';
import type { ReportIdentity } from '../crossYear';
import { titleOf } from '../parse/title';
import { decodeText, decodeWithEncoding } from '../read/decode';

/** The published forms the workspace check reads (a .doc or .wps is left to the command line, which names it). */
const PUBLISHED_NAMES = /\.(?:pdf|docx|html?)$/i;

export function nodeHost(logError: (message: string) => void): ServerHost {
  /** The nearest .govreportrc.json and what it says, by folder. */
  const folderConfigs = new Map<string, { file?: string; config: ReportConfig; error?: ConfigProblem }>();
  const rootPaths = (rootUris: readonly string[]) => rootUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));

  /**
   * The index of the workspace's report files: agency and year from each one's title, by URI. Built
   * once, in the background (folders read asynchronously, honouring files.exclude); then kept up to
   * date file by file as files change on disk (`reportsChanged`), never rebuilt for one change. Built
   * again only when what decides which files count changes (folders, files.exclude, the size limit).
   */
  let index: Map<string, ReportIdentity> | undefined;
  /** govReport.maxFileSize in characters; a text file of more bytes than 3 a character (UTF-8 Chinese) cannot be under it */
  let maxChars = 2_000_000;
  const maxBytes = () => maxChars * 3;
  /** files.exclude: the patterns set to true, and a test made of them */
  let excludePatterns: string[] = [];
  let excluded: Excluded = excludedBy([]);
  /** which build is current: a build started before the index was forgotten is dropped */
  let generation = 0;
  let building = false;

  /** The identity of a report file, or undefined when it is none (by its text, as the index takes them). */
  function identityOf(file: string, bytes: Uint8Array): ReportIdentity | undefined {
    const text = decodeText(bytes);
    if (!looksLikeReport(text)) return undefined;
    return { uri: pathToFileURL(file).href, ...titleOf(text) };
  }

  async function build(rootUris: readonly string[], ready: () => void): Promise<void> {
    const mine = ++generation;
    building = true;
    const found = new Map<string, ReportIdentity>();
    for (const root of rootPaths(rootUris)) {
      const isReport = (file: string, bytes: Uint8Array) => {
        const identity = identityOf(file, bytes);
        if (identity) found.set(identity.uri, identity);
        return identity !== undefined;
      };
      await findReportsAsync(root, { isReport, maxBytes: maxBytes(), excluded });
      if (mine !== generation) return;
    }
    index = found;
    building = false;
    ready();
  }

  /** Forgets the index: it is built again when next asked for. */
  function forgetIndex(): void {
    index = undefined;
    building = false;
    generation++;
  }

  /** The workspace folder a file is in, and its path relative to it (with / separators). */
  function placeOf(file: string, rootUris: readonly string[]): { root: string; relative: string } | undefined {
    for (const root of rootPaths(rootUris)) {
      if (file.startsWith(root + path.sep)) return { root, relative: path.relative(root, file).split(path.sep).join('/') };
    }
    return undefined;
  }

  /** Roots the index was last asked for (the folders a changed file is looked up in). */
  let indexRoots: readonly string[] = [];

  return {
    reportIndex(rootUris, ready) {
      if (rootPaths(rootUris).length === 0) return []; // no workspace folder on disk: nothing to index
      if (indexRoots.join('\n') !== rootUris.join('\n')) {
        forgetIndex();
        indexRoots = [...rootUris];
      }
      if (!index && !building) void build(rootUris, ready);
      return index ? [...index.values()] : undefined;
    },
    forgetReports: forgetIndex,
    reportsChanged(changes) {
      // a build under way may have read a file before it changed: it starts again
      if (building) {
        forgetIndex();
        return;
      }
      if (!index) return;
      for (const change of changes) {
        if (!change.uri.startsWith('file:')) continue;
        const file = fileURLToPath(change.uri);
        index.delete(change.uri);
        if (change.deleted) continue;
        const place = placeOf(file, indexRoots);
        if (!place || !/\.(txt|md)$/i.test(file) || excluded(place.relative, false)) continue;
        try {
          const st = fs.statSync(file);
          if (!st.isFile() || st.size > maxBytes()) continue;
          const identity = identityOf(file, fs.readFileSync(file));
          if (identity) index.set(change.uri, identity);
        } catch {
          // gone or unreadable: not a candidate
        }
      }
    },
    setExclude(patterns) {
      if (patterns.join('\n') === excludePatterns.join('\n')) return;
      excludePatterns = [...patterns];
      excluded = excludedBy(patterns);
      forgetIndex();
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
    async workspaceReports(rootUris) {
      const unreadable: { path: string; message: string }[] = [];
      const files: string[] = [];
      for (const root of rootPaths(rootUris)) files.push(...(await findReportsAsync(root, { unreadable, maxBytes: maxBytes(), excluded })));
      return { uris: files.map((f) => pathToFileURL(f).href), unreadable: unreadable.map((u) => u.path) };
    },
    async workspacePublished(rootUris) {
      // every file of those forms: whether it is a report is told once it is read
      const files: string[] = [];
      for (const root of rootPaths(rootUris)) files.push(...(await findReportsAsync(root, { names: PUBLISHED_NAMES, isReport: () => true, maxBytes: 60 * 1024 * 1024, excluded })));
      return files.map((f) => pathToFileURL(f).href);
    },
    setMaxFileSize(chars) {
      if (chars !== maxChars) {
        maxChars = chars;
        forgetIndex();
      }
    },
    readPublished: (bytes, name) => readPublished(bytes, name),
    writeDocx: (pub) => {
      const writer = loadDocxWriter();
      if (!writer) throw new Error(NO_DOCX_WRITER.en);
      return writer.exportDocx(pub);
    },
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
