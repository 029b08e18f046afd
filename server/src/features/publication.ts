/**
 * A report as it is published: its title, section headings, sub-items, paragraphs and tables, in
 * order, with tables 二, 三 and 四 as the national format prints them (the headers merged, every row of
 * the format, the report's numbers in their cells). Plain data, written out by `exportHtml.ts` (a web
 * page's fragment) and `exportDocx.ts` (a Word document); what export refuses over, `exportBlockers`.
 *
 * Nothing is invented: every text is the report's own (its Markdown markup taken off), every number is
 * the cell the report has at that place of the format, and a cell the report lacks stays empty.
 */
import type { Analysis } from '../check';
import type { Span } from '../parse/text';
import type { BlockNode, TableNode } from '../parse/syntax';
import type { Problem } from '../rules/types';
import type { ModelCell } from '../model/cells';
import type { Report } from '../model/report';
import { ViewCell, ViewTable, tableView } from './tableView';

export interface PubCell {
  text: string;
  /** a header or label (set apart: bold in a header row, a <th> in a web page) */
  header?: boolean;
  colspan?: number;
  rowspan?: number;
}

export interface PubTable {
  kind: 'table';
  /** which of the format's tables (absent: another table of the report, as it has it) */
  id?: '二' | '三' | '四';
  /** the columns' widths, relative (a writer scales them to its page) */
  widths: number[];
  /** the rows at the top that head the table (repeated on each page a table runs over) */
  headRows: number;
  rows: PubCell[][];
}

export type PubBlock =
  | { kind: 'heading'; text: string }
  /** a paragraph; a sub-item's paragraph has its marker and title as `lead` (（一）主动公开情况。) */
  | { kind: 'paragraph'; lead?: string; text: string }
  | PubTable;

export interface Publication {
  title?: string;
  blocks: PubBlock[];
}

/**
 * Column widths, relative. 表二: the row label, then three numbers. 表三: the three label columns
 * (三、 down the side, （三） groups, the long 1.–8. labels), then seven numbers. 表四: fifteen numbers.
 */
const WIDTHS: Record<'二' | '三' | '四', number[]> = {
  二: [34, 22, 22, 22],
  三: [5, 10, 28, ...new Array<number>(7).fill(57 / 7)],
  四: new Array<number>(15).fill(1),
};
/** the longest sub-item title set apart (（一）主动公开情况 is; a sentence of forty characters is prose) */
const MAX_LEAD = 30;
const HEAD_ROWS: Record<'二' | '三' | '四', number> = { 二: 0, 三: 3, 四: 3 };

/** Markdown's marks at the start of a line (headings, lists, quotes) and emphasis around it, taken off. */
function plain(text: string): string {
  let t = text.trim();
  t = t.replace(/^(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+)+/, '');
  const em = /^(\*\*|__)(.+)\1$/.exec(t);
  if (em) t = em[2]!;
  return t.replace(/\*\*(.+?)\*\*/g, '$1').trim();
}

function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/**
 * Whether a paragraph's text stops inside a sentence, so that the next line goes on it: it ends on a
 * mark that cannot end one (、，（“《), or it is a full line that ends on no closing mark at all (a
 * signature, a date, a short label line are shorter).
 */
function continues(text: string): boolean {
  if (/[、，,（(“‘《]$/.test(text)) return true;
  return text.length >= 20 && !/[。！？；!?;：:”’）)」』》\]】.．…—\-]$/.test(text);
}

function pubCell(c: ViewCell): PubCell {
  const out: PubCell = { text: c.text };
  if (c.header) out.header = true;
  if (c.colspan && c.colspan > 1) out.colspan = c.colspan;
  if (c.rowspan && c.rowspan > 1) out.rowspan = c.rowspan;
  return out;
}

/**
 * A row whose numbers could not all be placed in the format's columns (a number missing, runs of
 * digits that cannot be told apart, a cell only inferred): its numbers as the report writes them, in
 * order, else undefined. Export writes them so, from the row's first number cell on, rather than
 * guess their columns or drop what could not be placed, and the row ends there, as short as it was.
 */
