/**
 * The workspace's reports as the language server finds them in Node (lsp/nodeHost.ts): found without
 * blocking, files.exclude honoured, files over the size limit skipped, and the index of agencies and
 * years kept up to date file by file — a change on disk never makes it build everything again.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { nodeHost } from '../../server/src/lsp/nodeHost';
import { readSeed } from '../helpers';

let dir: string;
const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
const report = (agency: string, year: number) => readSeed('wuzhong-2023').replace(/^.*\n/, `${agency}${year}年政府信息公开工作年度报告\n`);

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-index-'));
  for (const d of ['a', 'b', 'old']) fs.mkdirSync(path.join(dir, d));
  fs.writeFileSync(path.join(dir, 'a', 'r2022.txt'), report('某县', 2022));
  fs.writeFileSync(path.join(dir, 'b', 'r2023.txt'), report('某县', 2023));
  fs.writeFileSync(path.join(dir, 'old', 'draft.txt'), report('某县', 2021));
  fs.writeFileSync(path.join(dir, 'a', 'notes.txt'), '会议记录\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The index once it is built. */
function built(host: ReturnType<typeof nodeHost>, roots: string[]): Promise<{ uri: string; agency?: string; year?: number }[]> {
  return new Promise((resolve) => {
    const ready = () => resolve(host.reportIndex!(roots, ready)!);
    const now = host.reportIndex!(roots, ready);
    if (now) resolve(now);
  });
}

describe('the workspace’s reports in the language server', () => {
  it('finds the reports (not the other text files), leaves out what files.exclude names and what is over the size limit', async () => {
    const host = nodeHost(() => undefined);
    const roots = [pathToFileURL(dir).href];
    assert.deepEqual((await host.workspaceReports!(roots)).uris, [uri('a/r2022.txt'), uri('b/r2023.txt'), uri('old/draft.txt')]);
    host.setExclude!(['**/old/**']);
    assert.deepEqual((await host.workspaceReports!(roots)).uris, [uri('a/r2022.txt'), uri('b/r2023.txt')]);
    assert.deepEqual((await built(host, roots)).map((r) => r.uri).sort(), [uri('a/r2022.txt'), uri('b/r2023.txt')]);
    // a limit under the reports' size: each named, none read
    host.setMaxFileSize!(1000);
    const small = await host.workspaceReports!(roots);
    assert.deepEqual(small.uris, []);
    assert.equal(small.unreadable.length, 2);
  });

  it('follows a file changed, created or deleted at once, without building the index again', async () => {
    const host = nodeHost(() => undefined);
    const roots = [pathToFileURL(dir).href];
    host.setExclude!(['**/old/**']);
    await built(host, roots);
    // the agency of one report changes on disk
    fs.writeFileSync(path.join(dir, 'b', 'r2023.txt'), report('另一县', 2023));
    host.reportsChanged!([{ uri: uri('b/r2023.txt'), deleted: false }]);
    const after1 = host.reportIndex!(roots, () => assert.fail('built again'));
    assert.ok(after1, 'there at once: not built again');
    assert.equal(after1.find((r) => r.uri === uri('b/r2023.txt'))?.agency, '另一县');
    // a new report; a report deleted; a file in an excluded folder; a text file that is no report
    fs.writeFileSync(path.join(dir, 'a', 'r2024.txt'), report('某县', 2024));
    fs.rmSync(path.join(dir, 'a', 'r2022.txt'));
    fs.writeFileSync(path.join(dir, 'old', 'r2020.txt'), report('某县', 2020));
    host.reportsChanged!([
      { uri: uri('a/r2024.txt'), deleted: false },
      { uri: uri('a/r2022.txt'), deleted: true },
      { uri: uri('old/r2020.txt'), deleted: false },
      { uri: uri('a/notes.txt'), deleted: false },
    ]);
    const after2 = host.reportIndex!(roots, () => assert.fail('built again'))!;
    assert.deepEqual(after2.map((r) => `${r.agency} ${r.year}`).sort(), ['另一县 2023', '某县 2024']);
    // what decides which files count changed: built again
    host.setExclude!([]);
    assert.equal(host.reportIndex!(roots, () => undefined), undefined);
  });
});
