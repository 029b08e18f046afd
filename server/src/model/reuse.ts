/**
 * Statistical tables remembered across checks. A report is checked on every
 * keystroke, and most keystrokes leave a table's text as it was:
 *
 * - after a table (sections 五 and 六, a later table), the table stands at the
 *   very same place. Its model is kept with the blocks it was built from, and
 *   when blocks with the same text, rows and cells at the same offsets come
 *   again, the same model serves again, with what was derived from it (its sums,
 *   its cells' names). A model standing at the same offsets is right for both
 *   texts, so any report may take it (the command line, another document).
 * - above a table, the table moves. A check given the check before on the same
 *   document (`prior`, which its caller gives up: the language server passes the
 *   analysis it replaces) moves that check's model, and the blocks it was built
 *   from, to where the same text stands now: in place, every offset once (a moved
 *   copy was measured to cost as much as building the model again). A model more
 *   than one report was given is never moved (`shared`): it is built again.
 *
 * What is worked out per table block before the models (where it splits into
 * tables, the words in each part) holds no offset and is found again wherever the
 * block moved. Results never depend on what is remembered (tested: typing
 * sessions checked warm, and with `prior`, ≡ checked from cold, model by model).
 *
 * Invariants: a kept model is taken again only for the same text, blocks, rows and cells at the same
 * offsets; a model is moved only for the report that gave it up (`prior`), never once it was handed to
 * another (`shared`); a block's kept reading holds no offset.
 */
import type { TableNode, TableRowNode } from '../parse/syntax';
import type { Span } from '../parse/text';
import type { ObservedRow, Table2, Table2Row, Table3, Table3Row, Table4 } from './tables';
import { cacheOff } from '../caches';

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

  /** Puts a thing first: moved there when it is kept, else added. */
  keep(e: E): void {
    const i = this.items.indexOf(e);
    if (i === 0) return;
    if (i > 0) this.items.splice(i, 1);
    this.add(e);
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
  /** what else the model was built from besides its text (the format the report's other tables say) */
  variant: string;
  /** the text from the first block's start to the last block's end */
  text: string;
  /** the blocks (table parts) the model was built from, where they stand now */
  parts: TableNode[];
  model: Table2 | Table3 | Table4;
  /**
   * handed to a report other than the one it was built or moved for (another document, or a check
   * not given this one's report as `prior`): never moved, since a report may still hold it where it stands
   */
  shared: boolean;
  /** every place in the model and its blocks, each once (gathered on the first move) */
  places?: { spans: Span[]; rows: TableRowNode[] };
}

interface KeptBlock {
  layout: TableNode['layout'];
  text: string;
  /** each row's start and end, from the block's start */
  rows: Int32Array;
  value: unknown;
}

const keptTables = new KeptList<KeptTable>();
const keptBlocks = new KeptList<KeptBlock>();

/** A model's own entry (its text and blocks), for the check after the one that made it. */
const ENTRY = Symbol('kept table');

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
  if (cacheOff('model.reuse')) return compute();
  const base = block.start;
  const rows = block.rows;
  const kept = keptBlocks.find((b) => {
    if (b.text.length !== block.end - base || b.layout !== block.layout || b.rows.length !== 2 * rows.length || !text.startsWith(b.text, base)) return false;
    // the same text and layout, rows at the same places: the same rows and cells
    for (let k = 0; k < rows.length; k++) if (b.rows[2 * k] !== rows[k]!.start - base || b.rows[2 * k + 1] !== rows[k]!.end - base) return false;
    return true;
  });
  if (kept) return kept.value as T;
  const value = compute();
  const places = new Int32Array(2 * rows.length);
  rows.forEach((r, k) => {
    places[2 * k] = r.start - base;
    places[2 * k + 1] = r.end - base;
  });
  keptBlocks.add({ layout: block.layout, text: text.slice(base, block.end), rows: places, value });
  return value;
}

/**
 * The model of a statistical table built from `parts` (blocks of `text`): a kept one when the same
 * blocks stand at the same places; else `prior`'s (the model of the same table in the check before,
 * whose report is given up) moved to where its blocks stand now, when they hold the same text (typing
 * above a table); else `build()`'s, kept for next time.
 */
