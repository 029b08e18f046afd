/**
 * Numbers the prose states about requests, reconsideration, litigation and
 * regulations, compared with the tables. Conservative: only phrasings that
 * name what they count, only readings the real reports use, and nothing from
 * a sentence about another period (以来, 累计, 截至, 同期).
 */
import type { ModelCell } from '../model/cells';
import type { Report } from '../model/report';
import type { Span } from '../parse/text';
import { TextMemo, toHalfWidth } from '../parse/text';
import type { Problem, RelatedPlace } from './types';
import { defineRule } from './helpers';

interface Reading {
  /** the value the table gives for this reading */
  value: number;
  /** how the reading is named: "表三一（本年新收）总计" */
  name: string;
  cells: ModelCell[];
  /** some of its cells are empty or unreadable */
  blank: boolean;
  /**
   * table 三 totals: the same rows' six applicant columns added up. Where a row's 总计 is wrong (T3-row
   * says so), prose that agrees with the applicants agrees with the table.
   */
  applicants?: number;
}

interface Claim {
  /** what the prose counts, in its own words */
  what: string;
  whatEn: string;
  /** words every match of `re` holds: a sentence without them is not searched */
  needs: string;
  re: RegExp;
  readings: (report: Report) => Reading[] | undefined;
}

/** What may stand between the words and the number: no digit, no clause break, and not 书 (决定书 counts documents). */
const NOT_NUMBER = '[^。；;，,、\\d书]';

function re(before: string, gap = 4): RegExp {
  return new RegExp(`${before}${NOT_NUMBER}{0,${gap}}?(\\d+)\\s*件`, 'g');
}

/** A reading from cells: undefined when one of them has no place in the table. */
function read(name: string, cells: (ModelCell | null | undefined)[]): Reading | undefined {
  if (cells.some((c) => !c)) return undefined;
  const cs = cells as ModelCell[];
  return { name, cells: cs, value: cs.reduce((s, c) => s + (c.value ?? 0), 0), blank: cs.some((c) => c.value === null) };
}

function t3Total(report: Report, keys: string[]): (ModelCell | null | undefined)[] {
  const t3 = report.tables.table3;
  if (!t3) return [undefined];
  return keys.map((k) => t3.rows.get(k)?.cells[6]);
}

/** A reading of table 三 totals, with the rows' applicant columns added up beside it. */
function read3(report: Report, name: string, keys: string[]): Reading | undefined {
  const reading = read(name, t3Total(report, keys));
  if (!reading) return undefined;
  const t3 = report.tables.table3!;
  let sum = 0;
  for (const k of keys) {
    const cells = t3.rows.get(k)?.cells;
    if (!cells || cells.length < 6) return reading;
    for (let j = 0; j < 6; j++) {
      const value = cells[j]?.value;
      if (value === null || value === undefined) return reading;
      sum += value;
    }
  }
  reading.applicants = sum;
  return reading;
}

/** The keys of a group's rows in the report's table 三, from its format: '三.三' → 三.三.1 … 三.三.8; the 2019 format's '三.六' is one row. */
function t3Keys(report: Report, group: string): string[] {
  const specs = report.tables.table3?.specs;
  if (!specs) return [];
  let groups = GROUP_KEYS.get(specs);
  if (!groups) GROUP_KEYS.set(specs, (groups = new Map()));
  let keys = groups.get(group);
  if (!keys) groups.set(group, (keys = specs.filter((r) => r.key === group || r.key.startsWith(`${group}.`)).map((r) => r.key)));
  return keys;
}

/** The keys of each group's rows, per list of row specs (a format's: the same array every check). */
const GROUP_KEYS = new WeakMap<readonly { key: string }[], Map<string, string[]>>();

function readings(...rs: (Reading | undefined)[]): Reading[] | undefined {
  if (rs.some((r) => !r)) return undefined;
  return rs as Reading[];
}

function t4(report: Report, ks: number[]): (ModelCell | null | undefined)[] {
  const t = report.tables.table4;
  if (!t || !t.row) return [undefined];
  return ks.map((k) => t.cells[k]);
}

function t2(report: Report, label: string, column: number): (ModelCell | null | undefined)[] {
  const row = report.tables.table2?.rows.get(label);
  return [row ? row.cells[column] : undefined];
}

