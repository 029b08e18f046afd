/**
 * The national format (国办公开办函〔2021〕30号) as data. Rules, hovers,
 * completions and the table mapping read what they need from here; no rule
 * spells a section title or row label of its own.
 */

export interface SectionSpec {
  /** 1 … 6 */
  id: number;
  numeral: string;
  /** the standard title, without the numeral */
  title: string;
  /** English name, for messages when the display language is not Chinese */
  titleEn: string;
  /** key words that identify this section's heading when its wording varies (any one suffices) */
  keywords: RegExp;
  /** what the format wants in this section (shown in hovers) */
  requires: { zh: string; en: string };
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 1,
    numeral: '一',
    title: '总体情况',
    titleEn: 'Overview',
    keywords: /总体情况|总体概况|基本情况|概述/,
    requires: {
      zh: '概述全年工作，并分主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面报告。',
      en: 'An overview of the year, with five sub-items: proactive disclosure, disclosure on request, information management, platforms, supervision.',
    },
  },
  {
    id: 2,
    numeral: '二',
    title: '主动公开政府信息情况',
    titleEn: 'Proactive disclosure',
    keywords: /主动公开/,
    requires: {
      zh: '第二十条第（一）、（五）、（六）、（八）项四个统计表。',
      en: 'The four sub-tables for Article 20 items (1), (5), (6) and (8).',
    },
  },
  {
    id: 3,
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    titleEn: 'Requests received and handled',
    keywords: /收到和处理|收到与处理|依申请公开|公开申请情况|处理政府信息公开申请/,
    requires: {
      zh: '申请情况统计表（7 列申请人类别，25 行数据），须满足“第一项加第二项之和，等于第三项加第四项之和”。',
      en: 'The request table (7 applicant columns, 25 rows); 一 + 二 must equal （七） + 四.',
    },
  },
  {
    id: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    titleEn: 'Administrative reconsideration and litigation',
    keywords: /行政复议|行政诉讼/,
    requires: {
      zh: '行政复议、行政诉讼统计表（15 个数字，三组各五项）。',
      en: 'The reconsideration and litigation table (15 numbers in three blocks of five).',
    },
  },
  {
    id: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    titleEn: 'Main problems and improvements',
    keywords: /问题|改进/,
    requires: {
      zh: '如实说明存在的主要问题及改进措施，不能为空或仅写“无”。人民政府还应报告工作考核、社会评议和责任追究结果情况。',
      en: 'The main problems and how they are being addressed; not empty, not just “无”.',
    },
  },
  {
    id: 6,
    numeral: '六',
    title: '其他需要报告的事项',
    titleEn: 'Other matters',
    keywords: /其他需要报告|其他事项|其他需报告|其他报告/,
    requires: {
      zh: '须说明信息处理费收取情况（国办函〔2020〕109号）；通常还包括年度政务公开工作要点落实情况等。',
      en: 'Must state whether information processing fees were charged (国办函〔2020〕109号).',
    },
  },
];

export function sectionSpec(id: number): SectionSpec | undefined {
  return SECTIONS.find((s) => s.id === id);
}

/** Table 三's seven value columns, in order. */
export const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

export interface Table3RowSpec {
  /** the key used by `--tables` (一, 二, 三.一, 三.三.1 …) */
  key: string;
  label: string;
  /** the numbering a row label carries: 一、 (lead), （一） (paren), 1. (arabic); for 三.三.1 … the group's paren */
  lead: number;
  paren?: number;
  arabic?: number;
}

