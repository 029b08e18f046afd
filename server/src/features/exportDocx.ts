/**
 * A report as a Word document (.docx) in the layout government documents are printed in: A4 with the
 * margins of GB/T 9704 (党政机关公文格式), the title centred in 宋体 二号 bold, body in 仿宋 三号 at a
 * fixed 28-point line, section headings in 黑体, sub-item titles in 楷体, page numbers "— 1 —" at the
 * foot, and tables 二, 三 and 四 as real Word tables with the national format's merged header cells and
 * column widths that fit the page (their header rows repeated on each page they run over).
 *
 * Written with the `docx` package (WordprocessingML from objects, zipped with fflate); the fonts are
 * named by the family names Word and WPS resolve on Chinese systems (宋体, 仿宋, 黑体, 楷体), with
 * Times New Roman for Latin text and digits.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { PubBlock, PubTable, Publication } from './publication';

/** twentieths of a point (twips): A4 and GB/T 9704's margins (top 37 mm, bottom 35, left 28, right 26) */
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** sizes in half-points: 二号 22 pt, 三号 16 pt, 小五 9 pt */
const SIZE = { title: 44, body: 32, table: 18 };
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ eastAsia, ascii: LATIN, hAnsi: LATIN, cs: LATIN });
const FONT = { title: font('宋体'), body: font('仿宋'), heading: font('黑体'), lead: font('楷体'), table: font('宋体') };

/** body paragraphs: first line indented two characters, a fixed 28-point line */
const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function run(text: string, f: ReturnType<typeof font>, size: number, bold = false): TextRun {
  return new TextRun({ text, font: f, size, ...(bold ? { bold: true } : {}) });
}

function table(t: PubTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  /** which grid columns each cell starts at: a cell's width is the sum of the columns it spans */
  const covered: number[][] = t.rows.map(() => []);
  const rows = t.rows.map((cells, r) => {
    let col = 0;
    const children = cells.map((c) => {
      while (covered[r]!.includes(col)) col++;
      const span = c.colspan ?? 1;
      const rowspan = c.rowspan ?? 1;
      for (let k = 1; k < rowspan; k++) for (let j = 0; j < span; j++) covered[r + k]?.push(col + j);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return new TableCell({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.text, FONT.table, SIZE.table, c.header === true && r < t.headRows)] })],
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        borders: BORDERS,
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
      });
    });
    return new TableRow({ children, cantSplit: true, ...(r < t.headRows ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

function block(b: PubBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ outlineLevel: 0, indent: { firstLine: 640 }, spacing: BODY_SPACING, keepNext: true, children: [run(b.text, FONT.heading, SIZE.body)] })];
    case 'paragraph': {
      const children = [...(b.lead ? [run(b.lead, FONT.lead, SIZE.body, true)] : []), ...(b.text ? [run(b.text, FONT.body, SIZE.body)] : [])];
      return [new Paragraph({ indent: { firstLine: 640 }, spacing: BODY_SPACING, alignment: AlignmentType.JUSTIFIED, ...(b.lead && !b.text ? { keepNext: true, outlineLevel: 1 } : {}), children })];
    }
    case 'table':
      // a table is followed by an empty line, as Word needs a paragraph between two tables
      return [table(b), new Paragraph({ spacing: BODY_SPACING, children: [] })];
  }
}

/** The report as the bytes of a .docx file. */
export async function exportDocx(pub: Publication): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  if (pub.title) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 }, children: [run(pub.title, FONT.title, SIZE.title, true)] }));
  }
  for (const b of pub.blocks) children.push(...block(b));
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.body, size: 28 })] })],
  });
  const doc = new Document({
    creator: 'gov-report-lint',
    ...(pub.title ? { title: pub.title } : {}),
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, footers: { default: footer }, children }],
  });
  const buffer = await Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
