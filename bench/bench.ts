/**
 * npm run bench: the checker's speed on the real reports and on generated
 * reports of growing size. Prints a table; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analysis, analyze, clearCaches } from '../server/src/check';
import * as esbuild from 'esbuild';
import { lint as markdownlint } from 'markdownlint/sync';
import { spawn } from 'node:child_process';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { parse } from '../server/src/parse/parser';
import { buildReport } from '../server/src/model/report';
import { RULES } from '../server/src/rules/index';
import { installFakeVscode } from './fakeVscode';
import { measure, writeBatch } from './batch';
import { defaultJobs } from '../server/src/cli/cli';
import { CACHES, CacheName, switchCachesOff } from '../server/src/caches';
import { readBytes } from '../server/src/read/index';
import { loadPdfReader } from '../server/src/files/pdfLoader';

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

async function main(): Promise<void> {
const rows: string[][] = [['measure', 'median ms', 'p95 ms']];
/**
 * A typing session on a seed: the cursor goes to a place, 20 characters are typed there one by one,
 * then it goes elsewhere; 300 keystrokes, each giving the text the editor checks. (Each text is the
 * one before with one character more, as in the editor: what follows the cursor moves on every
 * keystroke, so nothing after it is found where it was.)
 */
function session(text: string): string[] {
  const out: string[] = [];
  const typing = '政府信息公开申请1件办理完毕2023年';
  let current = text;
  let at = 0;
  for (let k = 0; k < 300; k++) {
    if (k % 20 === 0) at = Math.floor((((k / 20) * 7919) % 1000) / 1000 * current.length);
    current = current.slice(0, at) + typing[k % typing.length] + current.slice(at);
    at++;
    out.push(current);
  }
  return out;
}
// Every seed's session replayed 5 times, the seeds in turn (so that one moment of a busy machine
// does not fall on one seed), after a warm-up on the same sessions.
const inputs = seeds.map((s) => session(s.text));
// Each check is given the one before as \`prior\`, as the language server gives the analysis it replaces
// (tables the cursor typed above are moved, not built again).
const typed = (list: string[], each: (check: () => void) => void) => {
  let prior: Analysis | undefined;
  for (const t of list) each(() => (prior = analyze(t, { prior })));
};
for (let round = 0; round < 3; round++) for (const list of inputs) typed(list, (check) => check()); // warm up
for (let round = 0; round < 30; round++) for (const s of seeds) markdownlint({ strings: { s: s.text } }); // warm up the reference as much
const samples = seeds.map(() => [] as number[]);
// Each round types its texts afresh (outside the timing), so that each check meets a text made as the
// editor makes it (joined from pieces of the one before), never one an earlier round read already.
for (let round = 0; round < 5; round++) seeds.map((s) => session(s.text)).forEach((list, i) => typed(list, (check) => samples[i]!.push(time(check))));
seeds.forEach((s, i) => {
  const { median, p95 } = stats(samples[i]!);
  const cold = stats(inputs[i]!.slice(0, 100).map((t) => {
    clearCaches();
    return time(() => analyze(t));
  }));
  const reference = stats(Array.from({ length: 100 }, () => time(() => markdownlint({ strings: { s: s.text } }))));
  rows.push([`full check ${s.name} (${(Buffer.byteLength(s.text) / 1024).toFixed(1)} KB), per keystroke of a typing session`, median.toFixed(3), p95.toFixed(3)]);
  rows.push([`  the same from cold (no line classes or label scores remembered)`, cold.median.toFixed(3), cold.p95.toFixed(3)]);
  rows.push([`  markdownlint on the same text (ratio ours/markdownlint ${(median / reference.median).toFixed(3)}: ${(reference.median / median).toFixed(0)}× as fast; from cold ${(cold.median / reference.median).toFixed(2)})`, reference.median.toFixed(3), reference.p95.toFixed(3)]);
});

