/**
 * A Word document (.docx, also as WPS writes it) → report text. The zip is opened with fflate (only
 * the parts needed are inflated, each bounded before it is); the XML is read by htmlparser2 in XML
 * mode, as a stream of tags. In document order: paragraphs (their list numbering written out as
 * Word shows it: 一、 （一） 1.), and tables laid out on their grid (gridSpan, vMerge) as
 * tab-separated rows. Deleted revisions and field codes are left out.
 */
import { Unzipped, unzipSync } from 'fflate';
import { Tokenizer } from 'htmlparser2';
import { TextBuilder, cellText, gridLines } from './layout';
import type { ReadResult } from './types';
import { READ_LIMITS, refuse } from './types';

/** A tag's name without its namespace prefix (w:p → p). */
function local(name: string): string {
  const k = name.indexOf(':');
  return k >= 0 ? name.slice(k + 1) : name;
}

/** An attribute by its local name (w:val → val). */
function attr(attrs: Record<string, string>, name: string): string | undefined {
  for (const key in attrs) if (local(key) === name) return attrs[key];
  return undefined;
}

type XmlHandlers = { open?: (name: string, attrs: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void };

/**
 * Reads XML as a stream of tags (local names), their attributes and text, entities decoded — through
 * htmlparser2's tokenizer, not its `Parser`: a Word document's XML is mostly tags with attributes, and
 * the Parser's own work on each (measured on a 196 KB document.xml: 8 ms with no handler, its tokenizer
 * alone 4 ms) was half of reading a Word file. As the Parser does in XML mode: a self-closing tag is
 * opened and closed, an attribute named twice keeps its first value, a closing tag closes the
 * elements still open inside its own and is ignored when its element is not open.
 */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const open: string[] = [];
  let name = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const closeTo = (k: number) => {
    while (open.length > k) handlers.close?.(local(open.pop()!));
  };
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onopentagname(start, end) {
        name = xml.slice(start, end);
        attrs = {};
      },
      onattribname(start, end) {
        attrName = xml.slice(start, end);
        attrValue = '';
      },
      onattribdata(start, end) {
        attrValue += xml.slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.prototype.hasOwnProperty.call(attrs, attrName)) attrs[attrName] = attrValue;
      },
      onopentagend() {
        open.push(name);
        handlers.open?.(local(name), attrs);
      },
      onselfclosingtag() {
        handlers.open?.(local(name), attrs);
        handlers.close?.(local(name));
      },
      onclosetag(start, end) {
        const k = open.lastIndexOf(xml.slice(start, end));
        if (k >= 0) closeTo(k);
      },
      ontext(start, end) {
        handlers.text?.(xml.slice(start, end));
      },
      ontextentity(codepoint) {
        handlers.text?.(String.fromCodePoint(codepoint));
      },
      oncdata(start, end, offset) {
        handlers.text?.(xml.slice(start, end - offset));
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        closeTo(0);
      },
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
}

