/**
 * Syntax tree + the national format → the report: which heading is which of
 * the six sections, what each section contains, the report's agency and year.
 */
import { FORMAT_2019_LABELS, SECTIONS, SectionSpec } from '../format/national';
import type { BlockNode, HeadingNode, SubheadingNode, SyntaxTree, TableNode, TitleNode } from '../parse/syntax';
import { Range, Span, compact, isSpaceCode, toHalfWidth } from '../parse/text';
import { keptForBlock, reuseTable } from './reuse';
import type { ModelCell } from './cells';
import { Tables, buildTable2, buildTable3, buildTable4 } from './tables';

export interface Section extends Span {
  spec: SectionSpec;
  heading: HeadingNode;
  /** blocks after the heading, up to the next section */
  blocks: BlockNode[];
  subheadings: SubheadingNode[];
  tables: TableNode[];
}

export interface Report {
  tree: SyntaxTree;
  title?: TitleNode;
  agency?: string;
  year?: number;
  /** recognised sections, in document order */
  sections: Section[];
  /** section by id (1 … 6); the first occurrence when a section appears twice */
  byId: Map<number, Section>;
  /** the statistical tables 二, 三, 四, cells mapped to the format */
  tables: Tables;
  /** which national format the report follows: 2021 (国办公开办函〔2021〕30号) or the 2019 trial format */
  format: '2021' | '2019';
  /** labels of the 2019 trial format found in the report, with where they are */
  oldFormatLabels: { label: string; span: Span }[];
  /** the same agency's report of the year before, when the caller found one and kept it whole (the comparison) */
  previous?: PreviousYear;
  /** what the cross-year rules compare of the same agency's report of the year before, when the caller found one */
  prior?: PriorYear;
}

/** Last year's report of the same agency, as the cross-year rules see it. */
export interface PreviousYear {
  /** where it is (a URI in the editor, a path in the CLI) */
  uri: string;
  /** how messages name it: its file name */
  name: string;
  report: Report;
  /** positions in last year's text, for related information pointing there */
  rangeOf(span: Span): Range;
}

/** One of last year's cells that this year's are compared with: its number, whether it was read cleanly, and where it stands there. */
export interface PriorCell {
  value: number | null;
  /** the cell has an issue (empty, residue, a fraction …): it is not compared */
  issue: boolean;
  range: Range;
}

/**
 * What the cross-year rules read of last year's report: its year and the few cells they compare this
 * year's with. Plain data — a batch check keeps it, not last year's analysis, for the reports still
 * to come, and it crosses between threads.
 */
export interface PriorYear {
  uri: string;
  name: string;
  year?: number;
  /** table 三's row of what is carried over to the next year, by column (null: no such cell) */
  carriedOver: (PriorCell | null)[];
  /** table 二's documents in force at the end of the year, by row label (PRIOR_IN_FORCE_ROWS) */
  inForce: Record<string, PriorCell | null>;
}

/** Table 三's row carried over to the next year (四、结转下年度继续办理): next year's 二、上年结转. */
export const PRIOR_CARRIED_OVER_ROW = '四';
/** Table 二's rows whose documents in force are carried from one year to the next, and their in-force column. */
export const PRIOR_IN_FORCE_ROWS = ['规章', '行政规范性文件'] as const;
export const PRIOR_IN_FORCE_COLUMN = 2;

/** What the cross-year rules compare of a report, as next year's report sees it. */
export function priorYearOf(previous: PreviousYear): PriorYear {
  const { report, rangeOf } = previous;
  const cell = (c: ModelCell | null | undefined): PriorCell | null => (c ? { value: c.value, issue: !!c.issue, range: rangeOf(c) } : null);
  const carried = report.tables.table3?.rows.get(PRIOR_CARRIED_OVER_ROW);
  const inForce: Record<string, PriorCell | null> = {};
  for (const label of PRIOR_IN_FORCE_ROWS) inForce[label] = cell(report.tables.table2?.rows.get(label)?.cells[PRIOR_IN_FORCE_COLUMN]);
  const out: PriorYear = { uri: previous.uri, name: previous.name, carriedOver: carried ? carried.cells.map(cell) : [], inForce };
  if (report.year !== undefined) out.year = report.year;
  return out;
}

