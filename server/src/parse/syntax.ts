/**
 * The syntax tree: what the text says, with exact positions, before any
 * knowledge of the national format. Every node carries a span (UTF-16
 * offsets into the document).
 */
import type { Line, Span } from './text';

export interface TitleNode extends Span {
  kind: 'title';
  /** the physical lines the title occupies (a title may be split over two) */
  lines: Span[];
  /** the title text with white space removed */
  text: string;
  /** the body that publishes the report, as written before the year */
  agency?: string;
  year?: number;
}

/** A numbered heading line: 一、… 六、 (also 一. / 一．, with Markdown markup). */
export interface HeadingNode extends Span {
  kind: 'heading';
  /** value of the Chinese numeral (一 → 1) */
  number: number;
  numeralSpan: Span;
  /** the heading text after the numeral and its separator */
  text: string;
  textSpan: Span;
}

export type SubheadingStyle = 'paren' | 'shi' | 'arabic';

/** A sub-item: （一）… / (一) … / 一是… / 1. … */
export interface SubheadingNode extends Span {
  kind: 'subheading';
  style: SubheadingStyle;
  ordinal: number;
  markerSpan: Span;
  /** the sub-item's own title: the text after the marker up to the first 。 or ： */
  label: string;
  labelSpan: Span;
}

export interface ParagraphNode extends Span {
  kind: 'paragraph';
  /** the physical lines of the paragraph (page breaks join several) */
  lines: Span[];
}

/** tab-separated, Markdown pipes, space-aligned (PDF text), or run together in a flattened line (flat.ts: a label and its runs of digits) */
export type TableLayout = 'tab' | 'pipe' | 'space' | 'run';

export interface CellNode extends Span {
  /** raw cell text, trimmed (the span covers exactly this text; empty cells have an empty span) */
  text: string;
}

export interface TableRowNode extends Span {
  kind: 'row';
  line: number;
  cells: CellNode[];
  /** a Markdown |---|---| separator row */
  separator?: boolean;
}

export interface TableNode extends Span {
  kind: 'table';
  layout: TableLayout;
  rows: TableRowNode[];
}

export type BlockNode = HeadingNode | SubheadingNode | ParagraphNode | TableNode;

export interface ParseProblem extends Span {
  code: string;
  message: { zh: string; en: string };
}

export interface DateParts {
  year?: number;
  month: number;
  day: number;
}

/** The statistics-period sentence: "本报告所列数据统计期限为2023年1月1日至12月31日". */
export interface PeriodNode extends Span {
  kind: 'period';
  from: DateParts & { year: number };
  to: DateParts;
  /** where the dates stand, for fixes */
  fromSpan: Span;
  toSpan: Span;
}

export interface SyntaxTree {
  text: string;
  /** the physical lines */
  lines: Line[];
  /**
   * the lines as read, when a line of flattened text (a whole article on one line) was cut into its
   * pieces: headings, sub-items, paragraphs, table rows, each keeping its physical line's index;
   * undefined when no line was (then the lines as read are the physical lines)
   */
  pieces?: Line[];
  /** text before the title (e.g. a cover letter), if any */
  preface?: Span;
  title?: TitleNode;
  /** the text between the title and the first heading (citing the 条例 and the format, the period, where to read the report) */
  preamble?: Span;
  period?: PeriodNode;
  /** everything after the title (or the whole document when there is none), in order */
  blocks: BlockNode[];
  problems: ParseProblem[];
}
