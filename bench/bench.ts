/**
 * npm run bench: the checker's speed on the real reports and on generated
 * reports of growing size. Prints a table; asserts nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/check';
import { parse } from '../server/src/parse/parser';

const root = path.resolve(__dirname, '..');
const seedsDir = path.join(root, 'test', 'fixtures', 'seeds');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[s.length >> 1]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

const rows: string[][] = [['measure', 'median ms', 'p95 ms']];
for (let i = 0; i < 50; i++) for (const s of seeds) analyze(s.text); // warm up
for (const s of seeds) {
  const samples = Array.from({ length: 300 }, () => time(() => analyze(s.text)));
  const { median, p95 } = stats(samples);
  rows.push([`full check ${s.name} (${(Buffer.byteLength(s.text) / 1024).toFixed(1)} KB)`, median.toFixed(3), p95.toFixed(3)]);
}

/** A report of about `bytes` characters: the seeds' prose repeated inside sections, and one set of tables. */
function generated(chars: number): string {
  const base = seeds.find((s) => s.name.startsWith('wuzhong'))!.text;
  const cut = base.indexOf('五、存在的主要问题');
  const head = base.slice(0, cut);
  const prose = base.slice(cut);
  let out = head;
  while (out.length < chars) out += '\n' + prose;
  return out;
}

const sizes = [50_000, 500_000, 5_000_000];
const times: number[] = [];
for (const size of sizes) {
  const text = generated(size);
  analyze(text);
  const samples = Array.from({ length: size > 1_000_000 ? 3 : 10 }, () => time(() => analyze(text)));
  const { median } = stats(samples);
  times.push(median);
  rows.push([`full check generated ${(text.length / 1e6).toFixed(2)} M chars`, median.toFixed(1), '']);
}
rows.push(['scaling 500K/50K (10 = linear)', (times[1]! / times[0]!).toFixed(1), '']);
rows.push(['scaling 5M/500K (10 = linear)', (times[2]! / times[1]!).toFixed(1), '']);

let random = 7;
const pieces = ['一、总体情况\n', '（一）', '\t', '  ', '0', '343', '\n', '政府信息公开', '。', '|', '３', '一是', '1.', '年', '申请', '\r\n', '总计', '予以公开'];
let soup = '';
while (soup.length < 1_000_000) {
  random = (random * 1103515245 + 12345) % 2147483648;
  soup += pieces[random % pieces.length];
}
rows.push(['parse 1 MB random text', time(() => parse(soup)).toFixed(1), '']);
rows.push(['full check 1 MB random text', time(() => analyze(soup)).toFixed(1), '']);

for (const f of ['client.js', 'server.js', 'cli.js']) {
  const p = path.join(root, 'dist', f);
  if (fs.existsSync(p)) rows.push([`bundle dist/${f}`, `${(fs.statSync(p).size / 1024).toFixed(0)} KB`, '']);
}

const width = rows.map((r) => r.map((c) => c.length)).reduce((w, r) => w.map((x, k) => Math.max(x, r[k] ?? 0)));
for (const r of rows) console.log(r.map((c, k) => (k === 0 ? c.padEnd(width[k]!) : c.padStart(width[k]!))).join('  '));
