/**
 * Prose from the tables: the paragraph on requests that section 一's 依申请公开 sub-item carries, written
 * from table 三 (new requests, carried over, each kind of outcome with its count, carried to next
 * year) and table 四 (reconsideration and suits with their outcomes), in the wording reports use.
 * Every number is a cell of the tables (or, for a kind of outcome, its rows' totals added up, and for
 * suits, the two kinds' totals added up — as the TXT-table rule reads them); nothing is written when
 * a cell it needs is empty or unread.
 */
import type { Analysis } from '../check';
import { OVERVIEW_ITEMS, TABLE3_OUTCOMES, TABLE4_CELLS } from '../format/national';
import type { ModelCell } from '../model/cells';
import type { Report } from '../model/report';
import type { Span } from '../parse/text';
import type { SubheadingNode } from '../parse/syntax';

export type RequestsProse = { ok: true; text: string } | { ok: false; unread: string[] };

/** The paragraph on requests from the report's tables 三 and 四 (四 left out when the report has none). */
export function requestsProse(report: Report): RequestsProse {
  const t3 = report.tables.table3;
  if (!t3) return { ok: false, unread: ['表三'] };
  const unread: string[] = [];
  const value = (cell: ModelCell | null | undefined, name: string): number => {
    if (!cell || cell.value === null || cell.issue !== undefined) {
      unread.push(name);
      return 0;
    }
    return cell.value;
  };
  const total = (key: string, name: string) => value(t3.rows.get(key)?.cells[6], name);
  const received = total('一', '表三一·总计');
  const carried = total('二', '表三二·总计');
  const done = total('三.七', '表三（七）·总计');
  const next = total('四', '表三四·总计');
  const outcomes = TABLE3_OUTCOMES.map((o) => {
    const rows = t3.specs.filter((r) => r.lead === 3 && r.paren === o.paren);
    return { name: o.name, count: rows.reduce((n, r) => n + total(r.key, `表三${r.key}·总计`), 0) };
  });
  const t4 = report.tables.table4;
  const cells4 = t4?.row ? TABLE4_CELLS.map((_c, k) => [0, 5, 10].map((b) => value(t4.cells[b + k], `表四第 ${b + k + 1} 格`))) : undefined;
  if (unread.length > 0) return { ok: false, unread };

  const year = report.year !== undefined ? `${report.year}年` : '本年度';
  const who = report.agency ?? '本机关';
  const parts: string[] = [];
  if (received === 0 && carried === 0) parts.push(`${year}，${who}未收到政府信息公开申请，无上年结转申请。`);
  else {
    parts.push(`${year}，${who}共收到政府信息公开申请${received}件，${carried > 0 ? `上年结转${carried}件` : '无上年结转申请'}。`);
    const listed = outcomes.filter((o) => o.count > 0).map((o) => `${o.name}${o.count}件`);
    const after = next > 0 ? `结转下年度继续办理${next}件。` : '无结转下年度继续办理的申请。';
    parts.push(done > 0 ? `已办结${done}件，其中${listed.join('，')}；${after}` : after);
  }
  if (cells4) {
    // cells4[k] = [复议, 直接起诉, 复议后起诉] for 结果维持 … 总计
    const of = (block: number) => TABLE4_CELLS.slice(0, 4).map((name, k) => ({ name, count: cells4[k]![block]! }));
    const detail = (block: number) => {
      const listed = of(block).filter((o) => o.count > 0).map((o) => `${o.name}${o.count}件`);
      return listed.length > 0 ? `（${listed.join('、')}）` : '';
    };
    const review = cells4[4]![0]!;
    const direct = cells4[4]![1]!;
    const afterReview = cells4[4]![2]!;
    if (review === 0 && direct + afterReview === 0) parts.push('全年未发生因政府信息公开引起的行政复议、行政诉讼。');
    else {
      const first = review > 0 ? `因政府信息公开引起行政复议${review}件${detail(0)}` : '未发生因政府信息公开引起的行政复议';
      const kinds = [direct > 0 ? `未经复议直接起诉${direct}件${detail(1)}` : '', afterReview > 0 ? `复议后起诉${afterReview}件${detail(2)}` : ''].filter((x) => x);
      const second = direct + afterReview > 0 ? `行政诉讼${direct + afterReview}件，其中${kinds.join('，')}` : '未发生行政诉讼';
      parts.push(`${first}；${second}。`);
    }
  }
  return { ok: true, text: parts.join('') };
}

/** Section 一's 依申请公开 sub-item: its heading, and where its text ends (before the next sub-item or section). */
export interface RequestsItem {
  subheading: SubheadingNode;
  /** from the sub-item's heading to the end of its last line of text */
  span: Span;
  /** the sub-item has text of its own (after its title, or on lines below it) */
  hasText: boolean;
  /** where the sub-item's part of the section ends: the next sub-item's heading, or the section's end */
  until: number;
}

const PROACTIVE = OVERVIEW_ITEMS[0]!;
const REQUESTS = OVERVIEW_ITEMS[1]!;

export function requestsItem(analysis: Analysis): RequestsItem | undefined {
  const section = analysis.report.byId.get(1);
  if (!section) return undefined;
  const subs = section.subheadings;
  // the sub-item on requests; one titled for both kinds of disclosure (主动公开和依申请公开) only when there is no other
  const candidates = subs.flatMap((s, i) => (s.style !== 'shi' && REQUESTS.keywords.test(s.label) ? [i] : []));
  const k = candidates.find((i) => !PROACTIVE.keywords.test(subs[i]!.label)) ?? candidates[0];
  if (k === undefined) return undefined;
  const subheading = subs[k]!;
  // the next sub-item of the same kind of numbering, or the end of the section
  const next = subs.slice(k + 1).find((s) => s.style === subheading.style && s.ordinal > subheading.ordinal);
  const limit = next ? next.start : section.end;
  let end = subheading.end;
  for (const b of section.blocks) if (b.start >= subheading.end && b.end <= limit && b.end > end) end = b.end;
  const text = analysis.text;
  const own = text.slice(subheading.labelSpan.end, subheading.end).replace(/^[。：:．.\s]+/, '').trim();
  return { subheading, span: { start: subheading.start, end }, hasText: own !== '' || end > subheading.end, until: limit };
}

/**
 * Where the paragraph goes: on a line of its own after the sub-item's last line of text (in a line
 * of run-together text — a crawled article on one line — between the sub-item and what follows it).
 */
export function requestsInsertion(analysis: Analysis, item: RequestsItem, paragraph: string): { at: number; newText: string } {
  const text = analysis.text;
  const lineEnd = text.indexOf('\n', item.span.end);
  const end = lineEnd < 0 ? text.length : lineEnd;
  if (text.slice(item.span.end, end).trim() === '') return { at: end, newText: '\n' + paragraph };
  return { at: item.span.end, newText: '\n' + paragraph + '\n' };
}
