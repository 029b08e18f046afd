/**
 * A report's agency and year without parsing all of it: only the lines its title can stand in. Used
 * where many reports are indexed (the CLI's cross-year pairs, the language server's workspace index).
 */
import { TITLE_PHRASE } from '../format/national';
import { parseTitle } from './parser';

/**
 * A report's agency and year from its title. The title is looked for in the first lines (parser.ts
 * TITLE_SEARCH_LINES): only the lines up to the title phrase (and a few after it) are parsed — first
 * up to where the phrase first ends (most reports: their first lines, whatever their prose says after),
 * and only when no title is there up to where it last ends (a covering letter names the report before
 * its title does). The parser takes the first title it meets, line by line: one found in fewer lines is
 * the one all of them give.
 */
/** The lines a title phrase is looked for in (titleLines). */
const TITLE_SEARCH = 130;
/** The lines that decide a text's title (titleOf): those titleLines looks at, and the three it may keep after them, each with its line break. */
export const TITLE_TEXT_LINES = TITLE_SEARCH + 3;

export function titleOf(text: string): { agency?: string; year?: number } {
  const first = titleLines(text, 'first');
  let title = parseTitle(first);
  if (!title) {
    const last = titleLines(text);
    if (last.length > first.length) title = parseTitle(last);
  }
  const out: { agency?: string; year?: number } = {};
  if (title?.agency !== undefined) out.agency = title.agency;
  if (title?.year !== undefined) out.year = title.year;
  return out;
}

/**
 * The first lines of a text, as far as the title can reach: to three lines after the last of its first
 * 130 lines where the title phrase ends (white space set aside, also across a line break; a covering
 * letter names the report before its title does), or none of them when no line has it. `upTo`
 * 'first': to three lines after the first such line instead.
 */
export function titleLines(text: string, upTo: 'first' | 'last' = 'last'): string {
  // only a line that has the phrase's last character, or follows one that has it, can end it: the
  // others are passed over without taking their white space out (most of a report's first lines)
  const lastChar = TITLE_PHRASE[TITLE_PHRASE.length - 1]!;
  let nextLast = text.indexOf(lastChar);
  let at = -1;
  let prevStart = 0;
  let prevEnd = 0;
  let prevHas = false;
  let cut = 0;
  for (let k = 0; k < TITLE_SEARCH; k++) {
    const next = text.indexOf('\n', at + 1);
    const end = next < 0 ? text.length : next;
    while (nextLast >= 0 && nextLast <= at) nextLast = text.indexOf(lastChar, nextLast + 1);
    const has = nextLast >= 0 && nextLast < end;
    if (has || prevHas) {
      const line = text.slice(at + 1, end).replace(/\s+/g, '');
      const before = k > 0 ? text.slice(prevStart, prevEnd).replace(/\s+/g, '') : '';
      if ((before + line).includes(TITLE_PHRASE)) {
        cut = k + 4;
        if (upTo === 'first') break;
      }
    }
    if (next < 0) break;
    prevHas = has;
    prevStart = at + 1;
    prevEnd = end;
    at = next;
  }
  // the end of line `cut` (0-based count of lines kept)
  let end = -1;
  for (let k = 0; k < cut; k++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end + 1);
}