/** A covering letter's title: the agency, then the year of the report it sends. */
const LETTER_RE = /([^\s。，,：:；;]{2,40}?)关于(?:报送|印发|公布|发布)?(\d{4})年度?政府信息公开工作年度报告/;

/** How agencies are compared across years: white space and full-width forms set aside. */
export function agencyKey(agency: string): string {
  return compact(toHalfWidth(agency));
}

/** Which sections a heading's wording points to. */
export function matchSections(heading: HeadingNode): SectionSpec[] {
  const text = compact(toHalfWidth(heading.text));
  return SECTIONS.filter((s) => s.keywords.test(text));
}

function pickSection(heading: HeadingNode, seen: Set<number>, last: number): SectionSpec | undefined {
  const candidates = matchSections(heading);
  if (candidates.length === 0) return undefined;
  // The numeral agrees with the wording: a section heading, even out of order.
  const same = candidates.find((s) => s.id === heading.number);
  if (same) return same;
  // Otherwise the wording decides, for a section not seen yet that comes later.
  return candidates.find((s) => !seen.has(s.id) && s.id > last);
}

/**
 * The report of a syntax tree. `prior`: the report of the check before on the same document, given
 * up — its table models may be moved to where the same tables stand in this text (changed in place),
 * and it must not be read afterwards.
 */
export function buildReport(tree: SyntaxTree, prior?: Report): Report {
  const report: Report = { tree, sections: [], byId: new Map(), tables: {}, format: '2021', oldFormatLabels: [] };
  if (tree.title) {
    report.title = tree.title;
    if (tree.title.agency) report.agency = tree.title.agency;
    if (tree.title.year !== undefined) report.year = tree.title.year;
  } else {
    // no title of its own: a covering letter may still name the agency and the year
    // (XX局关于报送2020年度政府信息公开工作年度报告的函)
    // (only around the words of a report's title: the regular expression is not run over the whole head)
    const raw = tree.text.indexOf('年度报告');
    const head = raw >= 0 && raw < 3000 ? toHalfWidth(tree.text.slice(Math.max(0, raw - 120), raw + 4)).replace(/[\s]+/g, '') : '';
    const at = head.indexOf('政府信息公开工作年度报告');
    const m = at >= 0 ? LETTER_RE.exec(head.slice(Math.max(0, at - 60), at + 12)) : null;
    if (m) {
      if (m[1]) report.agency = m[1];
      report.year = Number(m[2]);
    }
  }

  const seen = new Set<number>();
  let last = 0;
  let current: Section | undefined;
  for (const block of tree.blocks) {
    if (block.kind === 'heading') {
      const spec = pickSection(block, seen, last);
      if (spec) {
        if (current) current.end = Math.max(current.heading.end, lastEnd(current));
        current = { spec, heading: block, start: block.start, end: block.end, blocks: [], subheadings: [], tables: [] };
        report.sections.push(current);
        if (!report.byId.has(spec.id)) report.byId.set(spec.id, current);
        seen.add(spec.id);
        last = Math.max(last, spec.id);
        continue;
      }
    }
    if (!current) continue;
    current.blocks.push(block);
    current.end = block.end;
    if (block.kind === 'subheading') current.subheadings.push(block);
    else if (block.kind === 'table') current.tables.push(block);
  }
  attachTables(report, prior?.tables);
  if (report.oldFormatLabels.length > 0 || report.tables.table3?.format === '2019') report.format = '2019';
  return report;
}

/** Words that tell the statistical tables apart. */
export const TABLE_KEYWORDS: Record<2 | 3 | 4, string[]> = {
  2: ['第二十条', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '收费'],
  3: ['自然人', '商业企业', '科研机构', '予以公开', '不予公开', '结转', '申请数量', '无法提供', '不予处理', '其他处理'],
  4: ['行政复议', '行政诉讼', '维持', '纠正', '审结', '起诉'],
};

