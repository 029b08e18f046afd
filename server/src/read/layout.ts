/**
 * What the HTML and Word readers share: the report text built line by line with its origins, and a
 * table's cells (with their row and column spans) laid out on the grid of its rows and columns.
 */
import type { Origin, ReadText, SourceForm } from './types';
import { READ_LIMITS } from './types';

export class TextBuilder {
  private readonly lines: string[] = [];
  private length = 0;
  private readonly origins: Origin[] = [];

  /** Adds a line (its text without a line break); a blank line is kept only once in a row. */
  line(text: string, block?: string): void {
    const clean = text.replace(/[\r\n]+/g, ' ');
    if (clean.trim() === '') {
      if (this.lines.length === 0 || this.lines[this.lines.length - 1] === '') return;
      this.lines.push('');
      this.length += 1;
      return;
    }
    if (block !== undefined) this.origins.push({ offset: this.length, block });
    this.lines.push(clean);
    this.length += clean.length + 1;
  }

  result(form: SourceForm): ReadText {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    const text = this.lines.length > 0 ? this.lines.join('\n') + '\n' : '';
    const origins = this.origins.filter((o) => o.offset < text.length || text.length === 0);
    if (origins.length === 0 || origins[0]!.offset !== 0) origins.unshift({ offset: 0 });
    return { form, text, origins };
  }
}

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * The rows of a table as the slots of its grid: a merged cell's text in its first slot, the slots it
 * covers empty (what Word puts on the clipboard, and what the parser reads). Spans are cut so that
 * the grid stays within READ_LIMITS.maxTableSlots.
 */
export function layoutGrid(rows: GridCell[][]): string[][] {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  let slots = 0;
  const take = (r: number, c: number): void => {
    (taken[r] ??= [])[c] = true;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = (grid[r] ??= []);
    let c = 0;
    for (const cell of rows[r]!) {
      while (taken[r]?.[c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const colSpan = Math.max(1, Math.min(cell.colSpan, 1000));
      if (slots + rowSpan * colSpan > READ_LIMITS.maxTableSlots) return pad(grid);
      slots += rowSpan * colSpan;
      row[c] = cell.text;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) take(r + dr, c + dc);
      c += colSpan;
    }
  }
  // slots covered from rows above, at a row's end
  for (let r = 0; r < grid.length; r++) {
    const width = taken[r]?.length ?? 0;
    for (let c = 0; c < width; c++) if (grid[r]![c] === undefined) grid[r]![c] = '';
  }
  return pad(grid);
}

function pad(grid: string[][]): string[][] {
  for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = '';
  return grid;
}

/** A cell's text on one line: tabs and breaks inside it become spaces (a tab would make a new cell). */
export function cellText(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/[\t\r\n]+/g, ' ').trim();
    if (line === '') continue;
    // Chinese runs on without a space: 1.本机关不掌握 / 相关政府信息
    out += out === '' || (isWide(out.charCodeAt(out.length - 1)) && isWide(line.charCodeAt(0))) ? line : ' ' + line;
  }
  return out;
}

/** A character Chinese text runs on after without a space: CJK, full-width forms and punctuation. */
function isWide(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

/** A table's grid as lines of tab-separated cells; rows with no text left out. */
export function gridLines(grid: string[][]): string[] {
  const out: string[] = [];
  for (const row of grid) if (row.some((c) => c.trim() !== '')) out.push(row.join('\t'));
  return out;
}
