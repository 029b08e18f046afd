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

  constructor(
    size: number,
    private readonly script: string,
  ) {
    for (let k = 0; k < size; k++) this.start();
  }

  /** A new worker, idle. One that dies (a file that needed more than its heap) fails what it was doing and is replaced. */
  private start(): void {
    // each worker's heap bounded (what a hostile file may cost; measured on 2 000 reports: within a
    // tenth of the time unbounded, a third less memory)
    const worker = new Worker(this.script, { workerData: { govReportWorker: true }, resourceLimits: { maxOldGenerationSizeMb: 128 } });
    worker.on('message', (answer: WorkerAnswer) => {
      const p = this.pending.get(answer.id);
      if (!p) return;
      this.pending.delete(answer.id);
      this.idle.push(worker);
      p.resolve(answer);
      this.next();
    });
    let gone = false;
    const died = (e: Error) => {
      if (gone || this.closing) return;
      gone = true;
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.reject(e);
      }
      this.all.splice(this.all.indexOf(worker), 1);
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
      this.start();
      this.next();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`worker thread ended (${code})`)));
    this.all.push(worker);
    this.idle.push(worker);
  }

  private closing = false;

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
    this.closing = true;
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
