/**
 * A report as a fragment of a web page, for a site's content system: one <article> with the title,
 * headings, paragraphs and tables (semantic <table>: header cells as <th> with their scope, merged
 * cells as rowspan/colspan). Self-contained: no script, no stylesheet or image to fetch, only a few
 * inline styles (borders, alignment) that content systems keep. Every text is escaped.
 */
import type { PubCell, PubTable, Publication } from './publication';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const TABLE_STYLE = 'border-collapse:collapse;width:100%;table-layout:fixed;font-size:12px;text-align:center';
const CELL_STYLE = 'border:1px solid #000;padding:2px 4px;vertical-align:middle';
const TABLE_CAPTIONS: Record<'二' | '三' | '四', string> = {
  二: '主动公开政府信息情况',
  三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议、行政诉讼情况',
};

function cellHtml(c: PubCell, inHead: boolean): string {
  const span = (c.colspan ? ` colspan="${c.colspan}"` : '') + (c.rowspan ? ` rowspan="${c.rowspan}"` : '');
  const text = escapeHtml(c.text);
  if (!c.header) return `<td${span} style="${CELL_STYLE}">${text}</td>`;
  // a header over columns, or a row's label
  const scope = inHead ? (c.colspan ? 'colgroup' : 'col') : c.colspan && c.colspan >= 3 ? 'colgroup' : c.rowspan ? 'rowgroup' : 'row';
  return `<th${span} scope="${scope}" style="${CELL_STYLE}">${text}</th>`;
}

function tableHtml(t: PubTable): string {
  const total = t.widths.reduce((a, b) => a + b, 0);
  // the table's name for screen readers (the section heading above shows it to the eye)
  const label = t.id ? ` aria-label="${escapeHtml(TABLE_CAPTIONS[t.id])}"` : '';
  const lines: string[] = [`<table${label} style="${TABLE_STYLE}">`];
  lines.push('<colgroup>' + t.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('') + '</colgroup>');
  // a row of headers only (表二's 信息内容 row of each sub-table) heads the columns below it
  const row = (r: PubCell[], inHead: boolean) => {
    const heads = inHead || (r.length > 1 && r.every((c) => c.header));
    return '<tr>' + r.map((c) => cellHtml(c, heads)).join('') + '</tr>';
  };
  if (t.headRows > 0) lines.push('<thead>', ...t.rows.slice(0, t.headRows).map((r) => row(r, true)), '</thead>');
  lines.push('<tbody>', ...t.rows.slice(t.headRows).map((r) => row(r, false)), '</tbody>', '</table>');
  return lines.join('\n');
}

/** The report as an HTML fragment (UTF-8 text; no <html> or <head>: it goes into a page). */
export function exportHtml(pub: Publication): string {
  const lines: string[] = ['<article class="gov-annual-report">'];
  if (pub.title) lines.push(`<h1 style="text-align:center">${escapeHtml(pub.title)}</h1>`);
  for (const b of pub.blocks) {
    if (b.kind === 'heading') lines.push(`<h2>${escapeHtml(b.text)}</h2>`);
    else if (b.kind === 'paragraph') {
      const lead = b.lead ? `<strong>${escapeHtml(b.lead)}</strong>` : '';
      lines.push(`<p style="text-indent:2em">${lead}${escapeHtml(b.text)}</p>`);
    } else lines.push(tableHtml(b));
  }
  lines.push('</article>', '');
  return lines.join('\n');
}
