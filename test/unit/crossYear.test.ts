import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalyzeOptions, analyze } from '../../server/src/check';
import { findPrevious, previousPlaces, previousYear } from '../../server/src/crossYear';
import { priorYearOf } from '../../server/src/model/report';
import { packPrior, unpackPrior } from '../../server/src/cli/batch';
import { fnv1a } from '../../server/src/parse/text';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { readSeed } from '../helpers';

/**
 * A pair of reports made from wuzhong-2023: "last year" (2022) carries over to 2023 exactly what 2023
 * says it received (3 requests, all 自然人), and its documents in force lead to 2023's numbers
 * (规章 3 − 2 + 0 = 1; 规范性文件 310 − 54 + 75 = 331).
 */
const thisYear = readSeed('wuzhong-2023');
const lastYear = thisYear
  .replace(/2023 年/g, '2022 年')
  .replace('规章\t2\t0\t3', '规章\t1\t0\t1')
  .replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t20\t5\t331');
const LAST_URI = 'file:///reports/wuzhong-2022.txt';
const prev = () => previousYear(analyze(lastYear), LAST_URI, 'wuzhong-2022.txt');
const codes = (text: string) => analyze(text, { previous: prev() }).problems.map((p) => p.rule);

/** previousPlaces over identities as objects: each one's candidate of the year before, or undefined. */
function placesOf<C extends { agency?: string; year?: number }>(candidates: C[]): (C | undefined)[] {
  const places = previousPlaces(candidates.length, (k) => candidates[k]!.agency, (k) => candidates[k]!.year);
  return Array.from(places, (p) => (p >= 0 ? candidates[p] : undefined));
}

