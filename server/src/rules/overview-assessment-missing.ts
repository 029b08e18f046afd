import { defineRule, headingSpan, reportAnchor } from './helpers';

/** Reports of a 人民政府 must cover 工作考核、社会评议和责任追究结果情况 (条例 第五十条). */
export const overviewAssessment = defineRule(
  {
    id: 'overview-assessment-missing',
    severity: 'warning',
    description: {
      zh: '人民政府的年报未报告工作考核、社会评议和责任追究结果情况。',
      en: 'A people’s government report does not cover work assessment, public evaluation and accountability.',
    },
  },
  (report, { problem }) => {
    const agency = report.agency ?? '';
    if (!/人民政府$/.test(agency)) return [];
    if (/工作考核|社会评议|责任追究/.test(report.tree.text.replace(/\s+/g, ''))) return [];
    const section = report.byId.get(1);
    return [
      problem(section ? headingSpan(section) : reportAnchor(report), {
        zh: `${agency}的年报应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条），报告中未见相关内容`,
        en: `A people’s government report must cover work assessment, public evaluation and accountability results (Regulations art. 50); none found`,
      }),
    ];
  },
);