// The layouts real text arrives in (issue 16): a typing session on each, with `prior` as in the
// editor. A crawled page is one line: every keystroke cuts the whole article into its pieces again.
{
  const fixtures = path.join(root, 'test', 'fixtures');
  const layouts = [
    ['PDF text (pdftotext -layout)', 'renderings/wuzhong-2023.layout.txt'],
    ['PDF text (pdftotext -raw)', 'renderings/wuzhong-2023.raw.txt'],
    ['web page, boxed (w3m)', 'renderings/wuzhong-2023.w3m.txt'],
    ['web page, html2text', 'renderings/wuzhong-2023.html2text.md'],
    ['crawled page, one line', 'real/pingtan-zonghe-shiyanqu-2025.txt'],
    ['crawled page, one line, 2019 format', 'real/pingtan-gongan-ju-2019.txt'],
  ];
  for (const [what, file] of layouts) {
    const text = fs.readFileSync(path.join(fixtures, file!), 'utf8');
    for (let round = 0; round < 2; round++) typed(session(text), (check) => check()); // warm up
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) typed(session(text), (check) => samples.push(time(check)));
    const { median, p95 } = stats(samples);
    const cold = stats(session(text).slice(0, 60).map((t) => {
      clearCaches();
      return time(() => analyze(t));
    }));
    rows.push([`full check, ${what} (${file!.split('/').pop()}, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB), per keystroke`, median.toFixed(3), p95.toFixed(3)]);
    rows.push([`  the same from cold`, cold.median.toFixed(3), cold.p95.toFixed(3)]);
  }
}

// where a check's time goes (the same typed inputs, all seeds): parse, model, rules (with the sums and
// cell names they compute once per model; every rule run, none of the table rules' problems taken
// again as the engine does, so this is an upper bound of the rules' share)
{
  const phases = { parse: [] as number[], model: [] as number[], rules: [] as number[] };
  for (let round = 0; round < 3; round++) {
    for (const list of inputs) {
      let prior: ReturnType<typeof buildReport> | undefined;
      for (const t of list) {
        let tree!: ReturnType<typeof parse>;
        phases.parse.push(time(() => (tree = parse(t, prior?.tree))));
        let report!: ReturnType<typeof buildReport>;
        phases.model.push(time(() => (report = buildReport(tree, prior))));
        prior = report;
        phases.rules.push(time(() => {
          for (const rule of RULES) rule.check(report);
        }));
      }
    }
  }
  for (const [name, samples] of Object.entries(phases)) {
    const { median, p95 } = stats(samples);
    rows.push([`  of a typed check: ${name}`, median.toFixed(3), p95.toFixed(3)]);
  }
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
  const samples = Array.from({ length: 5 }, () => time(() => analyze(text)));
  const { median } = stats(samples);
  times.push(median);
  rows.push([`full check generated ${(text.length / 1e6).toFixed(2)} M chars (${(median / (text.length / 1e6)).toFixed(0)} ms per M chars)`, median.toFixed(1), '']);
}
rows.push(['scaling 500K/50K (10 = linear)', (times[1]! / times[0]!).toFixed(1), '']);
rows.push(['scaling 5M/500K (10 = linear)', (times[2]! / times[1]!).toFixed(1), '']);