function asWritten(row: { cells: (ModelCell | null)[]; found: ModelCell[]; merged?: Span[] } | undefined, text: string): string[] | undefined {
  if (!row) return undefined;
  const merged = row.merged ?? [];
  const written = row.found.filter((c) => c.raw.trim() !== '' && !merged.some((m) => c.start < m.end && c.end > m.start));
  const placed = (c: ModelCell) => row.cells.some((p) => p && !p.inferred && p.start === c.start && p.end === c.end);
  if (merged.length === 0 && !row.cells.some((c) => c?.inferred) && written.every(placed)) return undefined;
  // a run of digits that cannot be told apart stays one run, where it stands among the numbers
  const items: Span[] = [...written, ...merged].sort((a, b) => a.start - b.start);
  return items.map((c) => ('raw' in c ? (c as ModelCell).raw : text.slice(c.start, c.end).trim()));
}

/** The format's table as published: the table view's grid, a row that could not be placed as written. */
function formatTable(report: Report, text: string, v: ViewTable): PubTable {
  const id = v.id;
  const missing = new Set<number>();
  const rows = v.rows.map((r, i) => {
    const cells = r.map(pubCell);
    const key = v.keys[i];
    if (key === undefined) return cells;
    const { table2, table3, table4 } = report.tables;
    const row = id === '二' ? table2?.rows.get(key) : id === '三' ? table3?.rows.get(key) : table4?.row ? table4 : undefined;
    // a row the report does not have is not made up (empty cells would say it has it, blank)
    if (!row) missing.add(i);
    const written = asWritten(row, text);
    if (written === undefined) return cells;
    const labels = cells.filter((c) => c.header);
    // the row's number cells in the format (seven in 表三, fifteen in 表四, one to three in 表二)
    const room = row!.cells.length;
    // more numbers than cells (a long row): the last cell holds the rest, as written
    const values = written.length > room ? [...written.slice(0, room - 1), written.slice(room - 1).join(' ')] : written;
    // the label in one cell, the numbers right after it and no cell after them: the row stands as the
    // report has it (a label spanning the label columns would leave a blank that reads as a number's place)
    return [...labels.map(({ colspan: _c, ...label }) => label), ...values.map((text) => ({ text }))];
  });
  return { kind: 'table', id, widths: WIDTHS[id], headRows: HEAD_ROWS[id], rows: missing.size > 0 ? withoutRows(rows, missing) : rows };
}

/**
 * The rows of a grid but those dropped. A cell spanning rows spans those of them kept; one whose own
 * row is dropped moves down to the first row it spans that is kept (left of that row's cells, as a
 * cell coming from above stands), and goes when it spans none.
 */
export function withoutRows(rows: PubCell[][], drop: Set<number>): PubCell[][] {
  const moved: PubCell[][] = rows.map(() => []);
  const out: PubCell[][] = rows.map(() => []);
  rows.forEach((cells, i) => {
    for (const c of cells) {
      const last = i + (c.rowspan ?? 1) - 1;
      let kept = 0;
      let first = -1;
      for (let k = i; k <= last && k < rows.length; k++) {
        if (drop.has(k)) continue;
        kept++;
        if (first < 0) first = k;
      }
      if (kept === 0) continue;
      const { rowspan: _r, ...rest } = c;
      const cell: PubCell = kept > 1 ? { ...rest, rowspan: kept } : rest;
      (first === i ? out[i]! : moved[first]!).push(cell);
    }
  });
  return out.flatMap((cells, i) => (drop.has(i) ? [] : [[...moved[i]!, ...cells]]));
}

/** A table that is none of the format's, cell by cell as the report has it. */
function otherTable(node: TableNode): PubTable | undefined {
  const rows = node.rows.filter((r) => !r.separator).map((r) => r.cells.map((c) => ({ text: plain(c.text) })));
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (columns === 0) return undefined;
  for (const r of rows) {
    // a short row's last cell spans the rest, as a merged cell would
    if (r.length < columns && r.length > 0) (r[r.length - 1] as PubCell).colspan = columns - r.length + 1;
  }
  return { kind: 'table', widths: new Array<number>(columns).fill(1), headRows: 0, rows: rows.filter((r) => r.length > 0) };
}

