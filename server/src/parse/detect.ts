/**
 * Is this text an annual report? Used to give plain-text and Markdown files
 * the report language, and by the CLI when it searches directories. Cheap:
 * it reads only the first lines.
 */
import { sectionNamed } from '../format/national';
import { TITLE_PHRASE } from './title-phrase';

const HEAD_LINES = 60;
const HEAD_CHARS = 8000;

/** How far a report pasted from its first heading (no title) is read for its section headings. */
const BODY_CHARS = 30_000;
/** A section heading, at a line's start or inline (a flattened page): its numeral and the words after it. */
const SECTION_HEADING_RE = /(?:^|[\n。；！？\s\d）)])\s*(?:#+\s*|\*\*)?([一二三四五六])\s*[、.．]\s*([^\n。，,；\d]{2,24})/g;

export function looksLikeReport(text: string): boolean {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  const lines = head.split(/\r\n|\r|\n/, HEAD_LINES);
  // A title may be split over two lines, so look at each line joined with the next.
  let previous = '';
  for (const line of lines) {
    const c = line.replace(/[\s\u3000*#]+/g, '');
    if (c === '') continue;
    if ((previous + c).includes(TITLE_PHRASE)) return true;
    previous = c;
  }
  return hasSectionHeadings(text.length > BODY_CHARS ? text.slice(0, BODY_CHARS) : text);
}

/**
 * A report without its title (pasted from its first heading): at least four of the six sections'
 * headings, each naming its own section (一、总体情况 … 六、其他需要报告的事项).
 */
function hasSectionHeadings(text: string): boolean {
  const seen = new Set<number>();
  SECTION_HEADING_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SECTION_HEADING_RE.exec(text))) {
    const numeral = '一二三四五六'.indexOf(m[1]!) + 1;
    if (sectionNamed(m[2]!, numeral) === numeral) seen.add(numeral);
    if (seen.size >= 4) return true;
  }
  return false;
}