// Every cache must pay for itself: each switched off in turn (and the check before, \`prior\`, not
// given), on a cold check of reports never seen (100 different ones: every number and prose line
// changed, so no line repeats across them), a typing session (per keystroke), and a 5 MB document.
{
  const variant = (text: string, k: number) =>
    text
      .split('\n')
      .map((line) => line.replace(/\d+/g, (d) => String(Number(d) + k)).replace(/。$/, `（${k}）。`))
      .join('\n');
  const reports = Array.from({ length: 100 }, (_, k) => variant(seeds[k % seeds.length]!.text, k + 1));
  const big = generated(5_000_000);
  const keys = Object.keys(CACHES) as CacheName[];
  const configs: [string, CacheName[], boolean][] = [['none', [], true], ...keys.map((k): [string, CacheName[], boolean] => [k, [k], true]), ['prior (the check before)', [], false], ['all', keys, false]];
  const wuwei = seeds.find((x) => x.name.startsWith('wuwei'))!.text;
  // warmed up first (the first configuration must not pay for the JIT), then each configuration twice
  // in turn, the better run of each kept (a busy moment of the machine falls on one run, not one configuration)
  for (const r of reports) analyze(r);
  const results = new Map<string, number[][]>();
  for (let pass = 0; pass < 2; pass++) for (const [label, off, withPrior] of configs) {
    switchCachesOff(off);
    clearCaches();
    // a batch of reports never seen: each checked once, after the ones before (what a folder check does)
    const cold = time(() => {
      for (const r of reports) analyze(r);
    }) / reports.length;
    const keystrokes: number[] = [];
    for (let round = 0; round < 3; round++) {
      let prior: Analysis | undefined;
      for (const t of session(wuwei)) {
        const took = time(() => (prior = analyze(t, withPrior ? { prior } : {})));
        if (round > 0) keystrokes.push(took);
      }
    }
    analyze(big);
    const large = stats([0, 1, 2].map(() => time(() => analyze(big)))).median;
    const got = [cold, stats(keystrokes).median, large];
    const before = results.get(label);
    results.set(label, before ? [before[0]!.map((v, k) => Math.min(v, got[k]!))] : [got]);
  }
  for (const [label] of configs) {
    const [cold, keystroke, large] = results.get(label)![0]!;
    rows.push([`caches off: ${label} — cold check of a report never seen / per keystroke / 5 MB document`, `${cold!.toFixed(2)} / ${keystroke!.toFixed(3)} / ${large!.toFixed(0)}`, '']);
  }
  switchCachesOff([]);
  clearCaches();
}

let random = 7;
const pieces = ['一、总体情况\n', '（一）', '\t', '  ', '0', '343', '\n', '政府信息公开', '。', '|', '３', '一是', '1.', '年', '申请', '\r\n', '总计', '予以公开'];
let soup = '';
while (soup.length < 1_000_000) {
  random = (random * 1103515245 + 12345) % 2147483648;
  soup += pieces[random % pieces.length];
}
rows.push(['parse 1 MB random text', time(() => parse(soup)).toFixed(1), '']);
rows.push(['full check 1 MB random text', time(() => analyze(soup)).toFixed(1), '']);

const pathological: [string, string][] = [
  ['a 1 MB single line', '政府信息公开'.repeat(170_000)],
  ['100 000 tabs', '\t'.repeat(100_000)],
  ['a 10 000-row table', '三、收到和处理政府信息公开申请情况\n' + Array.from({ length: 10_000 }, (_v, k) => `${k % 9}.其他\t1\t0\t0\t0\t0\t0\t1`).join('\n')],
  ['50 000 lines without structure', Array.from({ length: 50_000 }, (_v, k) => `第 ${k} 行文字，没有结构`).join('\n')],
];
for (const [name, text] of pathological) rows.push([`full check ${name}`, time(() => analyze(text)).toFixed(1), '']);

