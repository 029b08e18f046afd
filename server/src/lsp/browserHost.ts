/** The server's host in a browser: no file system — open documents only, no project files, no workspace check, no "ignore here" records. */
import { exportDocx } from '../features/exportDocx';
import { readBytesAsync } from '../read/index';
import type { ServerHost } from './host';

export function browserHost(): ServerHost {
  return {
    documentConfig: () => ({}),
    forgetConfig: () => undefined,
    // web pages and Word files (the readers are in this bundle: a worker cannot load one later); no PDF here
    readPublished: (bytes, name) => readBytesAsync(bytes, name),
    // Word export: the docx writer is in this bundle too (in Node it is loaded on the first export), and so
    // in the web client's in-process fallback server (code-server's web host cannot start a worker)
    writeDocx: (pub) => exportDocx(pub),
    // a macrotask: edits and cancellations queued meanwhile come first
    yieldToEvents: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  };
}
