/**
 * The command line's worker threads: each runs `batch.ts` on the files it is given (the CLI bundle
 * itself, started as a worker), so a run uses every core and each check's heap is bounded. Files go to
 * the worker with the fewest in hand; the caller puts the outcomes back in order.
 */
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Locale } from '../i18n';
import type { FileIdentity, FileOutcome, FileTask, Judgement, RunSettings } from './batch';

export type WorkerJob = { kind: 'judge'; tasks: FileTask[]; locale: Locale; keep?: boolean } | { kind: 'identify'; task: FileTask; keep?: boolean } | { kind: 'check'; tasks: FileTask[]; run: RunSettings };
export type WorkerRequest = WorkerJob & { id: number };
export type WorkerAnswer = { id: number; judgements?: Judgement[]; identity?: FileIdentity; outcomes?: FileOutcome[]; error?: string };

/** A worker's heap (old generation): what one file may cost (a hostile file is failed, not the run). */
export const WORKER_HEAP_MB = 128;

/** The cores this process may use. */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * Each worker's young generation (MB): a third of V8's default. A report's check allocates ~0.5 MB that
 * dies with it, so a smaller young generation only collects more often — each collection costs what
 * survives it, which is little once the batch keeps only the labels' cache (caches.ts). Measured on
 * 20 000 different reports (2 workers): the default (48) 24.4 s and 227 MB peak RSS, 24 → 24.6 s and
 * 197 MB, 16 → 24.7 s and 194 MB, 12 → 25.8 s and 177 MB.
 */
export const WORKER_YOUNG_MB = 16;

/**
 * The young generation of a run mostly of published forms (PDFs, Word files, web pages): reading one
 * allocates far more than checking its text, and much of it lives a while (pdf.js's fonts, a page's
 * nodes), so that a small young generation copies it over and over. Measured on 27 PDFs: 16 → 32 MB,
 * one worker 5.6 → 4.9 s (CPU 7.8 → 6.5 s; 48 MB no better); two workers 5.3 → 4.2 s, peak RSS 199 → 225 MB.
 */
export const WORKER_YOUNG_MB_PUBLISHED = 32;

/**
 * Requests a worker holds at once. A worker answers its requests one after the other (worker.ts), so
 * it never waits for the main thread between two files; the one it is doing is always its oldest.
 */
const DEPTH = 3;

/**
 * From how many files a run tunes the engine for a batch (tuneForBatch): below it, what the tuning
 * saves does not pay for what it costs the workers' start.
 */
export const BATCH_TUNING_FROM = 100;

/**
 * V8 tuned for a batch of reports never seen before: each worker checks them with code V8 has yet to
 * optimize, and on a machine with as many workers as cores its optimizing compiler competes with them
 * for the cores. Inlining less (a cumulative 200 bytes of bytecode inlined into a function instead of
 * 920) makes each optimization cheaper and sooner, at little cost to the optimized code. Measured on
 * 2 000 different reports, 2 workers on 2 cores, median of five runs: 4.5 → 4.0 s (CPU 8.3 → 7.4 s);
 * 20 000: 28.0 → 24.2 s; 200: 1.36 → 1.31 s. It costs each worker's start ~25 ms (V8's flags then differ
 * from its startup snapshot's), hence only for a batch. Process-wide: the workers started after it have
 * it; a run is a process of its own.
 *
 * The optimizing compiler was still ~30% of the instructions a worker runs for 1 000 reports (callgrind,
 * V8 single-threaded; the checks' own optimized code ~25%), and each worker compiles for itself. Three
 * of its passes that make the graphs it compiles larger — peeling the first iteration off each loop,
 * inlining the array builtins' loops (map, filter, forEach) into their callers, escape analysis — cost
 * more in compiling than they save in running for a batch of this size. Counted in instructions
 * (valgrind, deterministic to 0.1%, where timings on this machine vary by ±20%): 1 000 different
 * reports, one worker, 10.09 → 9.30 G (each of the three ~2–5%); 2 000, 16.10 → 14.87 G (the later
 * reports cost less too); 108 web pages 6.20 → 5.83 G; 108 Word files 22.6 → 22.4 G; 108 PDFs
 * 61.4 → 61.3 G.
 */