const CLAIMS: Claim[] = [
  {
    what: '收到申请',
    needs: '申请',
    whatEn: 'requests received',
    re: new RegExp(`(?<!不予)(?:收到|受理|新收)${NOT_NUMBER}{0,16}?申请(?:公开)?(?:事项)?(?:\\s|共计|共|计|为|达)*(\\d+)\\s*件`, 'g'),
    readings: (r) => readings(read3(r, '表三一（本年新收）·总计', ['一']), read3(r, '表三一 + 二（新收与上年结转）·总计', ['一', '二'])),
  },
  { what: '上年结转', needs: '结转', whatEn: 'carried over from last year', re: re('上年度?结转', 6), readings: (r) => readings(read3(r, '表三二（上年结转）·总计', ['二'])) },
  { what: '结转下年度', needs: '下', whatEn: 'carried over to next year', re: re('(?:结转|转入?)下一?年度?', 8), readings: (r) => readings(read3(r, '表三四（结转下年度）·总计', ['四'])) },
  {
    what: '予以公开及部分公开',
    needs: '部分公开',
    whatEn: 'disclosed in full or in part',
    re: re('予以公开[及和、]部分公开'),
    readings: (r) => readings(read3(r, '表三（一）+（二）·总计', ['三.一', '三.二'])),
  },
  {
    what: '予以公开',
    needs: '予以公开',
    whatEn: 'disclosed',
    re: re('(?<![不及和、])予以公开(?![及和、])'),
    readings: (r) => readings(read3(r, '表三（一）予以公开·总计', ['三.一']), read3(r, '表三（一）+（二）·总计', ['三.一', '三.二'])),
  },
  { what: '部分公开', needs: '部分公开', whatEn: 'disclosed in part', re: re('(?<![及和、])部分公开'), readings: (r) => readings(read3(r, '表三（二）部分公开·总计', ['三.二'])) },
  { what: '不予公开', needs: '不予公开', whatEn: 'refused', re: re('不予公开'), readings: (r) => readings(read3(r, '表三（三）不予公开各项·总计', t3Keys(r, '三.三'))) },
  { what: '无法提供', needs: '无法提供', whatEn: 'could not be provided', re: re('无法提供'), readings: (r) => readings(read3(r, '表三（四）无法提供各项·总计', t3Keys(r, '三.四'))) },
  { what: '不予处理', needs: '不予处理', whatEn: 'not processed', re: re('不予处理'), readings: (r) => readings(read3(r, '表三（五）不予处理各项·总计', t3Keys(r, '三.五'))) },
  { what: '其他处理', needs: '其他处理', whatEn: 'otherwise handled', re: re('其他处理'), readings: (r) => readings(read3(r, '表三（六）其他处理各项·总计', t3Keys(r, '三.六'))) },
  { what: '行政复议', needs: '行政复议', whatEn: 'reconsideration cases', re: re('行政复议'), readings: (r) => readings(read('表四行政复议·总计', t4(r, [4]))) },
  { what: '直接起诉', needs: '直接起诉', whatEn: 'suits filed directly', re: re('直接起诉'), readings: (r) => readings(read('表四未经复议直接起诉·总计', t4(r, [9]))) },
  { what: '复议后起诉', needs: '复议后起诉', whatEn: 'suits after reconsideration', re: re('复议后起诉'), readings: (r) => readings(read('表四复议后起诉·总计', t4(r, [14]))) },
  {
    what: '行政诉讼',
    needs: '诉讼',
    whatEn: 'litigation cases',
    re: re('(?<!直接|后|起)(?:行政)?诉讼'),
    readings: (r) => readings(read('表四直接起诉与复议后起诉·总计', t4(r, [9, 14]))),
  },
  {
    what: '本年制发行政规范性文件',
    needs: '规范性文件',
    whatEn: 'normative documents issued',
    re: re(`(?:制发|出台|印发|发布)${NOT_NUMBER}{0,12}?规范性文件`),
    readings: (r) => readings(read('表二行政规范性文件·本年制发件数', t2(r, '行政规范性文件', 0))),
  },
  {
    what: '现行有效行政规范性文件',
    needs: '现行有效',
    whatEn: 'normative documents in force',
    re: re(`现行有效${NOT_NUMBER}{0,8}?规范性文件`),
    readings: (r) => readings(read('表二行政规范性文件·现行有效件数', t2(r, '行政规范性文件', 2))),
  },
  {
    what: '本年制发规章',
    needs: '规章',
    whatEn: 'rules issued',
    re: re(`(?:制发|出台|印发|发布)${NOT_NUMBER}{0,12}?规章`),
    readings: (r) => readings(read('表二规章·本年制发件数', t2(r, '规章', 0))),
  },
];

/** Characters that end a sentence (。；;！？!?), marked by character code. */
const SENTENCE_END = new Uint8Array(0x10000);
for (const c of '。；;！？!?') SENTENCE_END[c.charCodeAt(0)] = 1;

