/**
 * Fuzzing (mutated seeds and random soup) and pathological inputs: never an
 * exception, every range inside the document, every quick fix applies and the
 * result re-checks. FUZZ_CASES sets the number of cases (npm run fuzz: a million).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analysis, analyze, clearCaches } from '../../server/src/check';
import { previousYear } from '../../server/src/crossYear';
import { sumTables } from '../../server/src/features/sum';
import { insertSums, sumDifferences } from '../../server/src/features/sumCompare';
import { exportTables } from '../../server/src/features/tablesExport';
import { tableView } from '../../server/src/features/tableView';
import { problemKeys } from '../../server/src/ignore';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import type { Rule } from '../../server/src/rules/types';
import { RULES } from '../../server/src/rules/index';
import { applyFix } from '../fixes';
import { SEED_NAMES, readSeed, rng } from '../helpers';

const CASES = Number(process.env.FUZZ_CASES ?? 20_000);
const SEEDS = SEED_NAMES.map((n) => readSeed(n).split('\n'));
const NOISE = ['一、', '（一）', '\t', '  ', '|', '０', '１２', '3', '件', '总计', '予以公开', '𠀀', '😀', '\uD800', '\uDC00', '\u0000', '\uFEFF', '\r', '\r\n', '　', '《', '》', '“', '”', '〔2021〕', '.', '-1', '1.5', '／'];

function mutate(random: () => number): string {
  const lines = SEEDS[Math.floor(random() * SEEDS.length)]!;
  const from = Math.floor(random() * lines.length);
  let out = lines.slice(from, from + 10 + Math.floor(random() * 60));
  const ops = 1 + Math.floor(random() * 6);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(random() * Math.max(1, out.length));
    const r = random();
    if (r < 0.15) out.splice(i, 1);
    else if (r < 0.3) out.splice(i, 0, out[i] ?? '');
    else if (r < 0.4 && out.length > 1) {
      const j = Math.floor(random() * out.length);
      [out[i], out[j]] = [out[j]!, out[i]!];
    } else if (r < 0.55) out[i] = (out[i] ?? '').replace(/\d/g, () => String(Math.floor(random() * 10)));
    else if (r < 0.65) out[i] = (out[i] ?? '').replace(/\t| {2}/g, (m) => (m === '\t' ? '  ' : '\t'));
    else {
      const line = out[i] ?? '';
      const at = Math.floor(random() * (line.length + 1));
      out[i] = line.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + line.slice(at);
    }
  }
  if (random() < 0.3) out = ['X县2023年政府信息公开工作年度报告', ...out];
  const eol = random() < 0.2 ? '\r\n' : random() < 0.1 ? '\r' : '\n';
  return (random() < 0.05 ? '\uFEFF' : '') + out.join(eol);
}

function soup(random: () => number): string {
  let s = '';
  const n = Math.floor(random() * 300);
  for (let k = 0; k < n; k++) s += random() < 0.5 ? NOISE[Math.floor(random() * NOISE.length)] : String.fromCharCode(Math.floor(random() * 0x10000));
  return s;
}

/** Last year's report for the cross-year rules: a seed moved back one year (made once). */
let lastYears: ReturnType<typeof previousYear>[] | undefined;
function someLastYear(random: () => number): ReturnType<typeof previousYear> {
  lastYears ??= SEED_NAMES.map((n) => {
    const text = readSeed(n).replace(/(20\d\d)( ?年)/g, (_m, y: string, rest: string) => `${Number(y) - 1}${rest}`);
    return previousYear(analyze(text), `file:///last/${n}.txt`, `${n}.txt`);
  });
  return lastYears[Math.floor(random() * lastYears.length)]!;
}

