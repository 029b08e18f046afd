/**
 * A report's text with its statistical tables written in the national layout, tab-separated, as
 * Word copies them: what a PDF's aligned columns or a crawled page's run-together digits become when
 * the report is turned into text to edit. A table is rewritten only when every one of its cells was
 * read (a blank or unreadable cell, a missing row: the table stays as written, so that nothing the
 * user must look at is lost), and only when the rewritten text reads back to the very same numbers.
 */
import { analyze } from '../check';
import type { Report } from '../model/report';
import { TablesExport, exportTables } from './tablesExport';
import { table2Text, table3Text, table4Text } from './tablesText';

function allRead(values: unknown): boolean {
  if (values === null || values === undefined) return false;
  if (typeof values === 'number') return true;
  if (Array.isArray(values)) return values.every(allRead);
  return Object.values(values as Record<string, unknown>).every(allRead);
}

/** The text with each fully read table in the national layout (the text as it is when none is). */
export function canonicalText(text: string, report: Report): string {
  const exported = exportTables(report);
  const tables = report.tables;
  const replacements: { start: number; end: number; lines: string[] }[] = [];
  const add = (span: { start: number; end: number } | undefined, values: unknown, lines: (t: TablesExport) => string[]) => {
    if (!span || !allRead(values)) return;
    // whole lines: from the start of the table's first line to the end of its last
    const start = text.lastIndexOf('\n', span.start - 1) + 1;
    const newline = text.indexOf('\n', Math.max(span.start, span.end - 1));
    replacements.push({ start, end: newline < 0 ? text.length : newline, lines: lines(exported) });
  };
  add(tables.table2, exported.table2, (t) => table2Text(t, 'tab'));
  add(tables.table3, exported.table3, (t) => table3Text(t, 'tab'));
  add(tables.table4, exported.table4, (t) => table4Text(t, 'tab'));
  if (replacements.length === 0) return text;
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of replacements) {
    if (r.start < at) return text; // overlapping spans: leave the text as it is
    out += text.slice(at, r.start) + r.lines.join('\n');
    at = r.end;
  }
  out += text.slice(at);
  // the rewritten text must read back to the same numbers, else the text stays as it was
  const again = exportTables(analyze(out).report);
  const same = (a: TablesExport, b: TablesExport) => JSON.stringify([a.table2, a.table3, a.table4]) === JSON.stringify([b.table2, b.table3, b.table4]);
  return same(again, exported) ? out : text;
}