export function reuseTable<T extends Table2 | Table3 | Table4>(
  kind: 2 | 3 | 4,
  parts: TableNode[],
  text: string,
  build: () => T | undefined,
  prior?: Table2 | Table3 | Table4,
  variant = '',
): T | undefined {
  if (parts.length === 0 || cacheOff('model.reuse')) return build();
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  // the text compared where it stands (without copying it out), then the blocks' rows and cells
  const kept = keptTables.find((old) => old.kind === kind && old.variant === variant && old.parts[0]!.start === start && old.text.length === end - start && text.startsWith(old.text, start) && sameBlocks(old.parts, parts, 0, 0));
  if (kept) {
    if (kept.model !== prior) kept.shared = true;
    return kept.model as T;
  }
  const mine = prior ? entryOf(prior) : undefined;
  if (mine && !mine.shared && mine.kind === kind && mine.variant === variant && mine.text.length === end - start && text.startsWith(mine.text, start)) {
    const delta = start - mine.parts[0]!.start;
    const lines = parts[0]!.rows[0]!.line - mine.parts[0]!.rows[0]!.line;
    if (sameBlocks(mine.parts, parts, delta, lines)) {
      move(mine, delta, lines);
      keptTables.keep(mine);
      return mine.model as T;
    }
  }
  const model = build();
  if (model) {
    const entry: KeptTable = { kind, variant, text: text.slice(start, end), parts, model, shared: false };
    Object.defineProperty(model, ENTRY, { value: entry, enumerable: false });
    keptTables.add(entry);
  }
  return model;
}

function entryOf(model: Table2 | Table3 | Table4): KeptTable | undefined {
  return (model as { [ENTRY]?: KeptTable })[ENTRY];
}

/**
 * Moves a kept model and its blocks by `delta` characters and `lines` lines, in place: every place in
 * it once (cells are shared between the blocks' rows and the model's rows, spans between its lists).
 * What was derived from the model (its sums, its cells' names) holds cells, not places, and moves along.
 */
function move(entry: KeptTable, delta: number, lines: number): void {
  const places = (entry.places ??= placesOf(entry));
  if (delta !== 0) {
    for (const s of places.spans) {
      s.start += delta;
      s.end += delta;
    }
  }
  if (lines !== 0) for (const r of places.rows) r.line += lines;
}

/** Every span and table row reachable from a kept model and its blocks, each once. */
function placesOf(entry: KeptTable): { spans: Span[]; rows: TableRowNode[] } {
  const spans = new Set<Span>();
  const rows = new Set<TableRowNode>();
  const add = (s: Span | null | undefined) => {
    if (s) spans.add(s);
  };
  const row = (r: TableRowNode) => {
    if (rows.has(r)) return;
    rows.add(r);
    spans.add(r);
    r.cells.forEach(add);
  };
  const observed = (o: ObservedRow) => {
    spans.add(o);
    o.labelCells.forEach(add);
    o.values.forEach(add);
    o.trailing.forEach(add);
    o.rows.forEach(row);
  };
  const mapped = (m: Table2Row | Table3Row) => {
    spans.add(m);
    spans.add(m.labelSpan);
    observed(m.observed);
    m.cells.forEach(add);
    m.found.forEach(add);
    m.merged?.forEach(add);
  };
  for (const part of entry.parts) {
    spans.add(part);
    part.rows.forEach(row);
  }
  const model = entry.model;
  spans.add(model);
  if (entry.kind === 2) {
    const t = model as Table2;
    t.rows.forEach(mapped);
    t.unmapped.forEach(observed);
    t.subtables.forEach(add);
    t.headers.forEach(observed);
  } else if (entry.kind === 3) {
    const t = model as Table3;
    t.rows.forEach(mapped);
    t.unmapped.forEach(observed);
    t.header.forEach(observed);
  } else {
    const t = model as Table4;
    if (t.row) observed(t.row);
    t.cells.forEach(add);
    t.found.forEach(add);
    t.merged?.forEach(add);
    t.header.forEach(observed);
  }
  return { spans: [...spans], rows: [...rows] };
}

/**
 * Do blocks over the same text agree in everything else a table model reads (layout, rows, cells)
 * once `b` is taken `delta` characters and `lines` lines back?
 */
function sameBlocks(a: TableNode[], b: TableNode[], delta: number, lines: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.layout !== y.layout || x.start + delta !== y.start || x.end + delta !== y.end || x.rows.length !== y.rows.length) return false;
    for (let r = 0; r < x.rows.length; r++) {
      const rx = x.rows[r]!;
      const ry = y.rows[r]!;
      if (rx.start + delta !== ry.start || rx.end + delta !== ry.end || rx.line + lines !== ry.line || !!rx.separator !== !!ry.separator || rx.cells.length !== ry.cells.length) return false;
      for (let c = 0; c < rx.cells.length; c++) {
        const cx = rx.cells[c]!;
        const cy = ry.cells[c]!;
        // (the same offsets in the same text: the same cell text)
        if (cx.start + delta !== cy.start || cx.end + delta !== cy.end) return false;
      }
    }
  }
  return true;
}
