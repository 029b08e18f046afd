/** The title phrase every report carries, matched on text with white space removed. */
export const TITLE_PHRASE = '政府信息公开工作年度报告';
