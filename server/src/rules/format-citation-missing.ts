/**
 * The preamble of a report in the 2021 format cites what it is written under, but not the notice that
 * sets the format (国办公开办函〔2021〕30号) — often only the 条例, or the 2019 trial format's notice.
 */
import { FORMAT_CITATION } from '../format/national';
import { toHalfWidth } from '../parse/text';
import type { Span } from '../parse/text';
import { defineRule, ruleMemo } from './helpers';

/** Words a sentence citing its grounds starts from. */
const GROUNDS_RE = /根据|依据|按照|依照|遵照|为贯彻|为落实/;
/** Where the 条例 is cited: its full title, with what it is called after (（以下简称《条例》）, （国务院令第711号…）). */
const REGULATIONS_RE = /《中华人民共和国政府信息公开条例》(?:[(（][^()（）]{0,40}[)）])?/;

export const formatCitationMissing = defineRule(
  {
    id: 'format-citation-missing',
    severity: 'information',
    description: {
      zh: '前言引用了编制依据，却没有引用规定年度报告格式的国办公开办函〔2021〕30号。',
      en: 'The preamble cites its grounds but not the notice that sets the format (国办公开办函〔2021〕30号).',
    },
  },
  (report, { problem }) => {
    const span = report.tree.preamble;
    if (!span || report.format !== '2021' || report.year === undefined || report.year < FORMAT_CITATION.since) return [];
    const found = citationCache.get(report.tree.text.slice(span.start, span.end), uncited);
    if (!found) return [];
    const { sentence, superseded, insertAt } = found;
    const fixes =
      insertAt !== undefined
        ? [
            {
              title: { zh: `在《条例》之后引用${FORMAT_CITATION.number}`, en: `Cite ${FORMAT_CITATION.number} after the Regulations` },
              edits: [{ span: { start: span.start + insertAt, end: span.start + insertAt }, newText: `和${FORMAT_CITATION.notice}（${FORMAT_CITATION.number}）` }],
            },
          ]
        : undefined;
    return [
      problem({ start: span.start + sentence.start, end: span.start + sentence.end },
        {
          zh: `前言未引用规定年度报告格式的${FORMAT_CITATION.number}${superseded ? '（所引的是 2019 年试行格式的通知，已由该文替代）' : ''}`,
          en: `The preamble does not cite ${FORMAT_CITATION.number}, which sets the report's format${superseded ? ' (it cites the 2019 notice of the trial format, which that notice replaced)' : ''}`,
        },
        fixes,
      ),
    ];
  },
);

/** A preamble that cites its grounds but not the notice: the sentence citing them, and where the notice goes (offsets in the preamble). */
interface Uncited {
  sentence: Span;
  superseded: boolean;
  insertAt?: number;
}

/** What each preamble cites, remembered by its text (a preamble rarely changes while the body is typed). */
const citationCache = ruleMemo<Uncited | null>(1_000);

function uncited(raw: string): Uncited | null {
  const text = toHalfWidth(raw);
  if (FORMAT_CITATION.cited.test(text)) return null;
  // only a preamble that cites its grounds (a report pasted from its first heading has none to amend)
  const grounds = GROUNDS_RE.exec(text);
  if (!grounds || !/条例|通知|办法|要求/.test(text.slice(grounds.index, grounds.index + 200))) return null;
  // the sentence that cites them
  let end = text.slice(grounds.index).search(/[。；;\n]/);
  end = end < 0 ? text.length : grounds.index + end;
  const found: Uncited = { sentence: { start: grounds.index, end }, superseded: FORMAT_CITATION.superseded.test(text) };
  const regulations = REGULATIONS_RE.exec(raw);
  if (regulations && regulations.index >= grounds.index && regulations.index < end) found.insertAt = regulations.index + regulations[0].length;
  return found;
}