// the language server over stdio: one character typed, diagnostics back (debounce off)
{
  // started as the extension starts it (client/src/extension.ts: the same V8 flag)
  const child = spawn(process.execPath, ['--max-semi-space-size=2', path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => waiting.get(`${p.uri}#${p.version}`)?.());
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounce: 0 }, workspaceFolders: null });
  await connection.sendNotification(InitializedNotification.type, {});
  const published = (uri: string, version: number) => new Promise<void>((resolve) => waiting.set(`${uri}#${version}`, resolve));
  const uri = 'file:///bench/wuzhong.txt';
  const text = seeds.find((x) => x.name.startsWith('wuzhong'))!.text;
  let done = published(uri, 1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gov-annual-report', version: 1, text } });
  await done;
  const latencies: number[] = [];
  // typing: 250 characters in section 一 (above the tables, which move on every keystroke), then 250 in section 五
  const lines = text.split('\n');
  const places = [lines.findIndex((l) => l.startsWith('一、')) + 2, lines.findIndex((l) => l.startsWith('五、')) + 2];
  for (let k = 0; k < 500; k++) {
    const version = k + 2;
    done = published(uri, version);
    const t = process.hrtime.bigint();
    const at = { line: places[k < 250 ? 0 : 1]!, character: k % 250 };
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: '字' }],
    });
    await done;
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const l = stats(latencies);
  rows.push(['keystroke → diagnostics over LSP (500 characters typed, above and below the tables)', l.median.toFixed(2), l.p95.toFixed(2)]);
  for (let k = 0; k < 100; k++) {
    const u = `file:///bench/open-${k}.txt`;
    done = published(u, 1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'gov-annual-report', version: 1, text: seeds[k % seeds.length]!.text } });
    await done;
  }
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  rows.push(['server memory with 100 reports open', `${rss.toFixed(0)} MB`, '']);
  connection.dispose();
  child.kill();
}

// bundle sizes as shipped (minified, as in the .vsix)
// reading a report as it was published: a file's bytes → report text, before its check (the first
// read of a PDF also loads pdf.js: measured apart)
{
  const pdf = loadPdfReader(path.join(root, 'dist'));
  for (const [what, file] of [['Word (.docx)', 'wuzhong-2023.docx'], ['web page (.html)', 'wuzhong-2023.html'], ['PDF, pdf.js (9 pages)', 'wuzhong-2023.pdf']] as const) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, 'test', 'fixtures', 'renderings', file)));
    const once = async () => {
      const t0 = performance.now();
      const r = file.endsWith('.pdf') ? await pdf(bytes) : readBytes(bytes, file);
      if (!r.ok) throw new Error(`${file}: ${r.refusal.message.en}`);
      return performance.now() - t0;
    };
    const first = await once();
    const samples: number[] = [];
    for (let k = 0; k < 10; k++) samples.push(await once());
    rows.push([`read ${what} → text (${file}, ${(bytes.length / 1024).toFixed(0)} KB)`, stats(samples).median.toFixed(1), '']);
    rows.push([`  the first read (loads the reader)`, first.toFixed(1), '']);
  }
}

for (const [name, entry, platform] of [
  ['client entry', 'client/src/extension.ts', 'node'],
  ['client (vscode-languageclient)', 'client/src/nodeClient.ts', 'node'],
  ['server', 'server/src/lsp/server.ts', 'node'],
  ['cli', 'server/src/cli/main.ts', 'node'],
  ['web client (with the in-worker fallback server)', 'client/src/browserExtension.ts', 'browser'],
  ['web server (web worker)', 'server/src/lsp/browserServer.ts', 'browser'],
] as const) {
  const r = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform,
    format: 'cjs',
    minify: true,
    write: false,
    external: ['vscode'],
    loader: { '.code-snippets': 'json' },
    logLevel: 'silent',
  });
  rows.push([`bundle ${name} (minified)`, `${(r.outputFiles[0]!.contents.length / 1024).toFixed(0)} KB`, '']);
}

