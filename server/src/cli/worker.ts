/** A worker thread of the command line: answers the files it is given (pool.ts), one after the other. */
import { parentPort } from 'node:worker_threads';
import { batchCaches } from '../caches';
import { type FileOutcome, checkFile, identify, judge, packOutcome } from './batch';
import type { WorkerAnswer, WorkerRequest } from './pool';

export function serveWorker(): void {
  const port = parentPort!;
  // a worker checks reports it has never seen: only the caches that pay for themselves there (caches.ts)
  batchCaches();
  const queue: WorkerRequest[] = [];
  let busy = false;
  const answer = async (request: WorkerRequest): Promise<WorkerAnswer> => {
    try {
      if (request.kind === 'judge') return { id: request.id, judgements: request.tasks.map((t) => judge(t, request.locale, request.keep)) };
      if (request.kind === 'identify') return { id: request.id, identity: await identify(request.task, request.keep) };
      const outcomes: FileOutcome[] = [];
      // last year's report checked earlier in the request is not read again for this year's
      const priors = new Map<string, string>();
      for (const t of request.tasks) outcomes.push(await checkFile(t, request.run, priors));
      return { id: request.id, outcomes };
    } catch (e) {
      return { id: request.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
  };
  // strictly one at a time (a PDF's reading awaits): the request being done is always the oldest held
  const drain = async () => {
    busy = true;
    for (let r = queue.shift(); r; r = queue.shift()) {
      const a = await answer(r);
      // what goes as bytes (the output, the readings kept for the checks) is moved rather than copied
      if (a.outcomes) {
        const packed = a.outcomes.map(packOutcome);
        port.postMessage({ ...a, outcomes: packed.map((p) => p.outcome) }, packed.flatMap((p) => p.transfer));
      } else {
        const reads = [...(a.judgements ?? []).map((j) => j.read), a.identity?.read];
        port.postMessage(a, reads.flatMap((read) => (read ? [read.buffer as ArrayBuffer] : [])));
      }
    }
    busy = false;
  };
  port.on('message', (request: WorkerRequest) => {
    queue.push(request);
    if (!busy) void drain();
  });
}
