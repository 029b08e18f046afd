/**
 * The server in a web worker (VS Code for the Web), spoken to with postMessage.
 * Written against the standard Worker interface, so Node's worker_threads with a
 * small shim can stand in for it in tests.
 */
import { Connection } from './rpc';

/** The part of the Worker interface used here. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

export function startWorkerServer(worker: WorkerLike): Connection {
  const closeListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let closed = false;
  const close = (code: number | null, signal: string | null) => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(code, signal);
  };
  const connection = new Connection({
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onClose: (listener) => closeListeners.push(listener),
    kill: () => {
      worker.terminate();
      close(null, 'terminated');
    },
    // a worker does not end itself on `exit`: it is terminated once the notification is posted
    endAfterExit: true,
  });
  // a worker that throws is gone for good: treat it as a crash (the client restarts it)
  worker.addEventListener('error', () => {
    worker.terminate();
    close(1, null);
  });
  return connection;
}