const KINDS = [2, 3, 4] as const;

/**
 * Per character: the tables that have words starting with it, each with those words in the table's
 * order (the only ones that can stand at a place where that character does).
 */
const BY_FIRST_CHAR = new Map<number, { bit: number; words: string[] }[]>();
KINDS.forEach((kind, bit) =>
  TABLE_KEYWORDS[kind].forEach((w) => {
    const c = w.charCodeAt(0);
    let entries = BY_FIRST_CHAR.get(c);
    if (!entries) BY_FIRST_CHAR.set(c, (entries = []));
    let entry = entries.find((e) => e.bit === bit);
    if (!entry) entries.push((entry = { bit, words: [] }));
    entry.words.push(w);
  }),
);
/** Per character: whether a word starts with it (a quick test before the map). */
const FIRST_CHARS = new Uint8Array(0x10000);
for (const c of BY_FIRST_CHAR.keys()) FIRST_CHARS[c] = 1;

/** The length of `word` at `at` in text, white space allowed between its characters, not beyond `end`; 0 when it is not there. */
function wordAt(text: string, at: number, end: number, word: string): number {
  let p = at;
  for (let k = 0; k < word.length; k++) {
    if (k > 0) while (p < end && isSpaceCode(text.charCodeAt(p))) p++;
    if (p >= end || text.charCodeAt(p) !== word.charCodeAt(k)) return 0;
    p++;
  }
  return p - at;
}

/**
 * How many of each table's words stand in text[start, end), white space allowed between their
 * characters (tables pasted from PDFs): counted as a search for each table's words in turn would
 * (leftmost, not overlapping), in one pass over the text in place.
 */
export function countKeywords(text: string, span: Span): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  const next = [span.start, span.start, span.start];
  for (let p = span.start; p < span.end; p++) {
    const c = text.charCodeAt(p);
    if (FIRST_CHARS[c] === 0) continue;
    for (const { bit, words } of BY_FIRST_CHAR.get(c)!) {
      if (p < next[bit]!) continue;
      for (const word of words) {
        const length = wordAt(text, p, span.end, word);
        if (length > 0) {
          counts[bit]!++;
          next[bit] = p + length;
          break;
        }
      }
    }
  }
  return counts;
}

/** Which statistical table a table part is: by its words (counted per table), and by the section it stands in. */
function tableKind(counts: [number, number, number], sectionId: number | undefined): 2 | 3 | 4 | undefined {
  let best: 2 | 3 | 4 | undefined;
  let bestScore = 0;
  KINDS.forEach((kind, b) => {
    const score = counts[b]! + (sectionId === kind ? 2 : 0);
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  });
  return best;
}

/** Rows that open a statistical table: where one table runs into the next (a heading between them lost). */
const TABLE_STARTS: [2 | 3 | 4, RegExp][] = [
  [2, /第二十条/],
  [3, /勾稽关系|申请人情况/],
  [4, /行政复议|行政诉讼/],
];
/** Any of TABLE_STARTS' words: one search rules out most rows, which open no table. */
const ANY_TABLE_START = new RegExp(TABLE_STARTS.map(([, re]) => re.source).join('|'));

/**
 * The first characters of TABLE_STARTS' words: a row whose text has none of them opens no table (its
 * cells are pieces of its text), found for a whole block in one search instead of joining every row's cells.
 */
const TABLE_START_FIRSTS = new RegExp(`[${[...new Set(TABLE_STARTS.flatMap(([, re]) => re.source.split('|').map((w) => w[0]!)))].join('')}]`, 'g');

