
import { defineRule } from './helpers';
export const periodMismatch = defineRule(
  {
    id: 'period-mismatch',
    severity: 'warning',
    description: {
      zh: '统计期限与标题年份不一致，或不是当年1月1日至12月31日。',
      en: 'The statistics period names another year than the title, or is not 1 January to 31 December.',
    },
  },
  (report, { problem }) => {
    const p = report.tree.period;
    if (!p) return [];
    const reasons: string[] = [];
    const reasonsEn: string[] = [];
    const year = report.year;
    if (year !== undefined && p.from.year !== year) {
      reasons.push(`起始年份 ${p.from.year} 与标题年份 ${year} 不一致`);
      reasonsEn.push(`it starts in ${p.from.year}, the title says ${year}`);
    }
    if (p.to.year !== undefined && p.to.year !== p.from.year) {
      reasons.push(`起止年份不同（${p.from.year}—${p.to.year}）`);
      reasonsEn.push(`it spans two years (${p.from.year}–${p.to.year})`);
    }
    if (p.from.month !== 1 || p.from.day !== 1) {
      reasons.push(`起始日期为${p.from.month}月${p.from.day}日而非1月1日`);
      reasonsEn.push(`it starts on ${p.from.month}/${p.from.day}, not 1 January`);
    }
    if (p.to.month !== 12 || p.to.day !== 31) {
      reasons.push(`截止日期为${p.to.month}月${p.to.day}日而非12月31日`);
      reasonsEn.push(`it ends on ${p.to.month}/${p.to.day}, not 31 December`);
    }
    if (reasons.length === 0) return [];
    return [
      problem(p, {
        zh: `统计期限有误：${reasons.join('；')}`,
        en: `The statistics period is wrong: ${reasonsEn.join('; ')}`,
      }),
    ];
  },
);