const BATCH_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=200', '--no-turbo-loop-peeling', '--no-turbo-inline-array-builtins', '--no-turbo-escape'];
/**
 * With a worker on every core, each worker collects its young generation on its own thread. V8 splits
 * a collection into as many tasks as the platform has threads (Node's four, plus the worker's own) and
 * waits for them all, while the other worker holds the other core: each collection then waits for a
 * core. Measured with two workers on 2 cores, medians of alternating runs: 2 000 different reports
 * 3.13 → 2.72 s (CPU 5.87 → 5.11 s, seven runs each), 20 000 17.1 → 14.8 s, 108 published files
 * 14.7 → 14.1 s; peak RSS at 20 000 166 → 185 MB (one run each: the heaps are as large, within the 200 MB
 * target). With fewer workers than cores the idle core does that work, as V8 means it to.
 * Only the young generation's: V8 reads this flag at each collection, so setting it in a running
 * process is safe (its tests do so). Collecting the old generation on one thread too (--single-threaded-gc) stopped the main
 * thread in V8 (a check failed in its concurrent marking, set up before the flag changed).
 */
const FULL_CORES_V8_FLAGS = ['--no-parallel-scavenge'];

/** The engine's flags for a batch checked by `workers` workers on `cores` cores (tuneForBatch). */
export function batchV8Flags(workers: number, cores: number): string[] {
  return workers >= cores ? [...BATCH_V8_FLAGS, ...FULL_CORES_V8_FLAGS] : [...BATCH_V8_FLAGS];
}

let tuned = false;
function tuneForBatch(flags: string[]): void {
  if (tuned) return;
  tuned = true;
  for (const flag of flags) v8.setFlagsFromString(flag);
}

interface Pending {
  request: WorkerJob;
  resolve: (a: WorkerAnswer) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** its requests by id, oldest first (a Map keeps the order they were sent in) */
  held: Map<number, Pending>;
}

export class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closing = false;

  /**
   * `batch`: many files to come (the engine is tuned for them before the workers start: tuneForBatch);
   * `youngMb`: each worker's young generation
   */
  constructor(
    size: number,
    private readonly script: string,
    batch = false,
    private readonly youngMb = WORKER_YOUNG_MB,
  ) {
    if (batch) tuneForBatch(batchV8Flags(size, availableCores()));
    for (let k = 0; k < size; k++) this.start();
  }

  /**
   * A new worker. One that dies (a file that needed more than its heap) fails the file it was doing — its
   * oldest request — and is replaced; the requests it held besides go back to the front of the queue.
   */
  private start(): void {
    // each worker's heap bounded: what a hostile file may cost, and a run's memory whatever its size
    const worker = new Worker(this.script, { workerData: { govReportWorker: true }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: this.youngMb } });
    const slot: Slot = { worker, held: new Map() };
    worker.on('message', (answer: WorkerAnswer) => {
      const p = slot.held.get(answer.id);
      if (!p) return;
      slot.held.delete(answer.id);
      p.resolve(answer);
      this.next();
    });
    let gone = false;
    const died = (e: Error) => {
      if (gone || this.closing) return;
      gone = true;
      this.slots.splice(this.slots.indexOf(slot), 1);
      const [doing, ...waiting] = slot.held.values();
      slot.held.clear();
      this.queue.unshift(...waiting);
      this.start();
      doing?.reject(e);
      this.next();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`worker thread ended (${code})`)));
    this.slots.push(slot);
  }

  ask(request: WorkerJob): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.next();
    });
  }

  /** Hands queued requests to the workers holding the fewest. */
  private next(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.held.size < DEPTH && (!best || s.held.size < best.held.size)) best = s;
      if (!best) return;
      const p = this.queue.shift()!;
      const id = this.nextId++;
      best.held.set(id, p);
      best.worker.postMessage({ ...p.request, id });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
