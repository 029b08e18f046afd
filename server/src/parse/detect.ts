/**
 * Is this text an annual report? Used to give plain-text and Markdown files
 * the report language, and by the CLI when it searches directories. Cheap:
 * it reads only the first lines.
 */
import { TITLE_PHRASE } from './title-phrase';

const HEAD_LINES = 60;
const HEAD_CHARS = 8000;

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
  return false;
}
