/** The command line's worker threads (server/src/cli/pool.ts): a worker that dies fails only what it was doing, and is replaced. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { Pool } from '../../server/src/cli/pool';
import { MAX_PRIORS as MAX, PriorsKept, SMALL_RUN, checkChunks, defaultJobs, workOf, youngGenerationOf } from '../../server/src/cli/cli';
import { WORKER_YOUNG_MB, WORKER_YOUNG_MB_PUBLISHED, batchV8Flags } from '../../server/src/cli/pool';
import { type FileOutcome, type FileTask, jsonElement } from '../../server/src/cli/batch';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in worker: answers each task with its file name, and dies on the file "die". */
const script = path.join(dir, 'worker.js');
fs.writeFileSync(
  script,
  `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (r) => {
  if (r.task.file === 'die') process.exit(3);
  parentPort.postMessage({ id: r.id, identity: { index: r.task.index, agency: r.task.file } });
});`,
);

describe('the worker pool', () => {
  it('answers every task; one whose worker dies is failed alone, and the pool goes on with a new worker', async () => {
    const pool = new Pool(2, script);
    try {
      const files = ['a', 'b', 'die', 'c', 'd', 'e', 'die', 'f'];
      const answers = await Promise.allSettled(files.map((file, index) => pool.ask({ kind: 'identify', task: { index, file, found: false } })));
      answers.forEach((a, k) => {
        if (files[k] === 'die') assert.equal(a.status, 'rejected', `task ${k}`);
        else assert.deepEqual(a.status === 'fulfilled' ? a.value.identity : a.reason, { index: k, agency: files[k] });
      });
      // still two workers answering
      const more = await Promise.all(['g', 'h', 'i'].map((file, index) => pool.ask({ kind: 'identify', task: { index, file, found: false } })));
      assert.deepEqual(more.map((a) => a.identity?.agency), ['g', 'h', 'i']);
    } finally {
      await pool.close();
    }
  });
});

describe('the chunks a run asks its workers to check (cli.checkChunks)', () => {
  it('groups text reports sixteen at a time and asks for a published form alone, in the files’ order', () => {
    const names = [...Array.from({ length: 20 }, (_, k) => `t${k}.txt`), 'a.pdf', 'b.md', 'c.docx', 'd.html', ...Array.from({ length: 3 }, (_, k) => `m${k}.MD`)];
    const starts = checkChunks(names.length, (k) => names[k]!);
    const chunks = starts.slice(0, -1).map((s, c) => names.slice(s, starts[c + 1]));
    assert.deepEqual(chunks.map((c) => c.length), [16, 4, 1, 1, 1, 1, 3]);
    assert.deepEqual(chunks.flat(), names, 'every file once, in order');
    assert.deepEqual(chunks.filter((c) => c.some((n) => /\.(pdf|docx|html)$/.test(n))), [['a.pdf'], ['c.docx'], ['d.html']]);
    assert.deepEqual(checkChunks(0, () => ''), [0]);
  });
});

describe('the engine flags of a batch (pool.batchV8Flags)', () => {
  it('collects the young generation on the worker’s own thread only when the workers fill every core', () => {
    const full = batchV8Flags(2, 2);
    const spare = batchV8Flags(1, 2);
    assert.ok(full.includes('--no-parallel-scavenge'));
    assert.ok(batchV8Flags(8, 4).includes('--no-parallel-scavenge'));
    assert.ok(!spare.includes('--no-parallel-scavenge'), 'a spare core collects in parallel');
    // the compiler's tuning whatever the workers
    assert.deepEqual(spare, full.filter((f) => f !== '--no-parallel-scavenge'));
    assert.ok(spare.some((f) => f.startsWith('--max-inlined-bytecode-size-cumulative=')));
    // never a flag that changes how the old generation is collected: set in a running process, it stopped the main thread
    for (const f of full) assert.doesNotMatch(f, /single-threaded-gc|concurrent-marking|parallel-marking/);
  });
});

describe('the number of workers a run uses by default (cli.defaultJobs)', () => {
  it('one per core, one fewer below SMALL_RUN files (the optimizing compiler keeps a core while the workers warm up), never none', () => {
    assert.equal(defaultJobs(SMALL_RUN, 2), 2);
    assert.equal(defaultJobs(20_000, 8), 8);
    assert.equal(defaultJobs(SMALL_RUN - 1, 2), 1);
    assert.equal(defaultJobs(200, 8), 7);
    assert.equal(defaultJobs(200, 1), 1);
    assert.equal(defaultJobs(5000, 1), 1);
  });

  it('weighs a published form as a whole small run: a PDF takes as long as hundreds of text reports', () => {
    const names = (list: string[]) => (k: number) => list[k]!;
    assert.equal(workOf(3, names(['a.txt', 'b.MD', 'c.md'])), 3);
    assert.ok(workOf(3, names(['a.txt', 'b.pdf', 'c.md'])) >= SMALL_RUN);
    assert.ok(workOf(2, names(['a.docx', 'b.html'])) >= SMALL_RUN);
    assert.equal(workOf(0, names([])), 0);
    // a few PDFs use every core; a few hundred text files leave one to the compiler
    assert.equal(defaultJobs(workOf(2, names(['a.pdf', 'b.pdf'])), 2), 2);
    assert.equal(defaultJobs(workOf(200, () => 'r.txt'), 2), 1);
  });
});

