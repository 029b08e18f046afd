/** A worker thread of the command line: answers each file it is given (pool.ts). */
import { parentPort } from 'node:worker_threads';
import { checkFile, identify } from './batch';
import type { WorkerAnswer, WorkerRequest } from './pool';

export function serveWorker(): void {
  const port = parentPort!;
  port.on('message', (request: WorkerRequest) => {
    const answer = async (): Promise<WorkerAnswer> => {
      try {
        if (request.kind === 'identify') return { id: request.id, identity: await identify(request.task) };
        return { id: request.id, outcome: await checkFile(request.task, request.run) };
      } catch (e) {
        return { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
    };
    void answer().then((a) => port.postMessage(a));
  });
}
