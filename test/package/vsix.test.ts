/**
 * What the packaged extension contains: the bundles, grammar, snippets, language
 * configuration, README and rule docs; never sources, tests or node_modules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

/** Entry names of a zip file, read from its central directory. */
function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

describe('the .vsix package', () => {
  it('holds what the extension needs and nothing of the sources', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-'));
    try {
      const vsix = path.join(out, 'test.vsix');
      const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
      const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr + r.stdout);
      const entries = zipEntries(vsix).filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
      for (const needed of [
        'package.json',
        'package.nls.json',
        'package.nls.zh-cn.json',
        'readme.md',
        'language-configuration.json',
        'dist/client.js',
        'dist/server.js',
        'dist/cli.js',
        'syntaxes/gov-annual-report.tmLanguage.json',
        'snippets/gov-annual-report.code-snippets',
        'docs/rules/section-missing.md',
        'schemas/govreportrc.schema.json',
      ]) {
        assert.ok(entries.some((e) => e.toLowerCase() === needed.toLowerCase()), `${needed} missing from ${entries.join(', ')}`);
      }
      for (const e of entries) {
        assert.ok(!/^(server|client)\/src\/|^test\/|^out\/|node_modules\/|\.ts$|\.map$|^examples\//.test(e), `${e} must not be packaged`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
