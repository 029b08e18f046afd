/**
 * A hostile or broken .govreportrc.json: never a hang, never gigabytes, never its content echoed; the
 * "ignore here" record written only inside a workspace folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ConfigError, readConfig } from '../../server/src/files/config';
import { nodeHost } from '../../server/src/lsp/nodeHost';

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'config-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('reading a config file', () => {
  it('refuses a FIFO at once (it would block forever) and a link to a device (it would never end)', () => {
    const fifo = path.join(tmp, 'fifo.json');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    assert.throws(() => readConfig(fifo), /fifo\.json: not a regular file \(a FIFO\); ignored/);
    const zero = path.join(tmp, 'zero.json');
    fs.symlinkSync('/dev/zero', zero);
    assert.throws(() => readConfig(zero), /zero\.json: not a regular file \(a device\); ignored/);
  });
  it('refuses one over 1 MB, and says where JSON is broken without echoing the file', () => {
    const big = path.join(tmp, 'big.json');
    fs.writeFileSync(big, JSON.stringify({ rules: {}, pad: 'x'.repeat(1024 * 1024) }));
    assert.throws(() => readConfig(big), /big\.json: larger than 1 MB; ignored/);
    const secret = path.join(tmp, 'secret.json');
    fs.writeFileSync(secret, 'password=hunter2\n');
    assert.throws(
      () => readConfig(secret),
      (e: Error) => /secret\.json: not valid JSON/.test(e.message) && !e.message.includes('hunter2'),
    );
  });
  it('says in both languages where a config is wrong: the place of broken JSON, of a bad setting, of a bad entry', () => {
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{\n  "rules": {\n    "TXT-table": "off",\n  }\n}\n');
    assert.throws(
      () => readConfig(broken),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.file === broken &&
        // the trailing comma: the parser stops at the brace after it (line 4)
        e.at?.line === 3 &&
        /broken\.json：不是有效的 JSON（第 4 行第 \d+ 个字符处），未使用$/.test(e.zh) &&
        /not valid JSON \(line 4, character \d+\); ignored$/.test(e.message) &&
        e.reason.en.startsWith('not valid JSON'),
    );
    const setting = path.join(tmp, 'setting.json');
    fs.writeFileSync(setting, JSON.stringify({ ignore: [], rules: { 'cell-empty': 'off', 'TXT-table': 'loud' } }, null, 2));
    assert.throws(
      () => readConfig(setting),
      (e: unknown) => e instanceof ConfigError && e.at?.line === 4 && e.at.character === 4 && e.reason.zh === 'rules.TXT-table 应为 off、error、warning、information、hint 之一，未使用',
    );
    const entry = path.join(tmp, 'entry.json');
    fs.writeFileSync(entry, '{\n\n  "ignore": [{ "file": "a.txt" }]\n}');
    assert.throws(() => readConfig(entry), (e: unknown) => e instanceof ConfigError && e.at?.line === 2 && /ignore\[0\]/.test(e.zh));
    const list = path.join(tmp, 'list.json');
    fs.writeFileSync(list, '[]');
    assert.throws(() => readConfig(list), (e: unknown) => e instanceof ConfigError && e.reason.zh === '不是 JSON 对象，未使用');
  });
});

describe('recording "ignore this problem here"', () => {
  it('writes inside the report’s workspace folder, never to a config above it, and nothing for a report outside every folder', () => {
    const above = path.join(tmp, 'above');
    const root = path.join(above, 'workspace');
    fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
    const outsideConfig = path.join(above, '.govreportrc.json');
    fs.writeFileSync(outsideConfig, '{"rules": {}}\n');
    const report = path.join(root, 'reports', 'r.txt');
    fs.writeFileSync(report, 'X县2023年政府信息公开工作年度报告\n');
    const host = nodeHost(() => undefined);
    const written = host.recordIgnore!(pathToFileURL(report).href, { rule: 'T3-row', at: 'line:x' }, [pathToFileURL(root).href]);
    assert.equal(written, path.join(root, '.govreportrc.json'));
    assert.equal(fs.readFileSync(outsideConfig, 'utf8'), '{"rules": {}}\n');
    const stray = path.join(tmp, 'stray.txt');
    fs.writeFileSync(stray, 'X');
    assert.throws(() => host.recordIgnore!(pathToFileURL(stray).href, { rule: 'T3-row', at: 'line:x' }, [pathToFileURL(root).href]), /not in a workspace folder/);
  });
});