const T3_GROUPS: { paren: number; labels: string[] }[] = [
  { paren: 3, labels: ['属于国家秘密', '其他法律行政法规禁止公开', '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷', '属于行政查询事项'] },
  { paren: 4, labels: ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'] },
  { paren: 5, labels: ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'] },
  { paren: 6, labels: ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他'] },
];

const GROUP_KEY = ['', '一', '二', '三', '四', '五', '六', '七'];

/** Table 三's 25 rows that carry numbers, in order. */
export const TABLE3_ROWS: readonly Table3RowSpec[] = [
  { key: '一', label: '本年新收政府信息公开申请数量', lead: 1 },
  { key: '二', label: '上年结转政府信息公开申请数量', lead: 2 },
  { key: '三.一', label: '予以公开', lead: 3, paren: 1 },
  { key: '三.二', label: '部分公开（区分处理的，只计这一情形，不计其他情形）', lead: 3, paren: 2 },
  ...T3_GROUPS.flatMap((g) =>
    g.labels.map((label, k) => ({ key: `三.${GROUP_KEY[g.paren]}.${k + 1}`, label, lead: 3, paren: g.paren, arabic: k + 1 })),
  ),
  { key: '三.七', label: '总计', lead: 3, paren: 7 },
  { key: '四', label: '结转下年度继续办理', lead: 4 },
];

/** Table 三's six kinds of outcome (（一） … （六）), by the paren of their rows, as prose names them. */
export const TABLE3_OUTCOMES: readonly { paren: number; name: string }[] = [
  { paren: 1, name: '予以公开' },
  { paren: 2, name: '部分公开' },
  { paren: 3, name: '不予公开' },
  { paren: 4, name: '无法提供' },
  { paren: 5, name: '不予处理' },
  { paren: 6, name: '其他处理' },
];

/** Group labels of table 三 that carry no numbers themselves. */
export const TABLE3_GROUP_LABELS = ['本年度办理结果', '不予公开', '无法提供', '不予处理', '其他处理', '申请人情况', '法人或其他组织'];

/** Printed under the table title: the 勾稽关系 the table must satisfy. */
export const TABLE3_BALANCE_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和';

export interface Table2RowSpec {
  /** the row label, also its key in `--tables` */
  label: string;
  /** the 第二十条 item of its sub-table */
  item: string;
  columns: readonly string[];
  /** counts are whole numbers; the fee amount (万元) may have decimals */
  kind: 'count' | 'amount';
  /** per column, where they differ from `kind`: the 2019 format's 本年增/减 may be negative, its 采购总金额 is an amount */
  columnKinds?: readonly ('count' | 'amount' | 'delta')[];
}

/** Table 二's six rows in their four sub-tables (第二十条第（一）、（五）、（六）、（八）项). */
export const TABLE2_ROWS: readonly Table2RowSpec[] = [
  { label: '规章', item: '（一）', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], kind: 'count' },
  { label: '行政规范性文件', item: '（一）', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], kind: 'count' },
  { label: '行政许可', item: '（五）', columns: ['本年处理决定数量'], kind: 'count' },
  { label: '行政处罚', item: '（六）', columns: ['本年处理决定数量'], kind: 'count' },
  { label: '行政强制', item: '（六）', columns: ['本年处理决定数量'], kind: 'count' },
  { label: '行政事业性收费', item: '（八）', columns: ['本年收费金额'], kind: 'amount' },
];

/** Labels of the 2019 trial format (国办公开办函〔2019〕60号) that the 2021 format dropped. */
export const FORMAT_2019_LABELS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '本年增／减', '政府集中采购'];


/** Table 四: three blocks of five cells. */
export const TABLE4_BLOCKS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'] as const;
export const TABLE4_CELLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

const PAREN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八'];

/** How a row of table 三 is named in messages: "（四）2.没有现成信息需要另行制作", "一、本年新收政府信息公开申请数量". */
export function table3RowName(spec: Table3RowSpec): string {
  if (spec.paren === undefined) return `${PAREN_NUMERALS[spec.lead]}、${spec.label}`;
  const group = `（${PAREN_NUMERALS[spec.paren]}）`;
  if (spec.arabic === undefined) return `${group}${spec.label}`;
  const groupLabel = { 3: '不予公开', 4: '无法提供', 5: '不予处理', 6: '其他处理' }[spec.paren] ?? '';
  return `${group}${groupLabel} ${spec.arabic}.${spec.label}`;
}

/** The label a row of table 三 is written with in the table (as in the national format). */
export function table3RowLabel(spec: Table3RowSpec): string {
  if (spec.paren === undefined) return `${PAREN_NUMERALS[spec.lead]}、${spec.label}`;
  if (spec.arabic === undefined) return `（${PAREN_NUMERALS[spec.paren]}）${spec.label}`;
  return `${spec.arabic}.${spec.label}`;
}