// the client's activation, as shipped (minified): an extension folder with the client's two bundles
// (the entry that forks the server, the language client it loads meanwhile) and the server; require
// the entry, activate (forks the server, loads vscode-languageclient, initializes), with a stand-in
// for the vscode module; five runs, each in a fresh module cache
{
  installFakeVscode();
  const ext = path.join(root, 'out', 'bench-extension');
  for (const [entry, out] of [
    ['client/src/extension.ts', 'client.js'],
    ['client/src/nodeClient.ts', 'nodeClient.js'],
    ['server/src/lsp/server.ts', 'server.js'],
  ] as const) {
    await esbuild.build({
      entryPoints: [path.join(root, entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      minify: true,
      outfile: path.join(ext, 'dist', out),
      external: ['vscode'],
      loader: { '.code-snippets': 'json' },
      logLevel: 'silent',
    });
  }
  const requireTimes: number[] = [];
  const activateTimes: number[] = [];
  for (let k = 0; k < 5; k++) {
    for (const f of ['client.js', 'nodeClient.js']) delete require.cache[path.join(ext, 'dist', f)];
    const context = { extensionPath: ext, extensionUri: { fsPath: ext, toString: () => `file://${ext}` }, extensionMode: 1, subscriptions: [] as { dispose(): void }[], asAbsolutePath: (p: string) => path.join(ext, p) };
    const t0 = process.hrtime.bigint();
    const extension = require(path.join(ext, 'dist', 'client.js')) as { activate(c: unknown): Promise<void>; deactivate(): Promise<void> };
    const t1 = process.hrtime.bigint();
    await extension.activate(context);
    const t2 = process.hrtime.bigint();
    requireTimes.push(Number(t1 - t0) / 1e6);
    activateTimes.push(Number(t2 - t0) / 1e6);
    await extension.deactivate();
  }
  rows.push(['client: load the entry bundle', stats(requireTimes).median.toFixed(1), '']);
  rows.push(['client activation (load, fork the server, load the language client, initialize)', stats(activateTimes).median.toFixed(1), '']);
}

// A province's reports in one run (issue 20): N different reports, our CLI (one worker per core, the
// default, and --jobs 1) and markdownlint-cli2 on the same files. BENCH_BATCH sets the sizes (default
// 200,2000,20000: the 20 000 run takes about five minutes, most of it markdownlint-cli2's).
{
  const sizes = (process.env.BENCH_BATCH ?? '200,2000,20000').split(',').map(Number).filter((n) => n > 0);
  const cli = path.join(root, 'dist', 'cli.js');
  const mdl = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  for (const n of sizes) {
    // outside out/ (the build empties it): made once, kept between runs
    const dir = path.join(os.tmpdir(), 'gov-report-bench-batch', String(n));
    writeBatch(dir, n, seeds.map((x) => x.text));
    const ours = await measure(process.execPath, [cli, '--format', 'json', '--exit-zero', dir], root);
    const one = await measure(process.execPath, [cli, '--jobs', '1', '--format', 'json', '--exit-zero', dir], root);
    const theirs = await measure(process.execPath, [mdl, '**/*.md', '#node_modules'], dir);
    const line = (what: string, r: { ms: number; peakMb: number }) => [`${what} (${(n / (r.ms / 1000)).toFixed(0)}/s, peak ${r.peakMb.toFixed(0)} MB)`, r.ms.toFixed(0), ''];
    rows.push(line(`batch: ${n} different reports, gov-report-lint --format json, default (${defaultJobs(n)} worker${defaultJobs(n) === 1 ? '' : 's'}: text files)`, ours));
    rows.push(line(`  the same, --jobs 1`, one));
    rows.push(line(`  markdownlint-cli2 on the same files`, theirs));
    if (n === 2000) {
      // one machine's part when four share the run: it still reads every file's title (last year's reports are found among all)
      const shard = await measure(process.execPath, [cli, '--shard', '1/4', '--format', 'json', '--exit-zero', dir], root);
      rows.push(line(`  --shard 1/4 (a quarter of the checks, every file judged)`, shard));
    }
    rows.push([`  ours/theirs: default ${(ours.ms / theirs.ms).toFixed(3)}, --jobs 1 ${(one.ms / theirs.ms).toFixed(3)} (target ≤ 0.05); peak ≤ 200 MB: ${Math.max(ours.peakMb, one.peakMb) <= 200 ? 'yes' : 'no'}`, '', '']);
  }
}

const width = rows.map((r) => r.map((c) => c.length)).reduce((w, r) => w.map((x, k) => Math.max(x, r[k] ?? 0)));
for (const r of rows) console.log(r.map((c, k) => (k === 0 ? c.padEnd(width[k]!) : c.padStart(width[k]!))).join('  '));
}

void main();
