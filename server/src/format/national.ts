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
}

/** Table 三's 25 rows that carry numbers, in order. */
export const TABLE3_ROWS: readonly Table3RowSpec[] = [
  { key: '一', label: '本年新收政府信息公开申请数量' },
  { key: '二', label: '上年结转政府信息公开申请数量' },
  { key: '三.一', label: '予以公开' },
  { key: '三.二', label: '部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: '三.三.1', label: '属于国家秘密' },
  { key: '三.三.2', label: '其他法律行政法规禁止公开' },
  { key: '三.三.3', label: '危及“三安全一稳定”' },
  { key: '三.三.4', label: '保护第三方合法权益' },
  { key: '三.三.5', label: '属于三类内部事务信息' },
  { key: '三.三.6', label: '属于四类过程性信息' },
  { key: '三.三.7', label: '属于行政执法案卷' },
  { key: '三.三.8', label: '属于行政查询事项' },
  { key: '三.四.1', label: '本机关不掌握相关政府信息' },
  { key: '三.四.2', label: '没有现成信息需要另行制作' },
  { key: '三.四.3', label: '补正后申请内容仍不明确' },
  { key: '三.五.1', label: '信访举报投诉类申请' },
  { key: '三.五.2', label: '重复申请' },
  { key: '三.五.3', label: '要求提供公开出版物' },
  { key: '三.五.4', label: '无正当理由大量反复申请' },
  { key: '三.五.5', label: '要求行政机关确认或重新出具已获取信息' },
  { key: '三.六.1', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: '三.六.2', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: '三.六.3', label: '其他' },
  { key: '三.七', label: '总计' },
  { key: '四', label: '结转下年度继续办理' },
];

/** Table 二's four sub-tables (第二十条 items). */
export const TABLE2_SUBTABLES = [
  { item: '（一）', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: ['规章', '行政规范性文件'] },
  { item: '（五）', columns: ['本年处理决定数量'], rows: ['行政许可'] },
  { item: '（六）', columns: ['本年处理决定数量'], rows: ['行政处罚', '行政强制'] },
  { item: '（八）', columns: ['本年收费金额'], rows: ['行政事业性收费'] },
] as const;

/** Table 四: three blocks of five cells. */
export const TABLE4_BLOCKS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'] as const;
export const TABLE4_CELLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
