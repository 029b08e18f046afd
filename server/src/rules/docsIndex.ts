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

/** The JSON schema of .govreportrc.json, generated from the registry (schemas/govreportrc.schema.json). */
export function configSchema(): string {
  const level = { type: 'string', enum: ['off', 'error', 'warning', 'information', 'hint'] };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.govreportrc.json — 政府信息公开年报检查配置',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        type: 'object',
        description: '按规则关闭或调整严重程度 (turn rules off or change their severity)',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((r) => [r.meta.id, { ...level, description: `${r.meta.description.zh}（默认 ${r.meta.severity}）` }])),
      },
      ignore: {
        type: 'array',
        description: '在某份报告的某处忽略的问题（由“忽略此处的这个问题”写入，不改动报告正文） (problems ignored at their place, written by "ignore this problem here")',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'rule', 'at'],
          properties: {
            file: { type: 'string', description: '报告文件，相对于本配置文件所在目录 (the report, relative to this file\'s folder)' },
            rule: { type: 'string', enum: RULES.map((r) => r.meta.id), description: '规则编号 (rule id)' },
            at: { type: 'string', description: '问题所在位置：单元格在格式中的名称，或所在行的文字 (where: the cell\'s name in the format, or the text of its line)' },
          },
        },
      },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}
