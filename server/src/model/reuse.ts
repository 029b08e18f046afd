/**
 * Statistical tables remembered across checks. A report is checked on every
 * keystroke; a keystroke after a table (in sections 五 and 六, in a later
 * table) leaves that table's text at the very same place. A table model is kept
 * with the blocks it was built from, and when blocks with the same text, rows
 * and cells at the same offsets come again, the same model serves again, with
 * what was derived from it (its sums, its cells' names). Nothing is copied or
 * moved: models are never changed once built, and one standing at the same
 * offsets is right for both texts. (A table that moved is built again: a moved
 * copy was measured to cost as much as building it.) What is worked out per
 * table block before the models (where it splits into tables, the words in each
 * part) holds no offset, and is found again wherever the block moved. Results
 * never depend on what is remembered (tested: a typing session checked warm ≡
 * checked from cold).
 */
import type { TableNode } from '../parse/syntax';
import type { Table2, Table3, Table4 } from './tables';

/** A short list of kept things, the most recently used first; the least recently used go when it is full. */
class KeptList<E> {
  private items: E[] = [];

  /** The first kept thing that fits, moved to the front. */
  find(fits: (e: E) => boolean): E | undefined {
    const i = this.items.findIndex(fits);
    if (i < 0) return undefined;
    const e = this.items[i]!;
    if (i > 0) this.items.unshift(...this.items.splice(i, 1));
    return e;
  }

  add(e: E): void {
    this.items.unshift(e);
    if (this.items.length > 24) this.items.pop();
  }

  clear(): void {
    this.items = [];
  }
}

interface KeptTable {
  kind: 2 | 3 | 4;
  /** the text from the first block's start to the last block's end */
  text: string;
  parts: TableNode[];
  model: Table2 | Table3 | Table4;
}

interface KeptBlock {
  block: TableNode;
  text: string;
  value: unknown;
}

const keptTables = new KeptList<KeptTable>();
const keptBlocks = new KeptList<KeptBlock>();

/** Forgets every kept table (for measuring a check from cold). */
export function clearKeptTables(): void {
  keptTables.clear();
  keptBlocks.clear();
}

/**
 * A value computed from a table block's text alone, with no offset and no syntax node in it (where
 * it splits into tables, the words in each part): taken again for a block with the same text and
 * rows at the same places relative to its start — wherever it stands now —, else computed and kept.
 */
export function keptForBlock<T>(block: TableNode, text: string, compute: () => T): T {
  const kept = keptBlocks.find(({ block: b, text: t }) => {
    if (b.end - b.start !== block.end - block.start || b.layout !== block.layout || b.rows.length !== block.rows.length || !text.startsWith(t, block.start)) return false;
    // the same text and layout, rows at the same places: the same rows and cells
    const delta = block.start - b.start;
    return b.rows.every((r, k) => r.start + delta === block.rows[k]!.start && r.end + delta === block.rows[k]!.end);
  });
  if (kept) return kept.value as T;
  const value = compute();
  keptBlocks.add({ block, text: text.slice(block.start, block.end), value });
  return value;
}

/**
 * The model of a statistical table built from `parts` (blocks of `text`): a kept one when the same
 * blocks stand at the same places, else `build()`'s, kept for next time.
 */
export function reuseTable<T extends Table2 | Table3 | Table4>(kind: 2 | 3 | 4, parts: TableNode[], text: string, build: () => T | undefined): T | undefined {
  if (parts.length === 0) return build();
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  // the text compared where it stands (without copying it out), then the blocks' rows and cells
  const kept = keptTables.find((old) => old.kind === kind && old.parts[0]!.start === start && old.text.length === end - start && text.startsWith(old.text, start) && sameBlocks(old.parts, parts));
  if (kept) return kept.model as T;
  const model = build();
  if (model) keptTables.add({ kind, text: text.slice(start, end), parts, model });
  return model;
}

/** Do blocks over the same text agree in everything else a table model reads: layout, rows, cells and their offsets? */
function sameBlocks(a: TableNode[], b: TableNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.layout !== y.layout || x.start !== y.start || x.end !== y.end || x.rows.length !== y.rows.length) return false;
    for (let r = 0; r < x.rows.length; r++) {
      const rx = x.rows[r]!;
      const ry = y.rows[r]!;
      if (rx.start !== ry.start || rx.end !== ry.end || rx.line !== ry.line || !!rx.separator !== !!ry.separator || rx.cells.length !== ry.cells.length) return false;
      for (let c = 0; c < rx.cells.length; c++) {
        const cx = rx.cells[c]!;
        const cy = ry.cells[c]!;
        // (the same offsets in the same text: the same cell text)
        if (cx.start !== cy.start || cx.end !== cy.end) return false;
      }
    }
  }
  return true;
}