/** The report as published: what it says, in order, with its statistical tables in the national layout. */
export function publication(analysis: Analysis): Publication {
  const { text, report } = analysis;
  const tree = report.tree;
  const out: Publication = { blocks: [] };
  if (tree.title) out.title = tree.title.lines.map((l) => plain(slice(text, l))).join('');
  const view = tableView(analysis, 'zh');
  const formatTables: { id: '二' | '三' | '四'; span: Span; done: boolean }[] = [];
  const { table2, table3, table4 } = report.tables;
  if (table2) formatTables.push({ id: '二', span: table2, done: false });
  if (table3) formatTables.push({ id: '三', span: table3, done: false });
  if (table4) formatTables.push({ id: '四', span: table4, done: false });
  const sectionHeadings = new Set(report.sections.map((s) => s.heading));
  const within = (b: BlockNode) => formatTables.find((t) => b.start < t.span.end && b.end > t.span.start);
  for (const block of tree.blocks) {
    const table = block.kind === 'heading' && sectionHeadings.has(block) ? undefined : within(block);
    if (table) {
      // the format's table in place of the first block of it; the rest of its text is in its cells
      if (!table.done) {
        table.done = true;
        out.blocks.push(formatTable(report, text, view.tables.find((t) => t.id === table.id)!));
      }
      continue;
    }
    switch (block.kind) {
      case 'heading':
        out.blocks.push({ kind: 'heading', text: plain(slice(text, block)) });
        break;
      case 'subheading': {
        const whole = plain(slice(text, block));
        const lead = plain(text.slice(block.start, block.labelSpan.end));
        // the title's own stop (。 or ：) stays with it
        const stop = /^[。：:．.]/.exec(text.slice(block.labelSpan.end, block.end));
        const leadText = stop ? lead + stop[0] : lead;
        const rest = whole.startsWith(leadText) ? whole.slice(leadText.length).trim() : '';
        // a sub-item's title is set apart; a whole first sentence (一是……。 running on) is not a title
        // (一是 without its stop is a sentence broken at the line's end, not a title)
        const titled = whole.startsWith(leadText) && leadText.length <= MAX_LEAD && (stop !== null || block.style !== 'shi');
        out.blocks.push(titled ? { kind: 'paragraph', lead: leadText, text: rest } : { kind: 'paragraph', text: whole });
        break;
      }
      case 'paragraph': {
        // each line a paragraph of its own (a signature, its date), but a line broken inside a sentence
        // (text taken from a PDF, a page break) goes on the paragraph it continues
        for (const line of block.lines) {
          const t = plain(slice(text, line));
          if (!t) continue;
          const before = out.blocks[out.blocks.length - 1];
          if (before?.kind === 'paragraph' && continues((before.lead ?? '') + before.text)) before.text += (/[\x21-\x7e]$/.test(before.text) && /^[\x21-\x7e]/.test(t) ? ' ' : '') + t;
          else out.blocks.push({ kind: 'paragraph', text: t });
        }
        break;
      }
      case 'table': {
        const t = otherTable(block);
        if (t) out.blocks.push(t);
        break;
      }
    }
  }
  // a format's table the report has without a block of its own (never expected): still published
  for (const t of formatTables) {
    if (t.done) continue;
    out.blocks.push(formatTable(report, text, view.tables.find((x) => x.id === t.id)!));
  }
  return out;
}

/** Rules whose errors are errors in the tables: the sums, the cells, the tables' shape and rows. */
const TABLE_RULE = /^(?:T\d|cell-|table-)/;
/** Cells that could not be read at all (digits run together): a table cannot be published with them, whatever their severity. */
const UNREAD_RULE = 'cell-run-together';

/** The errors in the report's tables (and its cells that could not be read), which export refuses over unless forced. */
export function exportBlockers(analysis: Analysis): Problem[] {
  return analysis.problems.filter((p) => p.rule === UNREAD_RULE || (p.severity === 'error' && TABLE_RULE.test(p.rule)));
}
