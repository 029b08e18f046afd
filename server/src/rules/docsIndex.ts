/** The index of the rule pages, docs/rules/README.md, generated from the registry. */
import { RULES } from './index';

export function rulesIndex(): string {
  const lines = [
    '# 规则 (rules)',
    '',
    '<!-- generated from server/src/rules/index.ts by `npm run docs`; a test fails when it is stale -->',
    '',
    '每条规则的编号、默认严重程度和说明。可在设置 `govReport.rules` 或 `.govreportrc.json` 中关闭规则或调整严重程度。',
    '',
    'Every rule with its id, default severity and description. Turn rules off or change their severity with the',
    '`govReport.rules` setting or `.govreportrc.json`.',
    '',
    '| id | severity | 说明 | description |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.description.zh} | ${r.meta.description.en} |`),
    '',
  ];
  return lines.join('\n');
}
