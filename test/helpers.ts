import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/…, sources live in test/…). */
export const ROOT: string = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
})();

export const SEEDS_DIR = path.join(ROOT, 'test', 'fixtures', 'seeds');

export const SEED_NAMES = ['litong-2021', 'shizuishan-office-2023', 'tongxin-2022', 'wuwei-2023', 'wuzhong-2023'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

export function seedPath(name: SeedName): string {
  return path.join(SEEDS_DIR, name + '.txt');
}

export function readSeed(name: SeedName): string {
  return fs.readFileSync(seedPath(name), 'utf8');
}

/** 0-based line number of the first line that starts with `prefix` (after leading white space). */
export function lineOf(text: string, prefix: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const i = lines.findIndex((l) => l.trimStart().startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i;
}

/** Removes the first line that starts with `prefix`, keeping the line break (so later lines keep their numbers). */
export function blankLine(text: string, prefix: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  lines[i] = '';
  return lines.join('\n');
}

/** A deterministic pseudo-random generator (mulberry32), so random tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
