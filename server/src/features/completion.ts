/**
 * Completion that knows where the cursor is: a section's template in an empty
 * section, the preamble filled from the title, the fee clause in section 六,
 * the rows a table still lacks, the four items after “第二十条第”.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { ARTICLE20_ITEMS, TABLE2_ROWS, TABLE2_SUBTABLES, TABLE3_ROWS, table3RowLabel, table3RowName } from '../format/national';
import snippetsJson from '../../../snippets/gov-annual-report.code-snippets';
import type { Locale } from '../i18n';
import type { Section } from '../model/report';
import { requestsItem, requestsProse } from './prose';

interface SnippetDef {
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS = snippetsJson as unknown as Record<string, SnippetDef>;

/** A snippet's body with the report's own agency and year as the defaults. */
function snippetBody(name: string, agency: string | undefined, year: number | undefined): string {
  const def = Object.entries(SNIPPETS).find(([k]) => k.startsWith(name));
  if (!def) return '';
  let body = def[1].body.join('\n');
  if (year !== undefined) body = body.replace(/\$CURRENT_YEAR/g, String(year));
  if (agency) body = body.replace(/\$\{(\d+):(?:本机关|机关名称)\}/g, (_m, n: string) => `\${${n}:${agency}}`);
  return body;
}

function item(label: string, detail: string, insert: string, sortText: string, doc?: string): CompletionItem {
  const it: CompletionItem = {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertText: insert,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText,
  };
  if (doc) it.documentation = { kind: MarkupKind.Markdown, value: doc };
  return it;
}

const SECTION_SNIPPETS = ['第一部分', '第二部分', '第三部分', '第四部分', '第五部分', '第六部分'];

/** The section the offset belongs to: from its heading to the next section's heading. */
function sectionAt(analysis: Analysis, offset: number): Section | undefined {
  const sections = analysis.report.sections;
  for (let k = 0; k < sections.length; k++) {
    const next = sections[k + 1];
    if (offset >= sections[k]!.heading.end && (!next || offset < next.heading.start)) return sections[k];
  }
  return undefined;
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

export function completionsAt(analysis: Analysis, offset: number, locale: Locale): CompletionItem[] {
  const report = analysis.report;
  const text = analysis.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const lineIsEmpty = text.slice(lineStart, lineEnd).trim() === '' || before.trim() === text.slice(lineStart, lineEnd).trim();
  const zh = locale === 'zh';
  const items: CompletionItem[] = [];

  // after 第二十条第: the four items of table 二
  if (/第二十条第\s*$/.test(before)) {
    ARTICLE20_ITEMS.forEach((a, k) => {
      items.push({
        label: `${a.item}项`,
        kind: CompletionItemKind.EnumMember,
        detail: zh ? `第二十条${a.item}：${a.short}` : `Article 20 item ${a.item}: ${a.short}`,
        documentation: { kind: MarkupKind.Markdown, value: `《中华人民共和国政府信息公开条例》第二十条${a.item}${a.text}` },
        insertText: `${a.item}项`,
        sortText: String(k),
      });
    });
    return items;
  }

  // inside a table: the rows it still lacks
  const { table2, table3 } = report.tables;
  const inside = (t: { start: number; end: number } | undefined) => t && offset >= lineStartOf(text, t.start) && offset <= lineEndOf(text, t.end) + 1;
  if (table3 && inside(table3)) {
    TABLE3_ROWS.forEach((spec, k) => {
      if (table3.rows.has(spec.key)) return;
      const label = table3RowLabel(spec);
      items.push(item(label, zh ? `表三缺少的行：${table3RowName(spec)}` : `Row missing from table 三: ${table3RowName(spec)}`, escapeSnippet(label) + '\t${1}\t\t\t\t\t\t$0', String(k).padStart(2, '0')));
    });
    return items;
  }
  if (table2 && inside(table2)) {
    TABLE2_ROWS.forEach((spec, k) => {
      if (table2.rows.has(spec.label)) return;
      const sub = TABLE2_SUBTABLES.find((s) => s.rows.includes(spec.label))!;
      items.push(item(spec.label, zh ? `表二缺少的行（${sub.heading}）` : `Row missing from table 二 (${sub.heading})`, escapeSnippet(spec.label) + '\t${1}' + '\t'.repeat(spec.columns.length - 1) + '$0', String(k)));
    });
    return items;
  }

  const agency = report.agency;
  const year = report.year;
  const firstHeading = report.sections[0]?.heading.start ?? text.length;
  const afterTitle = report.title ? offset >= report.title.end : true;

  // the preamble, between the title and the first section
  if (afterTitle && offset < firstHeading && lineIsEmpty) {
    items.push(
      item(
        zh ? '前言（引用《条例》和国办公开办函〔2021〕30号）' : 'Preamble (citing the Regulations and 国办公开办函〔2021〕30号)',
        zh ? `按标题填入${agency ?? '机关名称'}和${year ?? '年份'}` : `filled with ${agency ?? 'the agency'} and ${year ?? 'the year'} from the title`,
        snippetBody('前言', agency, year),
        '0',
      ),
    );
    return items;
  }

  const section = sectionAt(analysis, offset);
  if (section && lineIsEmpty) {
    const spec = section.spec;
    if (section.blocks.length === 0) {
      items.push(
        item(
          zh ? `${spec.numeral}、${spec.title}（模板）` : `Template of section ${spec.numeral} (${spec.titleEn})`,
          zh ? '本部分尚无内容：插入国家格式的模板' : 'This section is empty: insert the template of the national format',
          sectionTemplate(spec.id, agency, year),
          '0',
        ),
      );
    }
    if (spec.id === 1) {
      // in the 依申请公开 sub-item: its paragraph written from tables 三 and 四
      const requests = requestsItem(analysis);
      const prose = requests && offset >= requests.subheading.end && offset <= requests.until ? requestsProse(report) : undefined;
      if (prose?.ok) {
        items.push(
          item(
            zh ? '根据表三生成依申请公开情况' : 'Requests paragraph from table 三',
            zh ? '收到、结转、各类办理结果，及表四的行政复议、行政诉讼（数字均取自统计表）' : 'received, carried over, each outcome, and table 四’s reconsideration and suits (numbers from the tables)',
            escapeSnippet(prose.text),
            '0',
            prose.text,
          ),
        );
      }
    }
    if (spec.id === 6) {
      items.push(
        item(zh ? '信息处理费：未收取' : 'Fees: none charged', zh ? '国办函〔2020〕109号' : '国办函〔2020〕109号', snippetBody('信息处理费：未收取', agency, year), '1'),
        item(zh ? '信息处理费：已收取' : 'Fees: charged', zh ? '国办函〔2020〕109号' : '国办函〔2020〕109号', snippetBody('信息处理费：已收取', agency, year), '2'),
      );
    }
    if (spec.id === 4) {
      items.push(item(zh ? '本年度无行政复议、行政诉讼' : 'No reconsideration or litigation this year', '', snippetBody('无行政复议', agency, year), '1'));
    }
  }
  return items;
}

/** A section's template without its heading (the heading is there already). */
function sectionTemplate(id: number, agency: string | undefined, year: number | undefined): string {
  const body = snippetBody(SECTION_SNIPPETS[id - 1]!, agency, year);
  const lines = body.split('\n');
  // drop the heading line and the blank line after it
  return lines.slice(lines[1] === '' ? 2 : 1).join('\n');
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const e = text.indexOf('\n', offset);
  return e < 0 ? text.length : e;
}