/** The heading row of each of table 二's sub-tables. */
export const TABLE2_SUBTABLES: readonly Table2SubtableSpec[] = [
  { item: '（一）', heading: '第二十条第（一）项', rows: ['规章', '行政规范性文件'], columns: ['本年制发件数', '本年废止件数', '现行有效件数'] },
  { item: '（五）', heading: '第二十条第（五）项', rows: ['行政许可'], columns: ['本年处理决定数量'] },
  { item: '（六）', heading: '第二十条第（六）项', rows: ['行政处罚', '行政强制'], columns: ['本年处理决定数量'] },
  { item: '（八）', heading: '第二十条第（八）项', rows: ['行政事业性收费'], columns: ['本年收费金额（单位：万元）'] },
];

/** Table 三's header as the format prints it: first the balance note, then the column labels. */
export const TABLE3_HEADER_ROWS: readonly string[][] = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '', '', '', '', '', ''],
  ['', '自然人', '法人或其他组织', '', '', '', '', '总计'],
  ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
];

/** Table 四's header rows. */
export const TABLE4_HEADER_ROWS: readonly string[][] = [
  ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
  ['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];

/** The documents a report's preamble cites: the Regulations, and the notice that sets this format. */
export const FORMAT_CITATION = {
  regulations: '《中华人民共和国政府信息公开条例》',
  notice: '《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》',
  number: '国办公开办函〔2021〕30号',
  /** the first year whose report follows the notice (it was issued in September 2021) */
  since: 2021,
  /** a preamble cites the notice: by its number (any brackets), or by the words of its title */
  cited: /2021\s*[\]）)〕】］]\s*(?:第\s*)?30\s*号|年度报告格式/,
  /** the notice of the 2019 trial format (国办公开办函〔2019〕60号), which the 2021 notice replaced */
  superseded: /2019\s*[\]）)〕】］]\s*(?:第\s*)?60\s*号|年度报告有关事项的通知/,
} as const;

/** The standard sentence on 信息处理费 for section 六. */
export const FEE_SENTENCE = '本年度未收取信息处理费。';

/** The five sub-items of 一、总体情况, recognised by key words. */
export const OVERVIEW_ITEMS: readonly { name: string; nameEn: string; keywords: RegExp }[] = [
  { name: '主动公开', nameEn: 'proactive disclosure', keywords: /主动公开/ },
  { name: '依申请公开', nameEn: 'disclosure on request', keywords: /依申请|申请公开/ },
  { name: '政府信息管理', nameEn: 'information management', keywords: /信息管理|政府信息管理/ },
  { name: '政府信息公开平台建设', nameEn: 'disclosure platforms', keywords: /平台/ },
  { name: '监督保障', nameEn: 'supervision and safeguards', keywords: /监督|保障/ },
];

