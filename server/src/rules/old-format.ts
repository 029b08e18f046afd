
import { defineRule } from './helpers';
/** Labels of the 2019 trial format in a report for 2021 or later. */
export const oldFormat = defineRule(
  {
    id: 'old-format',
    severity: 'warning',
    description: {
      zh: '2021 年及以后的年报使用了 2019 年试行格式（国办公开办函〔2019〕60号）的表格项目。',
      en: 'A report for 2021 or later uses labels of the 2019 trial format.',
    },
  },
  (report, { problem }) => {
    const labels = report.oldFormatLabels;
    if (labels.length === 0) return [];
    if (report.year !== undefined && report.year < 2021) return [];
    const names = [...new Set(labels.map((l) => l.label))];
    const p = problem(labels[0]!.span, {
      zh: `未使用新版格式：表格中有 2019 年试行格式的项目“${names.join('”“')}”，${report.year ?? '2021'} 年度报告应使用国办公开办函〔2021〕30号格式`,
      en: `Not in the current format: the tables use labels of the 2019 trial format (${names.join(', ')}); reports for ${report.year ?? '2021'} use the format of 国办公开办函〔2021〕30号`,
    });
    if (labels.length > 1) p.related = labels.slice(1).map((l) => ({ span: l.span, message: { zh: l.label, en: l.label } }));
    return [p];
  },
);
