/**
 * The command line's worker threads: each runs `batch.ts` on the files it is given (the CLI bundle
 * itself, started as a worker), so a run uses every core. Files go to whichever worker is free; the
 * caller puts the outcomes back in order.
 */
import { Worker } from 'node:worker_threads';
import type { FileIdentity, FileOutcome, FileTask, RunSettings } from './batch';

export type WorkerJob = { kind: 'identify'; task: FileTask } | { kind: 'check'; task: FileTask; run: RunSettings };
export type WorkerRequest = WorkerJob & { id: number };
export type WorkerAnswer = { id: number; identity?: FileIdentity; outcome?: FileOutcome; error?: string };

export class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: { request: WorkerJob; resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void; worker: Worker }>();
  private nextId = 0;

  constructor(size: number, script: string) {
    for (let k = 0; k < size; k++) {
      // a young generation larger than the default: a check makes much short-lived garbage, and
      // collecting it less often was measured to cost less (worker threads only)
      const worker = new Worker(script, { workerData: { govReportWorker: true }, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
      worker.on('message', (answer: WorkerAnswer) => {
        const p = this.pending.get(answer.id);
        if (!p) return;
        this.pending.delete(answer.id);
        this.idle.push(worker);
        p.resolve(answer);
        this.next();
      });
      worker.on('error', (e) => {
        // a worker that died fails what it was doing; the run goes on with the others
        for (const [id, p] of this.pending) {
          if (p.worker !== worker) continue;
          this.pending.delete(id);
          p.reject(e);
        }
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  ask(request: WorkerJob): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const { request, resolve, reject } = this.queue.shift()!;
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ ...request, id });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
