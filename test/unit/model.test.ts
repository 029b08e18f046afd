import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { alignRows, alignRowsBySearch } from '../../server/src/model/labels';
import { TABLE_KEYWORDS, buildReport, countKeywords } from '../../server/src/model/report';
import { compact } from '../../server/src/parse/text';
import { parse } from '../../server/src/parse/parser';
import { SeedName, lineOf, readSeed, rng } from '../helpers';

/** Written by hand from the reports: agency, year, and the line (1-based, as an editor shows) of each section heading. */
const EXPECTED: Record<SeedName, { agency: string; year: number; headings: number[]; preface: boolean }> = {
  'wuzhong-2023': { agency: '吴忠市', year: 2023, headings: [7, 25, 42, 73, 80, 92], preface: false },
  'shizuishan-office-2023': { agency: '石嘴山市人民政府办公室', year: 2023, headings: [9, 27, 44, 76, 83, 95], preface: false },
  'litong-2021': { agency: '吴忠市利通区', year: 2021, headings: [9, 27, 44, 79, 86, 102], preface: false },
  'wuwei-2023': { agency: '武威市', year: 2023, headings: [17, 49, 66, 98, 108, 114], preface: true },
  'tongxin-2022': { agency: '同心县', year: 2022, headings: [7, 25, 43, 76, 83, 87], preface: false },
};

describe('report model on the real reports', () => {
  for (const [name, want] of Object.entries(EXPECTED) as [SeedName, (typeof EXPECTED)[SeedName]][]) {
    it(`${name}: agency, year and the six sections in order`, () => {
      const a = analyze(readSeed(name));
      assert.equal(a.report.agency, want.agency);
      assert.equal(a.report.year, want.year);
      assert.equal(a.tree.preface !== undefined, want.preface);
      assert.deepEqual(
        a.report.sections.map((s) => s.spec.id),
        [1, 2, 3, 4, 5, 6],
      );
      assert.deepEqual(
        a.report.sections.map((s) => a.lineIndex.positionAt(s.heading.start).line + 1),
        want.headings,
      );
    });
  }

  it('puts the tables of sections 二, 三 and 四 in those sections', () => {
    const a = analyze(readSeed('wuzhong-2023'));
    assert.deepEqual(
      a.report.sections.map((s) => s.tables.length),
      [0, 1, 1, 1, 0, 0],
    );
    // table 二 holds its 14 lines, from 第二十条第(一)项 to 行政事业性收费
    assert.equal(a.report.byId.get(2)!.tables[0]!.rows.length, 14);
  });

  it('recognises the five sub-items of 一 whatever their wording', () => {
    const text = readSeed('tongxin-2022');
    const s1 = analyze(text).report.byId.get(1)!;
    assert.deepEqual(
      s1.subheadings.filter((s) => s.style === 'paren').map((s) => s.ordinal),
      [1, 2, 3, 4, 5],
    );
    assert.equal(s1.subheadings[2]!.label, '抓机制、严管理，信息发布规范有序');
    assert.equal(lineOf(text, '（三）抓机制'), 16);
  });
});

describe('section matching', () => {
  it('matches a non-standard title by its key words', () => {
    const r = buildReport(parse('X市2023年政府信息公开工作年度报告\n五、政府信息公开工作存在的主要问题及改进情况\n'));
    assert.equal(r.sections[0]?.spec.id, 5);
  });

  it('does not take table 三 row labels for section headings', () => {
    const text = 'X市2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n';
    const r = buildReport(parse(text));
    assert.deepEqual(
      r.sections.map((s) => s.spec.id),
      [3, 4],
    );
  });

  it('keeps a section whose numeral agrees with its wording even out of order, and ignores numbered lines inside 五', () => {
    const text = 'X2023年政府信息公开工作年度报告\n一、总体情况\n三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n五、存在的主要问题及改进情况\n二、改进措施\n';
    const r = buildReport(parse(text));
    assert.deepEqual(
      r.sections.map((s) => s.spec.id),
      [1, 3, 2, 5],
    );
  });
});

