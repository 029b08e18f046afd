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

/** A random text of 0 to `maxPieces` − 1 pieces, each drawn from `alphabet` (its length drawn first). */
export function randomPieces(random: () => number, alphabet: readonly string[], maxPieces: number): string {
  const n = Math.floor(random() * maxPieces);
  let text = '';
  for (let k = 0; k < n; k++) text += alphabet[Math.floor(random() * alphabet.length)]!;
  return text;
}

/**
 * A report of the year before made from a seed of 2023 (wuzhong-2023): its years one less, some numbers
 * changed — table 三's new requests and their total (300 instead of 343), （一）予以公开 all 0 (this
 * year's 144 and 145 come from 0), table 四's reconsideration cases 50 (this year's total, 22, less than
 * half) — and section 五's paragraphs written differently (so that only they are not copied).
 */
export function previousYearOf(text: string): string {
  const out = text
    .replace(/2023/g, '2022')
    .replace(/343\t1\t0\t0\t0\t0\t344/g, '300\t0\t0\t0\t0\t0\t300')
    .replace('(一) 予以公开\t144\t1\t0\t0\t0\t0\t145', '(一) 予以公开\t0\t0\t0\t0\t0\t0\t0')
    .replace('9\t8\t3\t2\t22\t', '20\t20\t5\t5\t50\t')
    .replace(/^(一是|二是|三是)[^\n]*$/gm, (_m, lead: string) => `${lead}今年另有安排，措施如下：完善制度，加强培训，压实责任，开展检查，改进服务。`);
  if (out === text) throw new Error('not a report of 2023');
  return out;
}