/** Where a table block splits (row ranges): at rows that open another statistical table. */
function splitAtTableStarts(block: TableNode, text: string): { from: number; to: number }[] {
  const parts: { from: number; to: number }[] = [];
  let current: { from: number; to: number } | undefined;
  let currentKind: number | undefined;
  // where the next of TABLE_START_FIRSTS stands, at or after the row being read
  let next = -1;
  block.rows.forEach((row, k) => {
    if (next < row.start) {
      TABLE_START_FIRSTS.lastIndex = row.start;
      next = TABLE_START_FIRSTS.test(text) ? TABLE_START_FIRSTS.lastIndex - 1 : Infinity;
    }
    const rowText = next < row.end ? row.cells.map((c) => c.text).join('') : '';
    const opens = rowText !== '' && ANY_TABLE_START.test(rowText) ? TABLE_STARTS.find(([, re]) => re.test(rowText))?.[0] : undefined;
    if (!current || (opens !== undefined && currentKind !== undefined && opens !== currentKind)) {
      current = { from: k, to: k };
      parts.push(current);
      currentKind = opens;
    } else if (currentKind === undefined && opens !== undefined) {
      currentKind = opens;
    }
    current.to = k + 1;
  });
  return parts;
}

/** What a table block's text alone says: its parts (row ranges) with the table words in each, and where it has labels of the 2019 format (from its start). */
interface BlockFacts {
  parts: { from: number; to: number; counts: [number, number, number] }[];
  oldLabels: { label: string; at: number }[];
}

function blockFacts(block: TableNode, text: string): BlockFacts {
  const parts = splitAtTableStarts(block, text).map(({ from, to }) => ({
    from,
    to,
    counts: countKeywords(text, { start: block.rows[from]!.start, end: block.rows[to - 1]!.end }),
  }));
  const oldLabels: BlockFacts['oldLabels'] = [];
  const raw = text.slice(block.start, block.end);
  for (const label of FORMAT_2019_LABELS) {
    for (let at = raw.indexOf(label); at >= 0; at = raw.indexOf(label, at + label.length)) oldLabels.push({ label, at });
  }
  return { parts, oldLabels };
}

function attachTables(report: Report, prior: Tables = {}): void {
  const text = report.tree.text;
  // the labels of the 2019 format in the tables tell the format
  const oldLabels = report.oldFormatLabels;
  // the section a part stands in: parts come in document order, and so do the sections (no overlap)
  let s = 0;
  const sectionOf = (offset: number) => {
    while (s < report.sections.length && report.sections[s]!.end < offset) s++;
    const section = report.sections[s];
    return section && section.start <= offset ? section.spec.id : undefined;
  };
  const groups: Record<2 | 3 | 4, TableNode[]> = { 2: [], 3: [], 4: [] };
  for (const block of report.tree.blocks) {
    if (block.kind !== 'table') continue;
    const facts = keptForBlock(block, text, () => blockFacts(block, text));
    for (const { label, at } of facts.oldLabels) oldLabels.push({ label, span: { start: block.start + at, end: block.start + at + label.length } });
    for (const { from, to, counts } of facts.parts) {
      const rows = block.rows.slice(from, to);
      const part: TableNode = { kind: 'table', layout: block.layout, start: rows[0]!.start, end: rows[rows.length - 1]!.end, rows };
      const kind = tableKind(counts, sectionOf(part.start));
      if (kind) groups[kind].push(part);
    }
  }
  // the 2019 trial format's labels in the tables: table 二 has that format's rows and columns, and table 三 likely its one （六） row
  const format = oldLabels.length > 0 ? '2019' : '2021';
  const t2 = reuseTable(2, groups[2], text, () => buildTable2(groups[2], format, text), prior.table2, format);
  const t3 = reuseTable(3, groups[3], text, () => buildTable3(groups[3], text, format), prior.table3, format);
  const t4 = reuseTable(4, groups[4], text, () => buildTable4(groups[4], text), prior.table4);
  if (t2) report.tables.table2 = t2;
  if (t3) report.tables.table3 = t3;
  if (t4) report.tables.table4 = t4;
}

function lastEnd(section: Section): number {
  const b = section.blocks[section.blocks.length - 1];
  return b ? b.end : section.heading.end;
}
