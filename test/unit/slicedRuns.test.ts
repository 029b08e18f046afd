/**
 * Checks in slices (server/src/lsp/slicedRuns.ts): a long run gives way between its steps and is
 * dropped once every waiter is cancelled; a short one never gives way. A fake clock: no timing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SlicedRuns, Waiter } from '../../server/src/lsp/slicedRuns';

/** A clock each step moves on by `perStep` ms, and a record of the steps run and the times given way. */
function setup(perStep: number, sliceMs: number, onGiveWay: (count: number) => void = () => undefined) {
  let now = 0;
  const log = { steps: 0, gaveWay: 0, finished: false, returned: false };
  const runs = new SlicedRuns<string>(
    async () => {
      log.gaveWay++;
      onGiveWay(log.gaveWay);
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    sliceMs,
    () => now,
  );
  function* steps(n: number, value: string): Generator<void, string, void> {
    try {
      for (let k = 0; k < n; k++) {
        log.steps++;
        now += perStep;
        yield;
      }
      log.finished = true;
      return value;
    } finally {
      if (!log.finished) log.returned = true;
    }
  }
  return { runs, steps, log };
}

const live = (): Waiter & { cancel(): void } => {
  let cancelled = false;
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    cancel() {
      cancelled = true;
    },
  };
};

describe('SlicedRuns', () => {
  it('runs a short check to its end without giving way', async () => {
    const { runs, steps, log } = setup(1, 20);
    const result = await runs.run('a', () => steps(10, 'done'), live());
    assert.deepEqual(result, { value: 'done', ms: 10 });
    assert.equal(log.gaveWay, 0);
    assert.equal(runs.size, 0);
  });

  it('gives way between the steps of a long check, and counts only the time spent in steps', async () => {
    const { runs, steps, log } = setup(10, 25);
    const result = await runs.run('a', () => steps(9, 'done'), live());
    assert.equal(result?.value, 'done');
    assert.equal(result?.ms, 90);
    // after steps 3, 6 and 9 (30 ms each time)
    assert.equal(log.gaveWay, 3);
  });

  it('drops a long check cancelled while it gives way: the steps left are not run', async () => {
    const waiter = live();
    const { runs, steps, log } = setup(10, 15, (n) => n === 1 && waiter.cancel());
    const result = await runs.run('a', () => steps(100, 'done'), waiter);
    assert.equal(result, undefined);
    assert.equal(log.steps, 2);
    assert.ok(log.returned, 'the steps were closed (their finally ran)');
    assert.equal(runs.size, 0);
  });

  it('goes on while one of its waiters is not cancelled, and answers both', async () => {
    const first = live();
    const { runs, steps, log } = setup(10, 15, (n) => n === 1 && first.cancel());
    const second = live();
    const a = runs.run('a', () => steps(6, 'done'), first);
    const b = runs.run('a', () => steps(6, 'other'), second);
    assert.equal(runs.size, 1, 'one run per key');
    assert.deepEqual(await a, await b);
    assert.equal((await a)?.value, 'done');
    assert.equal(log.steps, 6);
  });

  it('answers what was made elsewhere meanwhile, and stops', async () => {
    const { runs, steps, log } = setup(10, 15);
    let made: string | undefined;
    const result = runs.run('a', () => steps(100, 'done'), live(), () => made);
    made = 'made meanwhile';
    assert.deepEqual(await result, { value: 'made meanwhile' });
    assert.ok(log.steps < 100);
  });

  it('does not start a check whose only waiter is cancelled already', async () => {
    const waiter = live();
    waiter.cancel();
    const { runs, steps, log } = setup(10, 15);
    assert.equal(await runs.run('a', () => steps(5, 'done'), waiter), undefined);
    assert.equal(log.steps, 0);
  });
});