describe('the workers’ young generation (cli.youngGenerationOf)', () => {
  it('is larger when at least half the files are published forms (their reading allocates far more)', () => {
    const of = (names: string[]) => youngGenerationOf(names.length, (k) => names[k]!);
    assert.ok(WORKER_YOUNG_MB_PUBLISHED > WORKER_YOUNG_MB);
    assert.equal(of(['a.pdf', 'b.pdf', 'c.docx']), WORKER_YOUNG_MB_PUBLISHED);
    assert.equal(of(['a.pdf', 'b.txt']), WORKER_YOUNG_MB_PUBLISHED);
    assert.equal(of(['a.pdf', 'b.txt', 'c.md']), WORKER_YOUNG_MB);
    assert.equal(of([...Array.from({ length: 2000 }, (_v, k) => `r${k}.txt`), 'x.pdf']), WORKER_YOUNG_MB, 'a province of text reports and one PDF: within the memory bound');
    assert.equal(of([]), WORKER_YOUNG_MB);
  });
});

describe('what a run keeps of last year’s reports for this year’s (cli.PriorsKept)', () => {
  const task = (r: number): FileTask => ({ index: r, file: `r${r}`, found: true });
  const outcome = (r: number): FileOutcome => ({ index: r, file: `r${r}`, stderr: '', unreadable: false, checked: true, errors: 0, warnings: 0, others: 0, prior: `P${r}` });

  it('asks for it where a report to come needs it, gives it while one does, then lets it go', () => {
    // reports 1 and 2 are 0's year after (the same agency twice), 4 is 2's; 3 has none
    const kept = new PriorsKept(Int32Array.from([-1, 0, 0, -1, 2]));
    const t0 = task(0);
    kept.give(t0, 0);
    assert.equal(t0.keepPrior, true);
    const o0 = outcome(0);
    kept.take(o0, 0);
    assert.equal(o0.prior, undefined, 'not carried on with the output');
    const [t1, t2, t3] = [task(1), task(2), task(3)];
    kept.give(t1, 1);
    kept.give(t2, 2);
    kept.give(t3, 3);
    assert.deepEqual([t1.prior, t2.prior, t3.prior, t1.keepPrior, t2.keepPrior, t3.keepPrior], ['P0', 'P0', undefined, undefined, true, undefined]);
    assert.equal(kept.size, 0, 'report 0 let go once its last follower is given out');
    // report 4 given out before report 2 is checked: it reads last year's itself, and 2's is not kept after
    const t4 = task(4);
    kept.give(t4, 4);
    assert.equal(t4.prior, undefined);
    kept.take(outcome(2), 2);
    assert.equal(kept.size, 0);
  });

  it('keeps no more than its bound', () => {
    const n = MAX + 10;
    // every report is the year before of the one after it
    const kept = new PriorsKept(Int32Array.from({ length: 2 * n }, (_v, r) => (r >= n ? r - n : -1)));
    for (let r = 0; r < n; r++) {
      kept.give(task(r), r);
      kept.take(outcome(r), r);
    }
    assert.equal(kept.size, MAX);
    const given = Array.from({ length: n }, (_v, k) => {
      const t = task(n + k);
      kept.give(t, n + k);
      return t.prior;
    });
    assert.equal(given.filter((p) => p !== undefined).length, MAX);
    assert.equal(kept.size, 0);
  });
});

describe('an element of a JSON array written on its own (batch.jsonElement)', () => {
  it('is what JSON.stringify(…, null, 2) writes for it at that depth', () => {
    const values: unknown[] = [
      { file: 'a\nb.txt', diagnostics: [{ rule: 'x', range: { start: { line: 1, character: 2 } }, message: '表三\t“引号”' }, { rule: 'y' }] },
      { file: 'empty', diagnostics: [] },
      {},
      [],
      [[1, [2, {}]], 'x'],
      42,
      'a string',
      null,
    ];
    for (const value of values) {
      for (const depth of [1, 2, 4]) {
        const pad = '  '.repeat(depth);
        assert.equal(jsonElement(value, depth), pad + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + pad), `${JSON.stringify(value)} at ${depth}`);
      }
    }
  });
});
