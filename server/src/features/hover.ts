import { Hover, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../check';
import { ARTICLE20_ITEMS, TABLE3_ARTICLES, TABLE3_COLUMNS, TABLE4_BLOCKS, TABLE4_CELLS, table3RowName } from '../format/national';
import type { Locale } from '../i18n';
import { indexCells } from '../model/cellIndex';
import { Equation, cellValue, equationsOf } from '../model/equations';
import type { Span } from '../parse/text';

const KIND_NAMES: Record<Equation['kind'], { zh: string; en: string }> = {
  'T3-row': { zh: '行合计（总计 = 六类申请人之和）', en: 'row total (total = six applicant columns)' },
  'T3-column': { zh: '列合计（（七）总计 = 各项办理结果之和）', en: 'column total (（七） = the 21 results)' },
  'T3-balance': { zh: '勾稽关系（一 + 二 = （七）+ 四）', en: 'balance (一 + 二 = （七） + 四)' },
  'T4-block': { zh: '表四合计（维持 + 纠正 + 其他 + 尚未审结 = 总计）', en: 'table 四 total (upheld + corrected + other + pending = total)' },
};

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function equationLine(eq: Equation, locale: Locale): string {
  const name = KIND_NAMES[eq.kind][locale];
  const subject = eq.subject;
  if (!eq.known) return locale === 'zh' ? `- ${name} · ${subject}：有单元格位置不确定，无法核对` : `- ${name} · ${subject}: some cells have no certain place; not checked`;
  const left = eq.left.map((t) => fmt(cellValue(t.cell))).join(' + ');
  const right = eq.right.map((t) => fmt(cellValue(t.cell))).join(' + ');
  const sums = `${left}${eq.left.length > 1 ? ` = ${fmt(eq.leftSum)}` : ''} ⟷ ${eq.right.length > 6 ? fmt(eq.rightSum) : `${right} = ${fmt(eq.rightSum)}`}`;
  const state = eq.holds ? '✓' : locale === 'zh' ? `✗ 差 ${fmt(eq.leftSum - eq.rightSum)}` : `✗ off by ${fmt(eq.leftSum - eq.rightSum)}`;
  const blanks = eq.unreadable.length > 0 ? (locale === 'zh' ? `（${eq.unreadable.length} 格为空或无法识别，按 0 计）` : ` (${eq.unreadable.length} empty or unreadable, counted as 0)`) : '';
  return `- ${name} · ${subject}${locale === 'zh' ? '：' : ': '}${sums} ${state}${blanks}`;
}

function cellHover(analysis: Analysis, offset: number, locale: Locale): Hover | undefined {
  const report = analysis.report;
  const hit = indexCells(report).find((c) => inside(c.cell, offset));
  if (!hit) return undefined;
  const cell = hit.cell;
  const value =
    cell.issue === 'empty'
      ? locale === 'zh' ? '为空' : 'empty'
      : cell.issue === 'placeholder'
        ? locale === 'zh' ? `“${cell.raw}”（占位符，应填数字）` : `“${cell.raw}” (a placeholder)`
        : cell.issue === 'residue' || cell.issue === 'text'
          ? locale === 'zh' ? `“${cell.raw}”（无法识别为数字）` : `“${cell.raw}” (not a number)`
          : fmt(cell.value ?? 0);
  const lines = [`**${hit.identity}**`, '', locale === 'zh' ? `数值：${value}` : `Value: ${value}`];
  const eqs = equationsOf(report.tables).filter((eq) => [...eq.left, ...eq.right].some((t) => t.cell === cell));
  if (eqs.length > 0) {
    lines.push('', locale === 'zh' ? '参与的合计：' : 'Sums it takes part in:', '');
    for (const eq of eqs) lines.push(equationLine(eq, locale));
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: analysis.lineIndex.rangeOf(cell.start === cell.end ? { start: cell.start, end: cell.end } : cell),
  };
}

function tableHeadingHover(analysis: Analysis, offset: number, locale: Locale): Hover | undefined {
  const { table2, table3, table4 } = analysis.report.tables;
  const md = (title: string, body: string[], span: Span): Hover => ({
    contents: { kind: MarkupKind.Markdown, value: [`**${title}**`, '', ...body].join('\n') },
    range: analysis.lineIndex.rangeOf(span),
  });
  if (table2) {
    for (const sub of table2.subtableSpecs) {
      const span = table2.subtables.get(sub.item);
      if (span && inside(span, offset)) {
        const article = ARTICLE20_ITEMS.find((a) => a.item === sub.item);
        const quote = `> 《中华人民共和国政府信息公开条例》第二十条　行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：……${sub.item}${article?.text ?? ''}`;
        return md(
          sub.heading,
          locale === 'zh'
            ? [quote, '', `行：${sub.rows.join('、')}`, `列：${sub.columns.join('、')}`, '', '件数为非负整数；收费金额单位为万元，可有小数。']
            : [quote, '', `Rows: ${sub.rows.join(', ')}`, `Columns: ${sub.columns.join(', ')}`],
          span,
        );
      }
    }
  }
  if (table3) {
    for (const spec of table3.specs) {
      const row = table3.rows.get(spec.key);
      if (!row) continue;
      const cell = row.observed.labelCells.find((c) => inside(c, offset));
      if (!cell) continue;
      const basis = TABLE3_ARTICLES[spec.key]!;
      return md(
        `表三 · ${table3RowName(spec)}`,
        locale === 'zh'
          ? [`依据：《中华人民共和国政府信息公开条例》${basis.article}`, '', basis.gist]
          : [`Basis: Regulations on the Disclosure of Government Information, ${basis.article}`, '', basis.gist],
        cell,
      );
    }
  }
  if (table3 && table3.header.length > 0) {
    const first = table3.header[0]!;
    const span = { start: first.start, end: first.end };
    if (inside(span, offset)) {
      return md(
        locale === 'zh' ? '表三 · 收到和处理政府信息公开申请情况' : 'Table 三 · requests received and handled',
        locale === 'zh'
          ? [`列：${TABLE3_COLUMNS.join('、')}`, '行：一、本年新收；二、上年结转；三、本年度办理结果（（一）予以公开，（二）部分公开，（三）不予公开 1–8，（四）无法提供 1–3，（五）不予处理 1–5，（六）其他处理 1–3，（七）总计）；四、结转下年度继续办理', '', '每行：总计 = 六类申请人之和；每列：（七）总计 = 各项办理结果之和；一 + 二 = （七）+ 四。']
          : [`Columns: ${TABLE3_COLUMNS.join(', ')}`, 'Each row: total = six applicant columns; each column: （七） = the 21 results; 一 + 二 = （七） + 四.'],
        span,
      );
    }
  }
  if (table4 && table4.header.length > 0) {
    const first = table4.header[0]!;
    const span = { start: first.start, end: first.end };
    if (inside(span, offset)) {
      return md(
        locale === 'zh' ? '表四 · 行政复议、行政诉讼情况' : 'Table 四 · reconsideration and litigation',
        [`${TABLE4_BLOCKS.join(' | ')}`, '', `${locale === 'zh' ? '每组' : 'Each block'}：${TABLE4_CELLS.join('、')}`, '', locale === 'zh' ? '每组：维持 + 纠正 + 其他 + 尚未审结 = 总计。' : 'Each block: upheld + corrected + other + pending = total.'],
        span,
      );
    }
  }
  return undefined;
}

function sectionHover(analysis: Analysis, offset: number, locale: Locale): Hover | undefined {
  for (const section of analysis.report.sections) {
    const h = section.heading;
    if (!inside(h, offset)) continue;
    const spec = section.spec;
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: [`**${spec.numeral}、${spec.title}**`, '', spec.requires[locale]].join('\n'),
      },
      range: analysis.lineIndex.rangeOf(h),
    };
  }
  return undefined;
}

/** Hover at an offset: a table cell (its identity and sums), a table heading, a section heading. */
export function hoverAt(analysis: Analysis, offset: number, locale: Locale): Hover | undefined {
  return cellHover(analysis, offset, locale) ?? tableHeadingHover(analysis, offset, locale) ?? sectionHover(analysis, offset, locale);
}