/** Sentences of the prose (tables left out) that may state a count (they hold 件), each with its offset; read in place. */
function sentences(report: Report): Span[] {
  const text = report.tree.text;
  const out: Span[] = [];
  // where 件 stands, found once for the whole text (blocks come in order)
  const marks: number[] = [];
  for (let at = text.indexOf('件'); at >= 0; at = text.indexOf('件', at + 1)) marks.push(at);
  let m = 0;
  for (const block of report.tree.blocks) {
    while (m < marks.length && marks[m]! < block.start) m++;
    if (block.kind === 'table' || m === marks.length || marks[m]! >= block.end) continue;
    let start = block.start;
    for (let i = block.start; i < block.end; i++) {
      if (SENTENCE_END[text.charCodeAt(i)] === 0) continue;
      // the sentence [start, i] holds 件 when the next 件 from its start is inside it
      if (marks[m]! <= i) out.push({ start, end: i + 1 });
      start = i + 1;
      while (m < marks.length && marks[m]! < start) m++;
      if (m === marks.length || marks[m]! >= block.end) break;
    }
    if (m < marks.length && marks[m]! >= start && marks[m]! < block.end && start < block.end) out.push({ start, end: block.end });
  }
  return out;
}

const OTHER_PERIOD = /以来|累计|截至|截止|同期|历年|近[三五两几]年/;

/** A number a sentence states about something the tables count: which claim, where (in the sentence), the number. */
interface Stated {
  claim: number;
  at: number;
  length: number;
  n: number;
}

/**
 * What each sentence states, remembered per sentence text: a report's sentences rarely change from one keystroke to the next.
 * Invariant: what a sentence states follows from its text alone (the tables are compared afterwards).
 */
const statedCache = new TextMemo<Stated[]>(5_000, 'rules.memos');

/** Forgets the remembered sentences (for measuring a check from cold). */
export function clearStatedCache(): void {
  statedCache.clear();
}

/** What a sentence states, by its text alone (the tables are compared afterwards). */
function claimsIn(raw: string): Stated[] {
  const out: Stated[] = [];
  const sentence = toHalfWidth(raw);
  // every claim ends in a number of 件
  if (/\d\s*件/.test(sentence) && !OTHER_PERIOD.test(sentence)) {
    // a number is the first matching claim's
    const claimed = new Set<number>();
    CLAIMS.forEach((claim, c) => {
      if (!sentence.includes(claim.needs)) return;
      claim.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = claim.re.exec(sentence))) {
        const at = m.index + m[0].lastIndexOf(m[1]!);
        if (claimed.has(at)) continue;
        claimed.add(at);
        out.push({ claim: c, at, length: m[1]!.length, n: Number(m[1]) });
      }
    });
  }
  return out;
}

export const txtTable = defineRule(
  {
    id: 'TXT-table',
    severity: 'warning',
    description: {
      zh: '正文中陈述的申请、复议、诉讼、规范性文件等数字与统计表不一致。',
      en: 'A number stated in the prose (requests, reconsideration, litigation, regulations) differs from the tables.',
    },
  },
  (report, { problem }) => {
    const problems: Problem[] = [];
    const text = report.tree.text;
    // each claim's readings of the tables, worked out once per check (many sentences state the same)
    const read = new Map<number, Reading[] | undefined>();
    for (const s of sentences(report)) {
      for (const { claim: c, at, length, n } of statedCache.get(text.slice(s.start, s.end), claimsIn)) {
        const claim = CLAIMS[c]!;
        if (!read.has(c)) read.set(c, claim.readings(report));
        const rs = read.get(c);
        if (!rs) continue;
        if (rs.some((r) => (r.value === n && !(r.blank && n > 0)) || r.applicants === n)) continue;
        const main = rs[0]!;
        const tableSays = main.blank && main.value === 0 ? '为空' : `为 ${main.value}${main.blank ? '（含空格）' : ''}`;
        const others = rs.length > 1 ? `，${rs.slice(1).map((r) => `${r.name}为 ${r.value}`).join('，')}` : '';
        const span = { start: s.start + at, end: s.start + at + length };
        const p = problem(span, {
          zh: `正文称${claim.what} ${n} 件，但${main.name}${tableSays}${others}`,
          en: `The text says ${n} ${claim.whatEn}, but ${main.name} is ${main.blank && main.value === 0 ? 'empty' : main.value}`,
        });
        const related: RelatedPlace[] = [];
        for (const r of rs) for (const cell of r.cells) related.push({ span: { start: cell.start, end: cell.end }, message: { zh: r.name, en: r.name } });
        p.related = related;
        problems.push(p);
      }
    }
    return problems;
  },
);