// ---- list numbering -------------------------------------------------------------------------

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface Numbering {
  /** abstract numbering id → its levels */
  abstract: Map<string, Level[]>;
  /** numbering instance id → its abstract id and the levels it restarts */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

function readNumbering(xml: string | undefined): Numbering {
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (!xml) return { abstract, nums };
  let levels: Level[] | undefined;
  let level: Level | undefined;
  let num: { abstractId: string; starts: Map<number, number> } | undefined;
  let overrideLevel = -1;
  parseXml(xml, {
    open(name, a) {
      if (name === 'abstractNum') {
        levels = [];
        abstract.set(attr(a, 'abstractNumId') ?? '', levels);
      } else if (name === 'lvl' && levels) {
        level = { start: 1, format: 'decimal', text: '', suffix: 'tab' };
        levels[Number(attr(a, 'ilvl') ?? levels.length)] = level;
      } else if (level && name === 'start') level.start = Number(attr(a, 'val') ?? 1);
      else if (level && name === 'numFmt') level.format = attr(a, 'val') ?? 'decimal';
      else if (level && name === 'lvlText') level.text = attr(a, 'val') ?? '';
      else if (level && name === 'suff') level.suffix = attr(a, 'val') ?? 'tab';
      else if (name === 'num') {
        num = { abstractId: '', starts: new Map() };
        nums.set(attr(a, 'numId') ?? '', num);
      } else if (num && name === 'abstractNumId') num.abstractId = attr(a, 'val') ?? '';
      else if (num && name === 'lvlOverride') overrideLevel = Number(attr(a, 'ilvl') ?? 0);
      else if (num && name === 'startOverride' && overrideLevel >= 0) num.starts.set(overrideLevel, Number(attr(a, 'val') ?? 1));
    },
    close(name) {
      if (name === 'lvl') level = undefined;
      else if (name === 'abstractNum') levels = undefined;
      else if (name === 'num') num = undefined;
      else if (name === 'lvlOverride') overrideLevel = -1;
    },
  });
  return { abstract, nums };
}

/** Paragraph styles that number their paragraphs (a heading style with a list), following basedOn. */
function readStyles(xml: string | undefined): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (!xml) return styles;
  let style: { numId?: string; ilvl?: number; basedOn?: string } | undefined;
  parseXml(xml, {
    open(name, a) {
      if (name === 'style') {
        style = {};
        styles.set(attr(a, 'styleId') ?? '', style);
      } else if (style && name === 'basedOn') style.basedOn = attr(a, 'val');
      else if (style && name === 'numId') style.numId = attr(a, 'val');
      else if (style && name === 'ilvl') style.ilvl = Number(attr(a, 'val') ?? 0);
    },
    close(name) {
      if (name === 'style') style = undefined;
    },
  });
  return styles;
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseCount(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)]! + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : rest < 20 ? '一' + chineseCount(rest) : chineseCount(rest));
  }
  return String(n);
}

function letters(n: number, base: string): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = base[(k - 1) % 26]! + s;
  return s;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) for (; n >= v; n -= v) s += r;
  return s;
}

/** A counter in a level's number format, as Word writes it. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'koreanCounting':
      return chineseCount(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'chineseLegalSimplified':
      return chineseCount(n).replace(/[一二三四五六七八九十百]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰'['一二三四五六七八九十百'.indexOf(c)]!);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** Counts list paragraphs as Word does, and writes each one's number. */
class Counter {
  private readonly counts = new Map<string, number[]>();
  private readonly restarted = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    if (!num) return '';
    const levels = this.numbering.abstract.get(num.abstractId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    let counts = this.counts.get(num.abstractId);
    if (!counts) this.counts.set(num.abstractId, (counts = []));
    // an instance that restarts its levels does so at its first paragraph
    if (!this.restarted.has(numId)) {
      this.restarted.add(numId);
      for (const [k, start] of num.starts) counts[k] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (level.start ?? 1) - 1) + 1;
    for (let k = ilvl + 1; k < counts.length; k++) counts[k] = undefined as unknown as number;
    counts.length = ilvl + 1;
    if (level.format === 'bullet' || level.format === 'none') return '';
    const text = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const lv = levels[k];
      return lv ? formatNumber(counts![k] ?? lv.start, lv.format) : '';
    });
    if (text === '') return '';
    // after the number: Word's tab or space; none after Chinese punctuation (一、总体情况)
    return level.suffix === 'nothing' || /[、.．）)]$/.test(text) ? text : text + ' ';
  }
}

// ---- the document ---------------------------------------------------------------------------

interface Cell {
  paragraphs: string[];
  gridSpan: number;
  /** vertical merge: restart (the merged cell's first), continue (covered), or none */
  vMerge: 'restart' | 'continue' | undefined;
}

interface Row {
  gridBefore: number;
  cells: Cell[];
}

interface Table {
  rows: Row[];
}

type Item = { kind: 'p'; text: string } | { kind: 'table'; table: Table };

