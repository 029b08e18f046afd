/**
 * The caches that outlive a check (server/src/caches.ts) never change a result: a typing session on
 * each seed — each check given the one before, as the language server does — says the same with any
 * one of them switched off, and with all off, as with all on.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CACHES, CacheName, batchCaches, cacheKeyMax, cacheLimit, cacheOff, editorCaches, switchCachesOff } from '../../server/src/caches';
import { Analysis, analyze, clearCaches } from '../../server/src/check';
import { exportTables } from '../../server/src/features/tablesExport';
import { SEED_NAMES, readSeed } from '../helpers';

/** 40 keystrokes: two places, 20 characters typed at each (one above the tables, one in them). */
function session(text: string): string[] {
  const out: string[] = [];
  const typing = '政府信息公开申请1件办理完毕2023年';
  let current = text;
  for (const [k0, place] of [[0, 0.1], [20, 0.45]] as const) {
    let at = Math.floor(place * current.length);
    for (let k = k0; k < k0 + 20; k++) {
      current = current.slice(0, at) + typing[k % typing.length] + current.slice(at);
      at++;
      out.push(current);
    }
  }
  return out;
}

/** What a check says, as plain data. */
function said(a: Analysis): string {
  return JSON.stringify({ problems: a.problems.map((p) => [p.rule, p.severity, p.span, p.message, p.fixes, p.related]), tables: exportTables(a.report, 'x') });
}

function run(texts: string[], off: CacheName[]): string[] {
  switchCachesOff(off);
  clearCaches();
  let prior: Analysis | undefined;
  return texts.map((t) => said((prior = analyze(t, { prior }))));
}

after(() => editorCaches());

describe('caches switched off', () => {
  const names = Object.keys(CACHES) as CacheName[];
  for (const seed of SEED_NAMES) {
    it(`${seed}: a typing session says the same with each cache off, and with all off`, () => {
      const texts = session(readSeed(seed));
      const allOn = run(texts, []);
      for (const off of [...names.map((n) => [n]), names]) {
        const got = run(texts, off);
        got.forEach((g, k) => assert.equal(g, allOn[k], `${off.join(', ')} off: keystroke ${k + 1} differs`));
      }
      // as the command line's workers keep them: the labels' cache only, a tenth of the entries, no long texts
      batchCaches();
      try {
        clearCaches();
        let prior: Analysis | undefined;
        texts.forEach((t, k) => assert.equal(said((prior = analyze(t, { prior }))), allOn[k], `batch caches: keystroke ${k + 1} differs`));
      } finally {
        editorCaches();
      }
    });
  }
});

describe('the caches of a batch', () => {
  it('keep the labels’ cache only, and the editor’s keep every one', () => {
    const names = Object.keys(CACHES) as CacheName[];
    try {
      batchCaches();
      assert.deepEqual(names.filter((n) => !cacheOff(n)), ['model.labels']);
      assert.equal(cacheKeyMax(), 100);
      assert.equal(cacheLimit(20000), 2000);
      editorCaches();
      assert.deepEqual(names.filter((n) => cacheOff(n)), []);
      assert.equal(cacheKeyMax(), Infinity);
      assert.equal(cacheLimit(20000), 20000);
    } finally {
      editorCaches();
    }
  });
});
