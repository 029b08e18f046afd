/**
 * The report's three tables as grids for the table view: the headers merged as the
 * national format prints them, every cell with what the report has there (its text,
 * its place in the document) and the problems on it (with their equations). Plain
 * data, rendered by the client's webview.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { TABLE3_COLUMNS, TABLE4_BLOCKS, TABLE4_CELLS, TABLE_FORMATS } from '../format/national';
import type { Locale } from '../i18n';
import type { ModelCell } from '../model/cells';
import type { Severity } from '../rules/types';

export interface ViewCell {
  text: string;
  /** a header or label cell (not a number) */
  header?: boolean;
  colspan?: number;
  rowspan?: number;
  /** where the cell's text is in the document (absent: the report has no cell there) */
  range?: Range;
  /** the cell is part of the format but missing from the report */
  missing?: boolean;
  /** the worst problem on the cell */
  severity?: Severity;
  /** the problems on the cell and the sums it fails, each a line (shown on hover) */
  notes?: string[];
  /** the cell is a term of a failing sum (not itself the place of the problem) */
  related?: boolean;
}

export interface ViewTable {
  id: '二' | '三' | '四';
  title: string;
  /** the report has this table */
  present: boolean;
  rows: ViewCell[][];
  /** for each row, the format's row it shows (表二's label, 表三's key, '四' for 表四's numbers); undefined for header rows */
  keys: (string | undefined)[];
}

export interface TableViewModel {
  title?: string;
  tables: ViewTable[];
  /** cells with an error or a warning */
  flagged: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function tableView(analysis: Analysis, locale: Locale): TableViewModel {
  const zh = locale === 'zh';
  const { report, lineIndex } = analysis;
  // problems by the cells they are on, and by the cells they name as related (the terms of a failing sum)
  const notes = new Map<string, { severity?: Severity; lines: string[] }>();
  const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
  const note = (span: { start: number; end: number }, severity: Severity | undefined, line: string) => {
    const k = key(span);
    let n = notes.get(k);
    if (!n) notes.set(k, (n = { lines: [] }));
    if (severity && (!n.severity || RANK[severity] < RANK[n.severity])) n.severity = severity;
    if (!n.lines.includes(line)) n.lines.push(line);
  };
  for (const p of analysis.problems) {
    note(p.span, p.severity, `${p.rule}: ${p.message[locale]}`);
    // the terms of a failing sum carry its equation too, without being marked as the problem's place
    if (p.severity === 'error' || p.severity === 'warning') {
      for (const r of p.related ?? []) if (!r.elsewhere) note(r.span, undefined, `${p.rule}: ${p.message[locale]}`);
    }
  }
  let flagged = 0;
  const cell = (c: ModelCell | null | undefined): ViewCell => {
    if (!c) return { text: '', missing: true };
    const out: ViewCell = { text: c.raw, range: lineIndex.rangeOf(c) };
    const n = notes.get(key(c));
    if (n) {
      out.notes = n.lines;
      if (n.severity) out.severity = n.severity;
      else out.related = true;
      if (n.severity === 'error' || n.severity === 'warning') flagged++;
    }
    return out;
  };
  const h = (text: string, colspan = 1, rowspan = 1): ViewCell => {
    const c: ViewCell = { text, header: true };
    if (colspan > 1) c.colspan = colspan;
    if (rowspan > 1) c.rowspan = rowspan;
    return c;
  };

  // 表二: four sub-tables, each with its heading and header row
  const t2 = report.tables.table2;
  const rows2: ViewCell[][] = [];
  const keys2: (string | undefined)[] = [];
  const format2 = TABLE_FORMATS[t2?.format ?? '2021'];
  for (const sub of format2.table2Subtables) {
    rows2.push([h(sub.heading, 4)]);
    rows2.push([h('信息内容'), ...sub.columns.map((c, k) => h(c, k === sub.columns.length - 1 ? 4 - sub.columns.length : 1))]);
    keys2.push(undefined, undefined);
    for (const label of sub.rows) {
      const spec = format2.table2Rows.find((r) => r.label === label)!;
      const row = t2?.rows.get(label);
      const cells = spec.columns.map((_c, k) => cell(row ? row.cells[k] : undefined));
      if (cells.length === 1) cells[0]!.colspan = 3;
      rows2.push([h(label), ...cells]);
      keys2.push(label);
    }
  }

  // 表三: three label columns (一、 / （一） / 1.), merged as printed; three header rows
  const t3 = report.tables.table3;
  const rows3: ViewCell[][] = [
    [h(zh ? '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' : '(一 + 二 = （七） + 四)', 3, 3), h('申请人情况', 7)],
    [h('自然人', 1, 2), h('法人或其他组织', 5), h('总计', 1, 2)],
    [h('商业企业'), h('科研机构'), h('社会公益组织'), h('法律服务机构'), h('其他')],
  ];
  const specs3 = TABLE_FORMATS[t3?.format ?? '2021'].table3Rows;
  const groupSize = (paren: number) => specs3.filter((r) => r.paren === paren && r.arabic !== undefined).length;
  const resultRows = specs3.filter((r) => r.lead === 3).length;
  const keys3: (string | undefined)[] = [undefined, undefined, undefined];
  const groupName: Record<number, string> = { 3: '（三）不予公开', 4: '（四）无法提供', 5: '（五）不予处理', 6: '（六）其他处理' };
  for (const spec of specs3) {
    const row = t3?.rows.get(spec.key);
    const values = TABLE3_COLUMNS.map((_c, k) => cell(row ? row.cells[k] : undefined));
    const labels: ViewCell[] = [];
    const numeral = ['', '一', '二', '三', '四'][spec.lead]!;
    if (spec.paren === undefined) labels.push(h(`${numeral}、${spec.label}`, 3));
    else {
      if (spec.key === '三.一') labels.push(h('三、本年度办理结果', 1, resultRows));
      const paren = `（${['', '一', '二', '三', '四', '五', '六', '七'][spec.paren]}）`;
      if (spec.arabic === undefined) labels.push(h(`${paren}${spec.label}`, 2));
      else {
        if (spec.arabic === 1) labels.push(h(groupName[spec.paren] ?? paren, 1, groupSize(spec.paren)));
        labels.push(h(`${spec.arabic}.${spec.label}`));
      }
    }
    rows3.push([...labels, ...values]);
    keys3.push(spec.key);
  }

  // 表四: 行政复议 and the two kinds of 行政诉讼, five cells each
  const t4 = report.tables.table4;
  const rows4: ViewCell[][] = [
    [h('行政复议', 5, 2), h('行政诉讼', 10)],
    [h('未经复议直接起诉', 5), h('复议后起诉', 5)],
    [...TABLE4_BLOCKS.flatMap(() => TABLE4_CELLS.map((c) => h(c)))],
    Array.from({ length: 15 }, (_v, k) => cell(t4?.row ? t4.cells[k] : undefined)),
  ];

  const model: TableViewModel = {
    tables: [
      { id: '二', title: zh ? '二、主动公开政府信息情况' : '二 Information published proactively', present: !!t2, rows: rows2, keys: keys2 },
      { id: '三', title: zh ? '三、收到和处理政府信息公开申请情况' : '三 Requests received and handled', present: !!t3, rows: rows3, keys: keys3 },
      { id: '四', title: zh ? '四、政府信息公开行政复议、行政诉讼情况' : '四 Administrative reconsideration and litigation', present: !!t4, rows: rows4, keys: [undefined, undefined, undefined, '四'] },
    ],
    flagged,
  };
  if (report.title) model.title = report.title.text;
  return model;
}
