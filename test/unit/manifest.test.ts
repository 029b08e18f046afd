import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

/** Every %key% placeholder in the manifest. */
function placeholders(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(/^%([^%]+)%$/g)) out.add(m[1]!);
  else if (Array.isArray(value)) value.forEach((v) => placeholders(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholders(v, out));
  return out;
}

describe('manifest localization', () => {
  const keys = placeholders(read('package.json'));
  it('uses placeholders for the contributed strings', () => {
    for (const k of ['displayName', 'description', 'configuration.title']) assert.ok(keys.has(k), k);
  });
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
    it(`${file} has a string for every placeholder and no other`, () => {
      const nls = read(file);
      assert.deepEqual(Object.keys(nls).sort(), [...keys].sort());
      for (const v of Object.values(nls)) assert.ok(typeof v === 'string' && v.length > 0);
    });
  }
  it('says it in Chinese for Chinese VS Code and in English otherwise', () => {
    assert.match(String(read('package.nls.zh-cn.json').displayName), /[\u4e00-\u9fff]/);
    assert.doesNotMatch(String(read('package.nls.json').displayName), /[\u4e00-\u9fff]/);
  });
});
