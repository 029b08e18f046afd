import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import type { Locale } from '../i18n';
import type { Section } from '../model/report';
import type { Table2, Table3 } from '../model/tables';
import type { Span } from '../parse/text';

function symbol(analysis: Analysis, name: string, detail: string, kind: SymbolKind, full: Span, selection: Span): DocumentSymbol {
  const range = analysis.lineIndex.rangeOf(full);
  let selectionRange = analysis.lineIndex.rangeOf(selection);
  // LSP requires the selection range to lie inside the full range.
  if (selection.start < full.start || selection.end > full.end) selectionRange = range;
  return { name, detail, kind, range, selectionRange, children: [] };
}

const GROUPS: { key: string; name: string; rows: string[] }[] = [
  { key: '一', name: '一、本年新收政府信息公开申请数量', rows: [] },
  { key: '二', name: '二、上年结转政府信息公开申请数量', rows: [] },
  { key: '三', name: '三、本年度办理结果', rows: [] },
  { key: '四', name: '四、结转下年度继续办理', rows: [] },
];

/** Table 三 as row groups: 一, 二, 三 (with （一）…（七）, and the items of （三）…（六）), 四. */
function table3Symbols(analysis: Analysis, t3: Table3): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const spanOfKeys = (keys: string[]): Span | undefined => {
    const rows = keys.map((k) => t3.rows.get(k)).filter((r) => r !== undefined);
    if (rows.length === 0) return undefined;
    return { start: Math.min(...rows.map((r) => r.start)), end: Math.max(...rows.map((r) => r.end)) };
  };
  for (const g of GROUPS) {
    const keys = t3.specs.filter((r) => (g.key === '三' ? r.key.startsWith('三.') : r.key === g.key)).map((r) => r.key);
    const span = spanOfKeys(keys);
    if (!span) continue;
    const group = symbol(analysis, g.name, '', SymbolKind.Array, span, span);
    if (g.key === '三') {
      const parens = [...new Set(t3.specs.filter((r) => r.paren !== undefined).map((r) => r.paren!))];
      for (const p of parens) {
        const sub = t3.specs.filter((r) => r.paren === p);
        const subSpan = spanOfKeys(sub.map((r) => r.key));
        if (!subSpan) continue;
        const first = sub[0]!;
        const numeral = '一二三四五六七'[p - 1];
        const groupLabel = { 3: '不予公开', 4: '无法提供', 5: '不予处理', 6: '其他处理' }[p] ?? first.label;
        const node = symbol(analysis, `（${numeral}）${groupLabel}`, '', SymbolKind.Array, subSpan, subSpan);
        if (first.arabic !== undefined) {
          for (const r of sub) {
            const row = t3.rows.get(r.key);
            if (row) node.children!.push(symbol(analysis, `${r.arabic}.${r.label}`, '', SymbolKind.EnumMember, row, row.labelSpan));
          }
        }
        group.children!.push(node);
      }
    }
    out.push(group);
  }
  return out;
}

function table2Symbols(analysis: Analysis, t2: Table2): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const sub of t2.subtableSpecs) {
    const heading = t2.subtables.get(sub.item);
    const rows = sub.rows.map((r) => t2.rows.get(r)).filter((r) => r !== undefined);
    const spans = [...(heading ? [heading] : []), ...rows];
    if (spans.length === 0) continue;
    const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
    const node = symbol(analysis, sub.heading, sub.rows.join('、'), SymbolKind.Struct, span, heading ?? span);
    for (const r of rows) node.children!.push(symbol(analysis, r.spec.label, '', SymbolKind.EnumMember, r, r.labelSpan));
    out.push(node);
  }
  return out;
}

function tableSymbol(analysis: Analysis, section: Section, locale: Locale): DocumentSymbol | undefined {
  const { table2, table3, table4 } = analysis.report.tables;
  const within = (t: Span | undefined) => t && t.start >= section.start && t.start <= section.end;
  const zh = locale === 'zh';
  if (section.spec.id === 2 && table2 && within(table2)) {
    const s = symbol(analysis, zh ? '表二 · 主动公开政府信息情况' : 'Table 二', '', SymbolKind.Struct, table2, table2);
    s.children = table2Symbols(analysis, table2);
    return s;
  }
  if (section.spec.id === 3 && table3 && within(table3)) {
    const s = symbol(analysis, zh ? '表三 · 收到和处理政府信息公开申请情况' : 'Table 三', '', SymbolKind.Struct, table3, table3);
    s.children = table3Symbols(analysis, table3);
    return s;
  }
  if (section.spec.id === 4 && table4 && within(table4)) {
    return symbol(analysis, zh ? '表四 · 行政复议、行政诉讼情况' : 'Table 四', '', SymbolKind.Struct, table4, table4);
  }
  return undefined;
}

/** The outline: the six sections; in each its sub-items and its table, table 三 by row groups. */
export function documentSymbols(analysis: Analysis, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const text = analysis.text;
  for (const section of analysis.report.sections) {
    const heading = section.heading;
    const name = text.slice(heading.start, heading.end).trim() || `${section.spec.numeral}、${section.spec.title}`;
    const detail = locale === 'zh' ? `第${section.spec.numeral}部分` : `Section ${section.spec.id}`;
    const s = symbol(analysis, name, detail, SymbolKind.Namespace, section, heading);
    const subs = section.blocks.filter((b) => b.kind === 'subheading' && b.style === 'paren');
    subs.forEach((block, k) => {
      if (block.kind !== 'subheading') return;
      const next = subs[k + 1];
      const end = next ? lastEndBefore(section, next.start) : section.end;
      const label = text.slice(block.start, block.labelSpan.end).trim();
      s.children!.push(symbol(analysis, label || text.slice(block.markerSpan.start, block.markerSpan.end), '', SymbolKind.Field, { start: block.start, end: Math.max(end, block.end) }, block.markerSpan));
    });
    const table = tableSymbol(analysis, section, locale);
    if (table) s.children!.push(table);
    out.push(s);
  }
  return out;
}

/** The end of the last block of a section before an offset. */
export function lastEndBefore(section: Section, offset: number): number {
  let end = section.heading.end;
  for (const b of section.blocks) if (b.end <= offset) end = Math.max(end, b.end);
  return end;
}
