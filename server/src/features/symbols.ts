import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import type { Locale } from '../i18n';
import type { Span } from '../parse/text';

function symbol(analysis: Analysis, name: string, detail: string, kind: SymbolKind, full: Span, selection: Span): DocumentSymbol {
  const range = analysis.lineIndex.rangeOf(full);
  let selectionRange = analysis.lineIndex.rangeOf(selection);
  // LSP requires the selection range to lie inside the full range.
  if (selection.start < full.start || selection.end > full.end) selectionRange = range;
  return { name, detail, kind, range, selectionRange, children: [] };
}

/** The outline: the six sections, each with its sub-items and tables. */
export function documentSymbols(analysis: Analysis, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const text = analysis.text;
  for (const section of analysis.report.sections) {
    const heading = section.heading;
    const name = text.slice(heading.start, heading.end).trim() || `${section.spec.numeral}、${section.spec.title}`;
    const detail = locale === 'zh' ? `第${section.spec.numeral}部分` : `Section ${section.spec.id}`;
    const s = symbol(analysis, name, detail, SymbolKind.Namespace, section, heading);
    let tableNo = 0;
    for (const block of section.blocks) {
      if (block.kind === 'subheading' && block.style === 'paren') {
        const label = text.slice(block.start, block.labelSpan.end).trim();
        s.children!.push(symbol(analysis, label || text.slice(block.markerSpan.start, block.markerSpan.end), '', SymbolKind.Field, block, block.markerSpan));
      } else if (block.kind === 'table') {
        tableNo++;
        const name = locale === 'zh' ? `表格 ${tableNo}（${block.rows.length} 行）` : `Table ${tableNo} (${block.rows.length} rows)`;
        s.children!.push(symbol(analysis, name, '', SymbolKind.Struct, block, { start: block.start, end: block.rows[0]!.end }));
      }
    }
    out.push(s);
  }
  return out;
}