describe('cross-year checks', () => {
  it('a consistent pair gives no cross-year warning', () => {
    assert.equal(analyze(lastYear).report.year, 2022);
    assert.deepEqual(codes(thisYear).filter((c) => c.startsWith('year-')), []);
  });

  it('this year’s carry-over changed by one: one warning, at the cell, related to last year’s cell in its file', () => {
    // one cell changed (自然人 3 → 4; its row no longer adds up either, which T3-row says)
    const changed = thisYear.replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3');
    assert.notEqual(changed, thisYear);
    const a = analyze(changed, { previous: prev() });
    const found = a.problems.filter((p) => p.rule === 'year-carryover');
    assert.equal(found.length, 1);
    assert.deepEqual(found.map((p) => changed.slice(p.span.start, p.span.end)), ['4']);
    // both columns changed: one warning per column
    const both = thisYear.replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t4');
    assert.equal(analyze(both, { previous: prev() }).problems.filter((p) => p.rule === 'year-carryover').length, 2);
    assert.match(found[0]!.message.zh, /表三二（上年结转）·自然人为 4，但上一年度报告（wuzhong-2022\.txt）表三四（结转下年度继续办理）·自然人为 3/);
    const d = toDiagnostics(a, 'zh', 'file:///reports/wuzhong-2023.txt').find((x) => x.code === 'year-carryover')!;
    const related = d.relatedInformation![0]!;
    assert.equal(related.location.uri, LAST_URI);
    const lastLines = lastYear.split('\n');
    const r = related.location.range;
    assert.match(lastLines[r.start.line]!, /^四、结转下年度继续办理/);
    assert.equal(lastLines[r.start.line]!.slice(r.start.character, r.end.character), '3');
    assert.equal(found[0]!.fixes![0]!.edits[0]!.newText, '3');
  });

  it('documents in force that do not follow from last year: a warning on 现行有效件数', () => {
    const changed = thisYear.replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t54\t75\t311');
    const found = analyze(changed, { previous: prev() }).problems.filter((p) => p.rule === 'year-documents');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message.zh, /行政规范性文件现行有效件数为 311，但上一年度报告（wuzhong-2022\.txt）的 331 \+ 本年制发 54 − 本年废止 75 = 310/);
    assert.equal(found[0]!.related![0]!.elsewhere!.uri, LAST_URI);
  });

  it('what the rules compare of last year alone (a batch keeps only that, packed) finds what its whole analysis finds', () => {
    const file = '/reports/wuzhong-2022.txt';
    const whole = previousYear(analyze(lastYear), file, 'wuzhong-2022.txt');
    const packed = packPrior(priorYearOf(whole));
    assert.ok(packed.length < 300, `a few cells' numbers: ${packed.length} characters`);
    const carried = (n: number) => thisYear.replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', `二、上年结转政府信息公开申请数量\t\t${n}\t0\t0\t0\t0\t0\t${n}`);
    for (const changed of [carried(4), thisYear.replace('规章\t2\t0\t3', '规章\t2\t0\t4'), carried(5).replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t54\t75\t311')]) {
      const found = (previous: AnalyzeOptions['previous']) => analyze(changed, { previous }).problems.filter((p) => p.rule.startsWith('year-'));
      const expected = found(whole);
      assert.ok(expected.length > 0);
      assert.deepEqual(found(priorYearOf(whole)), expected);
      assert.deepEqual(found(unpackPrior(packed, file)), expected);
    }
  });

  it('no previous report, or one of another year: nothing', () => {
    assert.deepEqual(analyze(thisYear).problems.filter((p) => p.rule.startsWith('year-')), []);
    const twoYearsBack = previousYear(analyze(lastYear.replace(/2022 年/g, '2021 年')), LAST_URI, 'x');
    const changed = thisYear.replace('二、上年结转政府信息公开申请数量\t\t3', '二、上年结转政府信息公开申请数量\t\t9');
    assert.deepEqual(analyze(changed, { previous: twoYearsBack }).problems.filter((p) => p.rule.startsWith('year-')), []);
  });

  it('finds last year’s report by agency and year (exactly one)', () => {
    const candidates = [
      { uri: 'a', agency: '吴忠市', year: 2022 },
      { uri: 'b', agency: '吴忠市', year: 2021 },
      { uri: 'c', agency: '银川市', year: 2022 },
    ];
    assert.equal(findPrevious('吴忠市', 2023, candidates)?.uri, 'a');
    assert.equal(findPrevious('吴 忠 市', 2023, candidates)?.uri, 'a', 'white space set aside');
    assert.equal(findPrevious('吴忠市', 2024, candidates), undefined);
    assert.equal(findPrevious('吴忠市', 2023, [...candidates, { uri: 'd', agency: '吴忠市', year: 2022 }]), undefined, 'two candidates: none chosen');
  });

  it('finds each report’s of the year before among many at once, as findPrevious does for each', () => {
    const agencies = ['吴忠市', '吴 忠 市', '银川市', '同心县', undefined];
    const candidates = Array.from({ length: 60 }, (_, i) => {
      const c: { uri: string; agency?: string; year?: number } = { uri: String(i) };
      const agency = agencies[i % 5];
      if (agency !== undefined) c.agency = agency;
      if (i % 7 !== 0) c.year = 2010 + Math.floor(i / 5);
      return c;
    });
    candidates.push({ uri: 'twin', agency: '银川市', year: 2015 });
    const each = placesOf(candidates);
    const one = candidates.map((c) => findPrevious(c.agency, c.year, candidates.filter((o) => o !== c)));
    assert.deepEqual(each, one);
    assert.ok(each.some((c) => c !== undefined), 'some found');
    assert.ok(each.some((c, i) => c === undefined && candidates[i]!.year !== undefined), 'some not (two candidates, or none)');
  });

  it('tells apart two agencies whose keys share a hash', () => {
    // two agencies whose 2022 keys hash alike (found by trying names until two meet)
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const agency = `某${i}县`;
      const h = fnv1a(`2022\u0000${agency}`);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, agency];
      else seen.set(h, agency);
    }
    const [a, b] = pair;
    const candidates = [
      { uri: 'a22', agency: a, year: 2022 },
      { uri: 'b22', agency: b, year: 2022 },
      { uri: 'a23', agency: a, year: 2023 },
      { uri: 'b23', agency: b, year: 2023 },
      { uri: 'a22bis', agency: a, year: 2022 },
    ];
    assert.deepEqual(placesOf(candidates.slice(0, 4)).map((c) => c?.uri), [undefined, undefined, 'a22', 'b22']);
    assert.deepEqual(placesOf(candidates).map((c) => c?.uri), [undefined, undefined, undefined, 'b22', undefined], 'a22 twice: a23 has none');
  });
});
