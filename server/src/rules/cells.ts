/** The cell rules: a number where a number is required, clean and whole. */
import { toHalfWidth } from '../parse/text';
import type { LocalizedText } from '../i18n';
import type { CellIssue } from '../model/cells';
import { IndexedCell, indexCells } from '../model/cellIndex';
import { cellValue, equationsOf, fillValue } from '../model/equations';
import type { Report } from '../model/report';
import type { Fix, Problem, Rule } from './types';
import { problem } from './util';

/** Replaces a cell's text (or fills an empty cell) with a number. */
export function setCell(cell: { start: number; end: number }, value: number, title: Fix['title'], safe = false): Fix {
  const fix: Fix = { title, edits: [{ span: { start: cell.start, end: cell.end }, newText: String(value) }] };
  if (safe) fix.safe = true;
  return fix;
}

/**
 * A number as written with full-width digits or thousands separators, in plain digits, character for
 * character (undefined when what is written is not such a number).
 */
export function plainDigits(raw: string): string | undefined {
  const half = toHalfWidth(raw).trim();
  // separators only between digits: 1,234 · 1，234 · 1 234
  const plain = half.replace(/(?<=\d)[,，\s](?=\d{3}(?!\d))/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(plain) ? plain : undefined;
}

/** Table 四's data row begins with empty cells and has numbers after them: it may be shifted. */
function shiftNote(report: Report): { zh: string; en: string } | undefined {
  const t4 = report.tables.table4;
  if (!t4 || !t4.row) return undefined;
  let lead = 0;
  while (lead < t4.cells.length && t4.cells[lead]?.issue === 'empty') lead++;
  if (lead === 0 || lead >= t4.cells.length) return undefined;
  const numbers = t4.cells.slice(lead).filter((c) => c && c.value !== null).length;
  if (numbers === 0) return undefined;
  return {
    zh: `；表四数据行前 ${lead} 格为空、其后有 ${numbers} 个数字，数据可能整体错位`,
    en: `; table 四's data row starts with ${lead} empty cells followed by ${numbers} numbers: it may be shifted`,
  };
}

/** More empty cells than this in one table are said once, for the table (reports that leave their zeros blank). */
export const MANY_BLANKS = 5;

/**
 * The value each blank cell would take in a fix that fills a table's blanks: the value its sums need
 * where one alone is empty, else 0 — and only if, with every blank filled so, every sum the blanks
 * take part in holds. Undefined when that is not so.
 */
function fillsThatBalance(report: Report, blanks: IndexedCell[]): number[] | undefined {
  const fills = blanks.map((c) => fillValue(report.tables, c.cell) ?? 0);
  const byCell = new Map<object, number>(blanks.map((c, k) => [c.cell, fills[k]!]));
  for (const eq of equationsOf(report.tables)) {
    const terms = [...eq.left, ...eq.right];
    if (!eq.known || !terms.some((t) => t.cell && byCell.has(t.cell))) continue;
    const value = (t: (typeof terms)[number]) => (t.cell && byCell.has(t.cell) ? byCell.get(t.cell)! : cellValue(t.cell));
    const left = eq.left.reduce((a, t) => a + value(t), 0);
    const right = eq.right.reduce((a, t) => a + value(t), 0);
    if (Math.abs(left - right) > 1e-9) return undefined;
  }
  return fills;
}

export const cellEmpty: Rule = {
  meta: {
    id: 'cell-empty',
    severity: 'error',
    description: { zh: '统计表中应填数字的单元格为空，或只写了“/”“—”“无”（没有则应填 0）。', en: 'A table cell that needs a number is empty or holds “/”, “—”, “无” (write 0).' },
    reads: 'tables',
  },
  check(report) {
    const problems: Problem[] = [];
    const shift = shiftNote(report);
    const blanks = indexCells(report).filter((c) => c.cell.issue === 'empty' || c.cell.issue === 'placeholder');
    for (const table of ['二', '三', '四'] as const) {
      const mine = blanks.filter((c) => c.table === table);
      if (mine.length > MANY_BLANKS) problems.push(manyBlanks(report, table, mine));
      else for (const c of mine) problems.push(oneBlank(report, c, table === '四' ? shift : undefined));
    }
    return problems;
  },
};

function oneBlank(report: Report, c: IndexedCell, shift: LocalizedText | undefined): Problem {
  const v = fillValue(report.tables, c.cell);
  const what = c.cell.issue === 'empty' ? '为空' : `只写了“${c.cell.raw}”`;
  const whatEn = c.cell.issue === 'empty' ? 'is empty' : `holds “${c.cell.raw}”`;
  const hint = v !== undefined ? { zh: `；若填 ${v} 则各项合计平衡`, en: `; ${v} would balance its sums` } : { zh: '', en: '' };
  const tail = shift ?? { zh: '', en: '' };
  return problem(
    'cell-empty',
    'error',
    c.cell,
    {
      zh: `${c.name}${what}，应填写数字（没有则填 0）${hint.zh}${tail.zh}`,
      en: `${c.name} ${whatEn}; a number is required (0 when there is none)${hint.en}${tail.en}`,
    },
    v !== undefined ? [setCell(c.cell, v, { zh: `填入 ${v}`, en: `Fill in ${v}` })] : [],
  );
}

/** A table with many blank cells: one problem on its first blank, every blank as related information, and one fix for them all where it balances. */
function manyBlanks(report: Report, table: '二' | '三' | '四', cells: IndexedCell[]): Problem {
  const fills = fillsThatBalance(report, cells);
  const zeros = fills?.every((v) => v === 0);
  const note = fills ? { zh: zeros ? '；全部填 0 后各项合计平衡' : '；按合计填写后各项合计平衡', en: zeros ? '; 0 in each balances every sum' : '; filling them as the sums need balances every sum' } : { zh: '', en: '' };
  const p = problem(
    'cell-empty',
    'error',
    cells[0]!.cell,
    {
      zh: `表${table}有 ${cells.length} 个单元格为空或只写了占位符，应填写数字（没有则填 0）${note.zh}`,
      en: `Table ${table} has ${cells.length} empty or placeholder cells; numbers are required (0 when there is none)${note.en}`,
    },
    fills
      ? [
          {
            title: zeros ? { zh: `将 ${cells.length} 个空格全部填 0`, en: `Fill the ${cells.length} blanks with 0` } : { zh: `按合计填写 ${cells.length} 个空格`, en: `Fill the ${cells.length} blanks as the sums need` },
            edits: cells.map((c, k) => ({ span: { start: c.cell.start, end: c.cell.end }, newText: String(fills[k]) })),
          },
        ]
      : [],
  );
  p.related = cells.map((c) => ({ span: { start: c.cell.start, end: c.cell.end }, message: { zh: `${c.name}${c.cell.issue === 'empty' ? '为空' : `只写了“${c.cell.raw}”`}`, en: `${c.name} ${c.cell.issue === 'empty' ? 'is empty' : `holds “${c.cell.raw}”`}` } }));
  return p;
}

export const cellResidue: Rule = {
  meta: {
    id: 'cell-residue',
    severity: 'error',
    description: { zh: '数字单元格中混有文字（如 OCR 残留“政许可 421808”）。', en: 'Text mixed into a number cell (OCR residue such as “政许可 421808”).' },
    reads: 'tables',
  },
  check(report) {
    const problems: Problem[] = [];
    for (const c of indexCells(report)) {
      if (c.cell.issue !== 'residue' && c.cell.issue !== 'text') continue;
      const candidates = [...new Set(c.cell.candidates ?? [])];
      problems.push(
        problem(
          'cell-residue',
          'error',
          c.cell,
          c.cell.issue === 'residue'
            ? { zh: `${c.name}“${c.cell.raw}”中混有文字，应只填数字`, en: `${c.name} “${c.cell.raw}” has text mixed into the number` }
            : { zh: `${c.name}“${c.cell.raw}”不是数字`, en: `${c.name} “${c.cell.raw}” is not a number` },
          candidates.map((n) => setCell(c.cell, n, { zh: `改为 ${n}`, en: `Use ${n}` })),
        ),
      );
    }
    return problems;
  },
};

/** A rule that reports every cell with one issue of readCell, as an error on the cell. */
function cellIssueRule(id: string, issue: CellIssue, description: Rule['meta']['description'], message: (c: IndexedCell) => LocalizedText): Rule {
  return {
    meta: { id, severity: 'error', description, reads: 'tables' },
    check: (report) =>
      indexCells(report)
        .filter((c) => c.cell.issue === issue)
        .map((c) => problem(id, 'error', c.cell, message(c))),
  };
}

export const cellNegative = cellIssueRule('cell-negative', 'negative', { zh: '统计表中出现负数。', en: 'A negative number in a table.' }, (c) => ({
  zh: `${c.name}为负数（${c.cell.raw}），件数和金额不能为负`,
  en: `${c.name} is negative (${c.cell.raw}); counts and amounts cannot be`,
}));

export const cellFraction = cellIssueRule(
  'cell-fraction',
  'fraction',
  { zh: '件数不是整数（只有收费金额可以有小数）。', en: 'A count that is not a whole number (only the fee amount may have decimals).' },
  (c) => ({ zh: `${c.name}为 ${c.cell.raw}，件数应为整数`, en: `${c.name} is ${c.cell.raw}; a count must be a whole number` }),
);

export const cellFormat: Rule = {
  meta: {
    id: 'cell-format',
    severity: 'hint',
    description: { zh: '数字使用了全角数字或千位分隔符（可以识别，建议改为半角数字）。', en: 'A number written with full-width digits or thousands separators (read, but better plain).' },
    reads: 'tables',
  },
  check(report) {
    const problems: Problem[] = [];
    for (const c of indexCells(report)) {
      const notes = c.cell.notes;
      if (!notes || c.cell.value === null) continue;
      // the characters converted (full-width digits and point to half-width, separators dropped), never
      // through a number: 19 digits, or trailing zeros after the point, stay as written
      const plain = plainDigits(c.cell.raw);
      if (plain === undefined) continue;
      problems.push(
        problem(
          'cell-format',
          'hint',
          c.cell,
          {
            zh: `${c.name}“${c.cell.raw.trim()}”${notes.includes('fullwidth') ? '使用了全角数字' : ''}${notes.length > 1 ? '和' : ''}${notes.includes('separator') ? '使用了千位分隔符' : ''}，已按 ${plain} 读取；建议写作 ${plain}`,
            en: `${c.name} “${c.cell.raw.trim()}” uses ${notes.map((n) => (n === 'fullwidth' ? 'full-width digits' : 'thousands separators')).join(' and ')}; read as ${plain}`,
          },
          [{ title: { zh: `改为 ${plain}`, en: `Write ${plain}` }, edits: [{ span: { start: c.cell.start, end: c.cell.end }, newText: plain }], safe: true }],
        ),
      );
    }
    return problems;
  },
};
