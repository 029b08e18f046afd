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
    keywords: /其他需要报告|其他事项|其他需报告/,
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
export const TABLE2_SUBTABLES: readonly { item: string; heading: string; rows: readonly string[]; columns: readonly string[] }[] = [
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
