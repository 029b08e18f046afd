import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/rules/index';
import { ruleDocUrl } from '../../../server/src/rules/docs';
import { configSchema, rulesIndex } from '../../../server/src/rules/docsIndex';
import { ROOT } from '../../helpers';

describe('rule registry', () => {
  it('has unique ids in kebab-case (or the format-spec ids such as T3-row)', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^([a-z0-9]+|T[34]|TXT)(-[a-z0-9]+)*$/);
  });

  it('keeps each rule in the file named by its id; rules share code through helpers.ts only, and never restate their id', () => {
    const dir = path.join(ROOT, 'server', 'src', 'rules');
    const ruleFiles = new Set(RULES.map((r) => `${r.meta.id}.ts`));
    for (const rule of RULES) {
      const file = path.join(dir, `${rule.meta.id}.ts`);
      assert.ok(fs.existsSync(file), `${rule.meta.id} lives in ${file}`);
      assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`id: '${rule.meta.id}'`), `${file} defines ${rule.meta.id}`);
    }
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const imports = [...text.matchAll(/from '\.\/([^']+)'/g)].map((m) => `${m[1]}.ts`);
      if (name !== 'index.ts' && name !== 'docsIndex.ts') {
        for (const imported of imports) assert.ok(!ruleFiles.has(imported), `${name} imports the rule file ${imported}: shared code goes in helpers.ts`);
      }
      if (ruleFiles.has(name)) {
        // the id and severity come from the rule's meta through its context
        assert.doesNotMatch(text, /rule: '|problem\(\s*'[A-Za-z0-9-]+',/, `${name} restates its id`);
      }
    }
  });

  for (const rule of RULES) {
    it(`${rule.meta.id} has a doc page with every part, linked from its diagnostics, and is listed in the README`, () => {
      const file = path.join(ROOT, 'docs', 'rules', rule.meta.id + '.md');
      assert.ok(fs.existsSync(file), file);
      const page = fs.readFileSync(file, 'utf8');
      assert.ok(page.startsWith(`# ${rule.meta.id} `), 'title line');
      for (const part of ['## 触发条件', '## 示例', '## 修复', '## 依据']) assert.ok(page.includes(part), `${part} in ${file}`);
      assert.ok(page.includes(`**Severity:** ${rule.meta.severity}`));
      assert.ok(ruleDocUrl(rule.meta.id).endsWith(`/docs/rules/${rule.meta.id}.md`));
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      assert.ok(readme.includes(`[\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md)`), 'README lists it');
    });
  }

  it('the govReport.rules setting lists every rule, and only rules', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum: string[] }> }> } };
    };
    const schema = manifest.contributes.configuration.properties['govReport.rules']!.properties!;
    assert.deepEqual(Object.keys(schema).sort(), RULES.map((r) => r.meta.id).sort());
    for (const v of Object.values(schema)) assert.deepEqual(v.enum, ['off', 'error', 'warning', 'information', 'hint']);
  });

  it('docs/rules/README.md is the index generated from the registry (npm run docs)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8'), rulesIndex());
  });

  it('schemas/govreportrc.schema.json is generated from the registry and contributed for .govreportrc.json', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'schemas', 'govreportrc.schema.json'), 'utf8'), configSchema());
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.govreportrc.json', url: './schemas/govreportrc.schema.json' }]);
  });

  it('has no doc page without a rule', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const f of fs.readdirSync(path.join(ROOT, 'docs', 'rules'))) {
      if (f === 'README.md') continue;
      assert.ok(ids.has(f.replace(/\.md$/, '')), `${f} documents no rule`);
    }
  });
});