/** The items of 《条例》第二十条 that table 二 reports on. */
export const ARTICLE20_ITEMS: readonly { item: string; short: string; text: string }[] = [
  { item: '（一）', short: '行政法规、规章和规范性文件', text: '行政法规、规章和规范性文件；' },
  { item: '（五）', short: '行政许可', text: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；' },
  { item: '（六）', short: '行政处罚、行政强制', text: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定；' },
  { item: '（八）', short: '行政事业性收费', text: '行政事业性收费项目及其依据、标准；' },
];

/** The article of 《条例》 each row of table 三 rests on (format-spec §1). */
export const TABLE3_ARTICLES: Readonly<Record<string, { article: string; gist: string }>> = {
  一: { article: '第二十七条', gist: '除主动公开的政府信息外，公民、法人或者其他组织可以向行政机关申请获取相关政府信息。' },
  二: { article: '第三十三条', gist: '行政机关应当在收到申请之日起 20 个工作日内予以答复；上年未办结的申请结转至本年办理。' },
  '三.一': { article: '第三十六条第（一）、（二）项', gist: '所申请公开信息已经主动公开或可以公开的，予以公开或告知获取方式。' },
  '三.二': { article: '第三十七条', gist: '申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，应当提供可以公开的部分。' },
  '三.三.1': { article: '第十四条', gist: '依法确定为国家秘密的政府信息不予公开。' },
  '三.三.2': { article: '第十四条', gist: '法律、行政法规禁止公开的政府信息不予公开。' },
  '三.三.3': { article: '第十四条', gist: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息不予公开。' },
  '三.三.4': { article: '第十五条', gist: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开（第三方同意或公共利益需要的除外）。' },
  '三.三.5': { article: '第十六条第一款', gist: '行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。' },
  '三.三.6': { article: '第十六条第二款', gist: '讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开。' },
  '三.三.7': { article: '第十六条第二款', gist: '行政执法案卷信息，可以不予公开。' },
  '三.三.8': { article: '第三十六条第（七）项', gist: '所申请信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定的，告知依照其规定办理。' },
  '三.四.1': { article: '第三十六条第（四）、（五）项', gist: '经检索没有所申请公开信息，或所申请信息不属于本行政机关负责公开的，告知申请人。' },
  '三.四.2': { article: '第三十八条', gist: '行政机关向申请人提供的信息应当是已制作或者获取的政府信息；需要对现有信息进行加工、分析的，可以不予提供。' },
  '三.四.3': { article: '第三十条', gist: '申请内容不明确的，应当一次性告知申请人补正；补正后仍不明确的，无法提供。' },
  '三.五.1': { article: '第三十九条第一款', gist: '以政府信息公开申请的形式进行信访、投诉、举报等活动的，告知申请人不作为政府信息公开申请处理。' },
  '三.五.2': { article: '第三十六条第（六）项', gist: '申请人重复申请公开相同政府信息的，告知申请人不予重复处理。' },
  '三.五.3': { article: '第三十九条第二款', gist: '申请人要求提供公开出版物的，行政机关可以告知获取的途径。' },
  '三.五.4': { article: '第三十五条', gist: '申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以要求说明理由，理由不合理的告知不予处理。' },
  '三.五.5': { article: '第三十九条第二款', gist: '申请人要求行政机关确认或者重新出具已获取信息的，行政机关可以不予处理。' },
  '三.六.1': { article: '第三十条', gist: '申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请。' },
  '三.六.2': { article: '第四十二条；国办函〔2020〕109号', gist: '申请人逾期未按收费通知缴纳信息处理费的，行政机关不再处理其政府信息公开申请。' },
  '三.六.3': { article: '——', gist: '不属于以上各项的其他处理情形。' },
  '三.六': { article: '——', gist: '2019 年试行格式的“（六）其他处理”一行：不属于以上各项的其他处理情形（2021 年格式分为三项）。' },
  '三.七': { article: '——', gist: '（一）至（六）各项之和。' },
  四: { article: '第三十三条', gist: '本年度未办结、结转下年度继续办理的申请。' },
};

/**
 * Does a heading's text (after its numeral) name one of the six sections? Tells a section heading
 * from a table 三 row label written the same way (三、本年度办理结果, 四、结转下年度继续办理).
 */
export function namesSection(headingText: string): boolean {
  return sectionNamed(headingText, 0) !== undefined;
}

/** The section a heading names: the one its numeral says when the wording agrees, else the first its wording names. */
export function sectionNamed(headingText: string, numeral: number): number | undefined {
  const t = headingText.replace(/[\s\u3000]+/g, '');
  let first: number | undefined;
  for (const s of SECTIONS) {
    if (!s.keywords.test(t)) continue;
    if (s.id === numeral) return s.id;
    first ??= s.id;
  }
  return first;
}

/** The title phrase every report carries, matched on text with white space removed. */
export const TITLE_PHRASE = '政府信息公开工作年度报告';

/** The sections that hold a statistical table (二, 三, 四). */
export const TABLE_SECTIONS: ReadonlySet<number> = new Set([2, 3, 4]);

/**
 * The words of each table's header, as flattened text runs them into the first row's label
 * (…申请人情况自然人法人或其他组织总计商业企业…其他一、本年新收政府信息公开申请数量15130000154):
 * what stands before a row's own label. Both formats' column names.
 */
export const TABLE_HEADER_WORDS: Readonly<Record<2 | 3 | 4, readonly (string | RegExp)[]>> = {
  2: [
    /第二十条第[（(][一二三四五六七八九十\d]{1,3}[）)]项/,
    '信息内容',
    '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', /[（(]单位[：:]万元[）)]/,
    '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', /本年增[/／]减/, '处理决定数量', '采购项目数量', '采购总金额', /[（(]?单位[：:]?万?元[）)]?/,
  ],
  3: [
    /[（(]?本列数据的勾稽关系为[^）)]*[）)]?/,
    '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '社会组织', '法律服务机构', '其他', '总计',
  ],
  4: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
};


// ---------------------------------------------------------------------------
// the 2019 trial format (国办公开办函〔2019〕60号), for reports of 2019 and 2020

/** Which national format a report's tables follow. */
export type FormatId = '2021' | '2019';

export interface Table2SubtableSpec {
  item: string;
  heading: string;
  rows: readonly string[];
  columns: readonly string[];
}

const COLUMNS_2019_ITEMS = ['上一年项目数量', '本年增/减', '处理决定数量'] as const;

/** Table 二 of the 2019 trial format: its own rows and columns, and a fifth sub-table （九） for 政府集中采购. */
export const TABLE2_ROWS_2019: readonly Table2RowSpec[] = [
  { label: '规章', item: '（一）', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], kind: 'count' },
  { label: '规范性文件', item: '（一）', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], kind: 'count' },
  { label: '行政许可', item: '（五）', columns: COLUMNS_2019_ITEMS, kind: 'count', columnKinds: ['count', 'delta', 'count'] },
  { label: '其他对外管理服务事项', item: '（五）', columns: COLUMNS_2019_ITEMS, kind: 'count', columnKinds: ['count', 'delta', 'count'] },
  { label: '行政处罚', item: '（六）', columns: COLUMNS_2019_ITEMS, kind: 'count', columnKinds: ['count', 'delta', 'count'] },
  { label: '行政强制', item: '（六）', columns: COLUMNS_2019_ITEMS, kind: 'count', columnKinds: ['count', 'delta', 'count'] },
  { label: '行政事业性收费', item: '（八）', columns: ['上一年项目数量', '本年增/减'], kind: 'count', columnKinds: ['count', 'delta'] },
  { label: '政府集中采购', item: '（九）', columns: ['采购项目数量', '采购总金额'], kind: 'count', columnKinds: ['count', 'amount'] },
];

export const TABLE2_SUBTABLES_2019: readonly Table2SubtableSpec[] = [
  { item: '（一）', heading: '第二十条第（一）项', rows: ['规章', '规范性文件'], columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'] },
  { item: '（五）', heading: '第二十条第（五）项', rows: ['行政许可', '其他对外管理服务事项'], columns: COLUMNS_2019_ITEMS },
  { item: '（六）', heading: '第二十条第（六）项', rows: ['行政处罚', '行政强制'], columns: COLUMNS_2019_ITEMS },
  { item: '（八）', heading: '第二十条第（八）项', rows: ['行政事业性收费'], columns: ['上一年项目数量', '本年增/减'] },
  { item: '（九）', heading: '第二十条第（九）项', rows: ['政府集中采购'], columns: ['采购项目数量', '采购总金额'] },
];

/** Table 三 of the 2019 trial format: as in 2021, but （六）其他处理 is one row. */
export const TABLE3_ROWS_2019: readonly Table3RowSpec[] = TABLE3_ROWS.flatMap((r): Table3RowSpec[] => {
  if (r.paren !== 6) return [r];
  return r.arabic === 1 ? [{ key: '三.六', label: '其他处理', lead: 3, paren: 6 }] : [];
});

/** The rows, columns and sub-tables of each format's tables. */
export interface TableFormat {
  id: FormatId;
  table2Rows: readonly Table2RowSpec[];
  table2Subtables: readonly Table2SubtableSpec[];
  table3Rows: readonly Table3RowSpec[];
}

export const TABLE_FORMATS: Readonly<Record<FormatId, TableFormat>> = {
  '2021': { id: '2021', table2Rows: TABLE2_ROWS, table2Subtables: TABLE2_SUBTABLES, table3Rows: TABLE3_ROWS },
  '2019': { id: '2019', table2Rows: TABLE2_ROWS_2019, table2Subtables: TABLE2_SUBTABLES_2019, table3Rows: TABLE3_ROWS_2019 },
};

/** Every row of table 三 in either format, by key (names and hovers of a cell, whatever the format). */
export const TABLE3_ROW_BY_KEY: ReadonlyMap<string, Table3RowSpec> = new Map([...TABLE3_ROWS, ...TABLE3_ROWS_2019].map((r) => [r.key, r]));

/** The rows of table 三's result part (三.x but the total), whose sum is （七）总计, in a format. */
export function table3ResultRows(rows: readonly Table3RowSpec[]): string[] {
  return rows.filter((r) => r.key.startsWith('三.') && r.key !== '三.七').map((r) => r.key);
}
