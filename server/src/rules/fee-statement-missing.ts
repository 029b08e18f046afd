import { FEE_SENTENCE } from '../format/national';
import { afterLine, defineRule, headingSpan } from './helpers';

/** Words that speak of the fee: 处理费, 收费 (not 行政事业性收费), 收取…费. */
const STATES_FEE = /处理费|(?<!事业性)收费|收取[^。，]{0,8}费/;
/** What makes a clause about the fee a statement: whether, how many, how much (a title such as （二）信息处理费收取情况 has none of it). */
const STATEMENT = /未|没有|无|不|零|免|已|均|共|\d/;

/** Words about the fee, searched for from a place (one expression, its position set for each search). */
const FEE_WORDS = new RegExp(STATES_FEE.source, 'g');

/** Characters that end a clause (。；;！!？?, line breaks), marked by character code. */
const CLAUSE_END = new Uint8Array(0x10000);
for (const c of '。；;！!？?\n\r') CLAUSE_END[c.charCodeAt(0)] = 1;

/** Does text[start, end) (section 六) state whether the fee was charged: a clause about the fee that says something of it? Read in place. */
function statesFee(text: string, from: number, to: number): boolean {
  // only the clauses around the words about the fee are read
  FEE_WORDS.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = FEE_WORDS.exec(text)) && m.index < to) {
    let start = m.index;
    while (start > from && CLAUSE_END[text.charCodeAt(start - 1)] === 0) start--;
    let end = m.index + m[0].length;
    while (end < to && CLAUSE_END[text.charCodeAt(end)] === 0) end++;
    const clause = text.slice(start, end).replace(/\s+/g, '').replace(/^[(（][一二三四五六七八九十\d]+[)）]/, '');
    if (STATEMENT.test(clause)) return true;
    FEE_WORDS.lastIndex = end;
  }
  return false;
}

/** Section 六 must say whether 信息处理费 was charged (国办函〔2020〕109号). */
export const feeStatement = defineRule(
  {
    id: 'fee-statement-missing',
    severity: 'warning',
    description: { zh: '“六、其他需要报告的事项”未说明信息处理费收取情况。', en: 'Section 六 does not state whether information processing fees were charged.' },
  },
  (report, { problem }) => {
    const section = report.byId.get(6);
    if (!section) return [];
    // the fee rules (国办函〔2020〕109号) apply from 2021: earlier reports have nothing to state
    if (report.year !== undefined && report.year < 2021) return [];
    if (statesFee(report.tree.text, section.heading.end, section.end)) return [];
    return [
      problem(headingSpan(section),
        {
          zh: '第六部分未说明信息处理费收取情况（国办函〔2020〕109号要求报告）',
          en: 'Section 六 does not state whether information processing fees were charged (国办函〔2020〕109号)',
        },
        [
          afterLine(report, section.heading.end, ['', FEE_SENTENCE], {
            zh: `插入“${FEE_SENTENCE}”（请核实）`,
            en: `Insert “${FEE_SENTENCE}” (check it is true)`,
          }),
        ],
      ),
    ];
  },
);