describe('which table a block is: its words counted in place', () => {
  /** The plain way: the block's text without white space, each table's words searched for. */
  function byCopy(text: string, start: number, end: number): number[] {
    const squeezed = compact(text.slice(start, end));
    return ([2, 3, 4] as const).map((kind) => (squeezed.match(new RegExp(TABLE_KEYWORDS[kind].join('|'), 'g')) ?? []).length);
  }

  it('counts as the block without white space would, on the seeds with white space, tables and cut-off words thrown in', () => {
    let random = 11;
    const next = (n: number) => ((random = (random * 1103515245 + 12345) % 2147483648), random % n);
    const noise = [' ', '\t', '\n', '\u3000', '\u00a0', '行政', '许', '第二十', '条', '不予', '处理', '|'];
    let compared = 0;
    for (const name of ['wuzhong-2023', 'litong-2021', 'tongxin-2022'] as SeedName[]) {
      let text = readSeed(name);
      for (let k = 0; k < 300; k++) {
        const at = next(text.length);
        text = text.slice(0, at) + noise[next(noise.length)] + text.slice(at);
        const start = next(text.length);
        const end = Math.min(text.length, start + next(6000));
        assert.deepEqual(countKeywords(text, { start, end }), byCopy(text, start, end), `at ${start}–${end}`);
        compared++;
      }
    }
    assert.equal(compared, 900);
  });

  it('finds words split by white space and not words cut at the end', () => {
    const text = '行 政\u3000复议\t行政诉讼  维持 纠\n正 审结起诉 收费 自然人 行政复';
    assert.deepEqual(countKeywords(text, { start: 0, end: text.length }), [1, 1, 6]);
    assert.deepEqual(countKeywords(text, { start: 0, end: 4 }), [0, 0, 0]);
    assert.deepEqual(countKeywords(text, { start: 0, end: 5 }), [0, 0, 0]);
    assert.deepEqual(countKeywords(text, { start: 0, end: 6 }), [0, 0, 1]);
  });
});

describe('alignRows', () => {
  /**
   * A score matrix: the format's rows in order (each row's own score clearly the highest), a row scoring
   * another format row as high as its own (or a hair less), random scores, or own scores about as low as
   * a match is worth.
   */
  function matrix(random: () => number, n: number, m: number, kind: 'ordered' | 'near' | 'random' | 'low'): number[][] {
    return Array.from({ length: n }, (_v, i) => {
      const row = Array.from({ length: m }, () => (kind === 'random' ? random() * 2 - 0.6 : random() * 0.7));
      if (kind === 'ordered') row[i] = 0.8 + random() * 0.5;
      if (kind === 'near') row[i] = random() < 0.5 ? Math.max(...row) : Math.max(...row) + 1e-12;
      if (kind === 'low') row[i] = -0.3 + (random() < 0.5 ? -1e-3 : 1e-12);
      return row;
    });
  }

  it('answers what the search of every alignment answers: rows in the format order, near ties, random scores', () => {
    const random = rng(29);
    let diagonal = 0;
    for (let t = 0; t < 3000; t++) {
      const kind = (['ordered', 'near', 'random', 'low'] as const)[t % 4]!;
      const n = 1 + Math.floor(random() * 30);
      const m = kind === 'random' && random() < 0.5 ? 1 + Math.floor(random() * 30) : n;
      const s = matrix(random, n, m, kind);
      const score = (i: number, j: number) => s[i]![j]!;
      const got = alignRows(n, m, score);
      assert.deepEqual(got, alignRowsBySearch(n, m, score), `${kind} ${n}×${m}`);
      if (got.every((j, i) => j === i)) diagonal++;
    }
    // the quick answer was taken, and so was the search
    assert.ok(diagonal > 750 && diagonal < 3000, `${diagonal}`);
  });

  it('matches a table of the format’s rows each to its own, and leaves out a row that fits none', () => {
    const s = [
      [1, 0.2, 0.1],
      [0.2, 1, 0.3],
      [0.1, 0.3, 1],
    ];
    assert.deepEqual(alignRows(3, 3, (i, j) => s[i]![j]!), [0, 1, 2]);
    const t = [
      [1, 0.2, 0.1],
      [-1, -1, -1],
      [0.1, 0.3, 1],
    ];
    assert.deepEqual(alignRows(3, 3, (i, j) => t[i]![j]!), [0, -1, 2]);
  });
});
