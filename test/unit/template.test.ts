import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SnippetDef, reportTemplate } from '../../client/src/template';
import { analyze } from '../../server/src/check';
import { ROOT } from '../helpers';
import { expand } from '../snippetExpand';

const SNIPPETS = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'gov-annual-report.code-snippets'), 'utf8')) as Record<string, SnippetDef>;

describe('the new-report template', () => {
  it('fills in the agency and year, and checks clean', () => {
    const text = expand(reportTemplate(SNIPPETS, '某县人民政府', 2022).split('\n'));
    assert.match(text, /^某县人民政府2022年政府信息公开工作年度报告\n/);
    assert.match(text, /统计期限为2022年1月1日至2022年12月31日/);
    assert.match(text, /某县人民政府2022年度在办理政府信息公开申请过程中未收取信息处理费/);
    const problems = analyze(text).problems.map((p) => p.rule);
    // a 人民政府 must also report on assessment, evaluation and accountability: the template leaves that to the author
    assert.deepEqual(problems, ['overview-assessment-missing']);
  });
  it('escapes snippet syntax in the agency name', () => {
    assert.match(reportTemplate(SNIPPETS, '某局$1}', 2023), /^某局\\\$1\\\}2023年/);
  });
});
