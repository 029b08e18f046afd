/** The server's host in a browser: no file system — open documents only, no project files, no workspace check, no "ignore here" records. */
import type { ServerHost } from './host';

export function browserHost(): ServerHost {
  return {
    documentConfig: () => ({}),
    forgetConfig: () => undefined,
    // a macrotask: edits and cancellations queued meanwhile come first
    yieldToEvents: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  };
}