/** Reads the body's paragraphs and tables in order. */
function readDocument(xml: string, numbering: Numbering, styles: ReturnType<typeof readStyles>): Item[] {
  const items: Item[] = [];
  const counter = new Counter(numbering);
  // open paragraphs (a text box's paragraphs stand inside another), open tables, rows and cells
  const paragraphs: { text: string; numId?: string; ilvl?: number; style?: string }[] = [];
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let inRun = 0;
  let inText = false;
  let skip = 0;
  let inPPr = 0;

  const styleNumbering = (id: string | undefined): { numId?: string; ilvl?: number } => {
    for (let k = 0, s = id; s && k < 20; k++) {
      const style = styles.get(s);
      if (!style) break;
      if (style.numId !== undefined) return style;
      s = style.basedOn;
    }
    return {};
  };

  const finishParagraph = (): void => {
    const p = paragraphs.pop();
    if (!p) return;
    const fromStyle = styleNumbering(p.style);
    const numId = p.numId ?? fromStyle.numId;
    const ilvl = p.ilvl ?? fromStyle.ilvl ?? 0;
    const label = numId && numId !== '0' ? counter.label(numId, ilvl) : '';
    const text = label + p.text;
    const cell = cells[cells.length - 1];
    if (cell && tables.length > 0) cell.paragraphs.push(text);
    else items.push({ kind: 'p', text });
  };

  parseXml(xml, {
    open(name, a) {
      if (skip > 0) {
        skip++;
        return;
      }
      switch (name) {
        case 'del':
        case 'delText':
        case 'instrText':
        case 'delInstrText':
        case 'moveFrom':
          skip = 1;
          return;
        case 'p':
          paragraphs.push({ text: '' });
          return;
        case 'pPr':
          inPPr++;
          return;
        case 'pStyle':
          if (inPPr > 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.style = attr(a, 'val');
          return;
        case 'numId':
          if (inPPr > 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.numId = attr(a, 'val');
          return;
        case 'ilvl':
          if (inPPr > 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.ilvl = Number(attr(a, 'val') ?? 0);
          return;
        case 'r':
          inRun++;
          return;
        case 't':
          inText = inRun > 0;
          return;
        case 'tab':
          if (inRun > 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.text += '\t';
          return;
        case 'br':
        case 'cr':
          if (inRun > 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.text += '\n';
          return;
        case 'noBreakHyphen':
          if (inRun > 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.text += '-';
          return;
        case 'tbl':
          tables.push({ rows: [] });
          return;
        case 'tr':
          tables[tables.length - 1]?.rows.push({ gridBefore: 0, cells: [] });
          return;
        case 'gridBefore': {
          const row = lastRow(tables);
          if (row) row.gridBefore = Math.max(0, Number(attr(a, 'val') ?? 0) || 0);
          return;
        }
        case 'tc': {
          const cell: Cell = { paragraphs: [], gridSpan: 1, vMerge: undefined };
          lastRow(tables)?.cells.push(cell);
          cells.push(cell);
          return;
        }
        case 'gridSpan': {
          const cell = cells[cells.length - 1];
          if (cell) cell.gridSpan = Math.max(1, Math.min(1000, Number(attr(a, 'val') ?? 1) || 1));
          return;
        }
        case 'vMerge': {
          const cell = cells[cells.length - 1];
          if (cell) cell.vMerge = attr(a, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        }
      }
    },
    text(t) {
      if (skip > 0 || !inText || paragraphs.length === 0) return;
      paragraphs[paragraphs.length - 1]!.text += t;
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      switch (name) {
        case 'p':
          finishParagraph();
          return;
        case 'pPr':
          inPPr--;
          return;
        case 'r':
          inRun--;
          return;
        case 't':
          inText = false;
          return;
        case 'tc':
          cells.pop();
          return;
        case 'tbl': {
          const table = tables.pop();
          if (!table) return;
          const cell = cells[cells.length - 1];
          // a table inside a cell: its text joins the cell's
          if (cell && tables.length > 0) for (const line of tableLines(table)) cell.paragraphs.push(line.replace(/\t+/g, ' '));
          else items.push({ kind: 'table', table });
          return;
        }
      }
    },
  });
  return items;
}

function lastRow(tables: Table[]): Row | undefined {
  const t = tables[tables.length - 1];
  return t?.rows[t.rows.length - 1];
}

/** A table's rows as tab-separated lines, on its grid: a merged cell's text in its first slot. */
function tableLines(table: Table): string[] {
  const grid: string[][] = [];
  let slots = 0;
  for (const row of table.rows) {
    const line: string[] = new Array<string>(row.gridBefore).fill('');
    for (const cell of row.cells) {
      if (slots > READ_LIMITS.maxTableSlots) break;
      slots += cell.gridSpan;
      line.push(cell.vMerge === 'continue' ? '' : cellText(cell.paragraphs));
      for (let k = 1; k < cell.gridSpan; k++) line.push('');
    }
    grid.push(line);
  }
  return gridLines(grid);
}

/** The name of the main document part, from the package's relationships (word/document.xml as a rule). */
function mainPart(files: Unzipped): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    const xml = new TextDecoder('utf-8').decode(rels);
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(xml);
    const target = m && /Target="([^"]+)"/.exec(m[0]);
    if (target) return target[1]!.replace(/^\//, '');
  }
  return 'word/document.xml';
}

/** The zip's parts that a report needs, each bounded before it is inflated. */
function openZip(bytes: Uint8Array): { files: Unzipped } | { refused: ReadResult } {
  let total = 0;
  let tooLarge = false;
  const wanted = (name: string): boolean => name === '_rels/.rels' || /^word\/(?:document\d*|numbering|styles)\.xml$/.test(name);
  try {
    const files = unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > READ_LIMITS.maxInflatedBytes || total > READ_LIMITS.maxInflatedBytes) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
    if (tooLarge) return { refused: refuse('too-large', 'Word 文件解压后过大，未读取（可能是损坏或恶意构造的文件）。', 'The Word file inflates to too much to read (a damaged or crafted file).') };
    return { files };
  } catch {
    return { refused: refuse('broken-zip', '文件不是完整的 Word (.docx) 文件（压缩包已损坏或不完整）。请重新保存或重新下载。', 'The file is not a complete Word (.docx) file (its zip is damaged or cut short). Save or download it again.') };
  }
}

/** A .docx → its report text. */
export function readDocx(bytes: Uint8Array): ReadResult {
  const opened = openZip(bytes);
  if ('refused' in opened) return opened.refused;
  const files = opened.files;
  const main = files[mainPart(files)] ?? files['word/document.xml'];
  if (!main) {
    return refuse('not-docx', '这个压缩包不是 Word 文档（没有 word/document.xml）。如果是 .ofd、.xlsx 等格式，请另存为 .docx 或 PDF。', 'This zip is not a Word document (no word/document.xml). If it is .ofd, .xlsx or the like, save it as .docx or PDF.');
  }
  const utf8 = new TextDecoder('utf-8');
  const text = (name: string): string | undefined => (files[name] ? utf8.decode(files[name]) : undefined);
  const items = readDocument(utf8.decode(main), readNumbering(text('word/numbering.xml')), readStyles(text('word/styles.xml')));
  const out = new TextBuilder();
  let p = 0;
  let t = 0;
  for (const item of items) {
    if (item.kind === 'p') {
      p++;
      const lines = item.text.split('\n');
      if (lines.every((l) => l.trim() === '')) out.line('');
      for (const line of lines) out.line(line.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ''), `p ${p}`);
    } else {
      t++;
      out.line('');
      tableLines(item.table).forEach((line, r) => out.line(line, `table ${t} row ${r + 1}`));
      out.line('');
    }
  }
  return { ok: true, read: out.result('docx') };
}
