/**
 * Writing a report back (--fix), or an export, without ever leaving it half written: the new bytes go to a
 * temporary file beside it, flushed to disk, which then takes the report's place in one rename
 * (keeping its mode). Killed at any moment, the report is either as it was or as fixed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteHooks {
  /** called between writing the temporary file and renaming it over the report (tests inject a failure here) */
  beforeRename?: () => void;
}

/** Why a file may not be rewritten (read-only: no write permission for anyone), or undefined. */
export function notWritable(file: string): 'read-only' | undefined {
  const mode = fs.statSync(file).mode;
  return (mode & 0o222) === 0 ? 'read-only' : undefined;
}

/** Writes a file whole or not at all: over an existing one keeping its mode, or a new one (the umask's mode). */
export function writeFileAtomic(file: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): void {
  let mode = 0o666;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    hooks.beforeRename?.();
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
