/**
 * Work done in slices: a run of steps (a check: parse, model, each rule) that takes longer than one
 * slice gives way to the events queued meanwhile (edits, cancellations) between its steps, and is
 * dropped as soon as no one waits for it any more. A run that fits in one slice never gives way, so
 * checking an ordinary report costs what it did before.
 *
 * Invariants:
 * - at most one run per key; whoever asks for a key that runs waits for that run;
 * - a run is dropped only when every one of its waiters is cancelled, and then resolves to undefined;
 * - a run is given up, too, when its result turns up elsewhere meanwhile (`elsewhere`): that result is
 *   the one answered (the steps left are not run).
 */

/** Someone waiting for a run: a request's cancellation token, or a check that a newer one replaces. */
export interface Waiter {
  readonly isCancellationRequested: boolean;
}

export interface RunResult<T> {
  value: T;
  /** milliseconds spent in the steps (not in giving way); undefined when the value came from elsewhere */
  ms?: number;
}

interface Run<T> {
  waiters: Waiter[];
  done: Promise<RunResult<T> | undefined>;
}

export class SlicedRuns<T> {
  private readonly running = new Map<string, Run<T>>();

  constructor(
    /** resolves once the events queued meanwhile have had their turn */
    private readonly giveWay: () => Promise<void>,
    /** how long a run works before it gives way (ms) */
    private readonly sliceMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * The result of the run for `key`: the one running, or a new one of the steps `start` makes.
   * `elsewhere` is asked after each time the run gave way: a result made meanwhile by other means.
   */
  run(key: string, start: () => Iterator<void, T, void>, waiter: Waiter, elsewhere?: () => T | undefined): Promise<RunResult<T> | undefined> {
    const running = this.running.get(key);
    if (running) {
      running.waiters.push(waiter);
      return running.done;
    }
    const run: Run<T> = { waiters: [waiter], done: Promise.resolve(undefined) };
    this.running.set(key, run);
    run.done = this.drive(run, start, elsewhere).finally(() => {
      if (this.running.get(key) === run) this.running.delete(key);
    });
    return run.done;
  }

  /** How many runs are under way (for tests). */
  get size(): number {
    return this.running.size;
  }

  private async drive(run: Run<T>, start: () => Iterator<void, T, void>, elsewhere?: () => T | undefined): Promise<RunResult<T> | undefined> {
    if (run.waiters.every((w) => w.isCancellationRequested)) return undefined;
    const steps = start();
    let ms = 0;
    let sliceStart = this.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return { value: step.value, ms: ms + this.now() - sliceStart };
      const spent = this.now() - sliceStart;
      if (spent < this.sliceMs) continue;
      ms += spent;
      await this.giveWay();
      if (run.waiters.every((w) => w.isCancellationRequested)) {
        steps.return?.(undefined as T);
        return undefined;
      }
      const found = elsewhere?.();
      if (found !== undefined) {
        steps.return?.(undefined as T);
        return { value: found };
      }
      sliceStart = this.now();
    }
  }
}