function checkOne(text: string, random: () => number, prior?: Analysis): Analysis {
  // a third of the cases are checked against a report of the year before (the cross-year rules run)
  const a = random() < 0.3 ? analyze(text, { previous: someLastYear(random), prior }) : analyze(text, { prior });
  assert.deepEqual(a.failures, [], JSON.stringify(text.slice(0, 200)));
  // the table view, the keys of "ignore here" and 汇总 take any analysis too
  const inside = (r: { start: { line: number }; end: { line: number } }) => r.start.line >= 0 && r.end.line < a.lineIndex.lineCount;
  const view = tableView(a, 'zh');
  for (const t of view.tables) for (const row of t.rows) for (const c of row) if (c.range) assert.ok(inside(c.range), 'table view cell outside the document');
  problemKeys(a.problems, a.report, a.lineIndex);
  const sum = sumTables([{ file: 'x', tables: exportTables(a.report) }]).tables;
  for (const d of sumDifferences(a, sum)) assert.ok(d.span.end <= text.length, 'difference outside the document');
  for (const e of insertSums(a, sum)) assert.ok(e.span.start >= 0 && e.span.end <= text.length, 'sum insertion outside the document');
  for (const p of a.problems) {
    assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `${p.rule} span outside the document`);
    for (const r of p.related ?? []) assert.ok(r.span.start >= 0 && r.span.end <= text.length, `${p.rule} related outside`);
  }
  const withFixes = a.problems.filter((p) => p.fixes && p.fixes.length > 0);
  if (withFixes.length > 0) {
    const p = withFixes[Math.floor(random() * withFixes.length)]!;
    const fix = p.fixes![Math.floor(random() * p.fixes!.length)]!;
    const edits = [...fix.edits].sort((x, y) => x.span.start - y.span.start);
    for (let k = 0; k < edits.length; k++) {
      const e = edits[k]!;
      assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `${p.rule} fix outside the document`);
      if (k > 0) assert.ok(edits[k - 1]!.span.end <= e.span.start, `${p.rule} fix edits overlap`);
    }
    const fixed = applyFix(text, fix);
    assert.deepEqual(analyze(fixed).failures, []);
  }
  return a;
}

/**
 * A keystroke in a checked text, mostly above its tables (which then move), checked with the check
 * before given as `prior` (as the server does); now and then compared with a check from cold.
 */
function typeInto(text: string, a: Analysis, random: () => number): void {
  const tables = a.report.tables.table2 ?? a.report.tables.table3 ?? a.report.tables.table4;
  const at = Math.floor(random() * ((tables && random() < 0.8 ? tables.start : text.length) + 1));
  const typed = text.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + text.slice(at);
  const b = checkOne(typed, random, a);
  if (random() < 0.05) {
    clearCaches();
    assert.equal(JSON.stringify(analyze(typed, b.report.previous ? { previous: b.report.previous } : {}).problems), JSON.stringify(b.problems), JSON.stringify(typed.slice(0, 200)));
  }
}

describe('fuzzing', () => {
  it(`${CASES} mutated seeds and random soups (a fifth then typed into, checked with the check before as prior): no exception, ranges inside, fixes apply`, () => {
    const random = rng(1234567);
    for (let k = 0; k < CASES; k++) {
      const text = k % 10 === 9 ? soup(random) : mutate(random);
      const a = checkOne(text, random);
      if (random() < 0.2) typeInto(text, a, random);
    }
  });
});

describe('pathological inputs finish', () => {
  const cases: [string, () => string][] = [
    ['a 1 MB single line', () => '政府信息公开'.repeat(170_000)],
    ['100 000 tabs', () => '\t'.repeat(100_000)],
    ['a 10 000-row table', () => '三、收到和处理政府信息公开申请情况\n' + Array.from({ length: 10_000 }, (_v, k) => `${k % 9}.其他\t1\t0\t0\t0\t0\t0\t1`).join('\n')],
    ['50 000 lines without structure', () => Array.from({ length: 50_000 }, (_v, k) => `第 ${k} 行文字，没有结构`).join('\n')],
    ['deeply repeated headings', () => Array.from({ length: 20_000 }, (_v, k) => ['一、总体情况', '（一）主动公开情况', '1.推进', '一是加强'][k % 4]).join('\n')],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const text = make();
      const a = analyze(text);
      assert.deepEqual(a.failures, []);
      for (const p of a.problems) assert.ok(p.span.end <= text.length);
    });
  }
});

describe('a rule that throws', () => {
  it('gives one internal diagnostic, and the other rules still run', () => {
    const broken: Rule = {
      meta: { id: 'broken', severity: 'error', description: { zh: '坏规则', en: 'broken' } },
      check() {
        throw new Error('boom');
      },
    };
    const a = analyze(readSeed('wuwei-2023'), { rules: [broken, ...RULES] });
    assert.equal(a.failures.length, 1);
    const ds = toDiagnostics(a, 'zh');
    const internal = ds.filter((d) => d.code === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(String(internal[0]!.message), /^规则 broken 在检查本文档时出错.*boom/);
    assert.ok(ds.filter((d) => d.code === 'T3-column').length === 1, 'the other rules ran');
  });
});
