/** cell-empty: a table cell that needs a number is empty or holds a placeholder (“/”, “—”, “无”). */
import type { LocalizedText } from '../i18n';
import { IndexedCell, indexCells } from '../model/cellIndex';
import { cellValue, equationsOf, fillValue } from '../model/equations';
import type { Report } from '../model/report';
import type { Problem, RuleContext } from './types';
import { defineRule, setCell } from './helpers';

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

export const cellEmpty = defineRule(
  {
    id: 'cell-empty',
    severity: 'error',
    description: { zh: '统计表中应填数字的单元格为空，或只写了“/”“—”“无”（没有则应填 0）。', en: 'A table cell that needs a number is empty or holds “/”, “—”, “无” (write 0).' },
    reads: 'tables',
  },
  (report, ctx) => {
    const problems: Problem[] = [];
    const shift = shiftNote(report);
    const blanks = indexCells(report).filter((c) => c.cell.issue === 'empty' || c.cell.issue === 'placeholder');
    for (const table of ['二', '三', '四'] as const) {
      const mine = blanks.filter((c) => c.table === table);
      if (mine.length > MANY_BLANKS) problems.push(manyBlanks(ctx, report, table, mine));
      else for (const c of mine) problems.push(oneBlank(ctx, report, c, table === '四' ? shift : undefined));
    }
    return problems;
  },
);


function oneBlank({ problem }: RuleContext, report: Report, c: IndexedCell, shift: LocalizedText | undefined): Problem {
  const v = fillValue(report.tables, c.cell);
  const what = c.cell.issue === 'empty' ? '为空' : `只写了“${c.cell.raw}”`;
  const whatEn = c.cell.issue === 'empty' ? 'is empty' : `holds “${c.cell.raw}”`;
  const hint = v !== undefined ? { zh: `；若填 ${v} 则各项合计平衡`, en: `; ${v} would balance its sums` } : { zh: '', en: '' };
  const tail = shift ?? { zh: '', en: '' };
  return problem(
    c.cell,
    {
      zh: `${c.name}${what}，应填写数字（没有则填 0）${hint.zh}${tail.zh}`,
      en: `${c.name} ${whatEn}; a number is required (0 when there is none)${hint.en}${tail.en}`,
    },
    v !== undefined ? [setCell(c.cell, v, { zh: `填入 ${v}`, en: `Fill in ${v}` })] : [],
  );
}

/** A table with many blank cells: one problem on its first blank, every blank as related information, and one fix for them all where it balances. */
function manyBlanks({ problem }: RuleContext, report: Report, table: '二' | '三' | '四', cells: IndexedCell[]): Problem {
  const fills = fillsThatBalance(report, cells);
  const zeros = fills?.every((v) => v === 0);
  const note = fills ? { zh: zeros ? '；全部填 0 后各项合计平衡' : '；按合计填写后各项合计平衡', en: zeros ? '; 0 in each balances every sum' : '; filling them as the sums need balances every sum' } : { zh: '', en: '' };
  const p = problem(
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
