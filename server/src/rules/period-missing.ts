import { defineRule, reportAnchor } from './helpers';

export const periodMissing = defineRule(
  {
    id: 'period-missing',
    severity: 'warning',
    description: { zh: '前言中没有统计期限说明（“本报告所列数据统计期限为……”）。', en: 'The preamble does not state the statistics period.' },
  },
  (report, { problem }) => {
    if (report.tree.period) return [];
    const year = report.year !== undefined ? String(report.year) : 'YYYY';
    const anchor = report.tree.preamble ?? reportAnchor(report);
    return [
      problem({ start: anchor.start, end: Math.min(anchor.end, anchor.start + 200) }, {
        zh: `前言中没有统计期限说明，应写明“本报告所列数据统计期限为${year}年1月1日至${year}年12月31日”`,
        en: `The preamble does not state the statistics period (“本报告所列数据统计期限为${year}年1月1日至${year}年12月31日”)`,
      }),
    ];
  },
);
