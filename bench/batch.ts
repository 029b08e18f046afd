/**
 * The batch scenario (issue 20): N different reports — every count scaled by the report's own factor (so
 * that the sums that hold in the seed still hold) and each prose line changed, so no line of the report's
 * own repeats across files (copies of one report would let the per-line caches hide the real
 * cost) — checked by `gov-report-lint --format json` and by markdownlint-cli2 on the same files, in the
 * same run: time, reports per second, peak RSS. Linux (peak RSS from /proc).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A report made from a seed, different in every line from the reports made with another `k`. */
export function variantReport(seed: string, k: number): string {
  return seed
    .split('\n')
    .map((line, i) => {
      if (i === 0 && /年度报告/.test(line)) return line.replace(/^[^0-9０-９]*?(?=\d{4}年)/, `某${k}县人民政府`);
      // every count: scaled by the report's own factor, so that its tables' sums hold exactly where the
      // seed's hold (every sum of the format is linear) and every table row differs between reports;
      // years, dates and document numbers left as they are
      const numbered = line.replace(/(?<![\d〔(（.])\d+(?!\d|\s*[年月日号]|[〕.])/g, (d) => (/^(?:19|20)\d\d$/.test(d) ? d : String(Number(d) * (k + 1))));
      // prose (a sentence): a word of its own
      if (/。/.test(numbered) && !numbered.includes('\t')) return numbered.replace(/。/, `（第${k}-${i}项）。`);
      // other words of the report's own (a signature, a date line): its own too; the format's headings
      // and the tables' fixed labels stay, as in every real report
      const own = numbered.trim() !== '' && !numbered.includes('\t') && !/\d/.test(numbered) && !/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第二十条|[（(]?\d)/.test(numbered);
      return own ? `${numbered}（${k}）` : numbered;
    })
    .join('\n');
}

/** Writes `n` different reports into `dir` (made once, kept between runs). */
export function writeBatch(dir: string, n: number, seeds: readonly string[]): void {
  // the marker names the way the reports are made: a batch made another way is made again
  const marker = path.join(dir, `.complete-v2-${n}`);
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let k = 0; k < n; k++) {
    // a hundred files a folder, as a province's reports arrive by county
    const sub = path.join(dir, String(Math.floor(k / 100)).padStart(4, '0'));
    if (k % 100 === 0) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `report-${String(k).padStart(6, '0')}.md`), variantReport(seeds[k % seeds.length]!, k + 1));
  }
  fs.writeFileSync(marker, '');
}

/** Runs a command to its end: wall time (ms) and peak resident memory (MB, VmHWM polled from /proc). */
export function measure(command: string, args: string[], cwd: string): Promise<{ ms: number; peakMb: number; code: number | null }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // gone
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - t0, peakMb: peak, code });
    });
  });
}
