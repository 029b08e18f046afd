import { defineRule, reportAnchor } from './helpers';

export const titleIncomplete = defineRule(
  {
    id: 'title-incomplete',
    severity: 'warning',
    description: {
      zh: '报告标题缺失，或缺少机关名称、年份（应为“<机关名称><年份>年政府信息公开工作年度报告”）。',
      en: 'The report title is missing, or lacks the agency or the year.',
    },
  },
  (report, { problem }) => {
    const title = report.title;
    if (!title) {
      return [
        problem(reportAnchor(report), {
          zh: '未找到报告标题，标题应为“<机关名称><年份>年政府信息公开工作年度报告”',
          en: 'No report title found; it should read “<agency><year>年政府信息公开工作年度报告”',
        }),
      ];
    }
    const lacks: string[] = [];
    const lacksEn: string[] = [];
    if (!title.agency) lacks.push('机关名称'), lacksEn.push('the agency');
    if (title.year === undefined) lacks.push('年份'), lacksEn.push('the year');
    if (lacks.length === 0) return [];
    return [
      problem(title, {
        zh: `标题缺少${lacks.join('和')}，应为“<机关名称><年份>年政府信息公开工作年度报告”`,
        en: `The title lacks ${lacksEn.join(' and ')}; it should read “<agency><year>年政府信息公开工作年度报告”`,
      }),
    ];
  },
);
