import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparePaths, mergeResults, parseShard, shardOf } from '../../server/src/cli/shards';

describe('--shard K/N', () => {
  it('reads K/N with 1 ≤ K ≤ N and nothing else', () => {
    assert.deepEqual(parseShard('1/1'), { k: 1, n: 1 });
    assert.deepEqual(parseShard('3/8'), { k: 3, n: 8 });
    for (const bad of ['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/2', '1 /2', '1/1000001']) assert.equal(parseShard(bad), undefined, bad);
  });

  it('puts every path in exactly one shard, by its path alone, about evenly', () => {
    const paths = Array.from({ length: 3000 }, (_, i) => `reports/${String(i % 37).padStart(2, '0')}/县${i}-2023年度报告.txt`);
    const counts = [0, 0, 0, 0, 0];
    for (const p of paths) {
      const k = shardOf(p, 5);
      assert.ok(k >= 1 && k <= 5);
      counts[k - 1]!++;
      assert.equal(shardOf(p, 5), k, 'the same path, the same shard');
      assert.equal(shardOf(p.replace(/\//g, '\\'), 5), k, 'Windows separators count as /');
    }
    for (const c of counts) assert.ok(c > 480 && c < 720, `shard sizes ${counts.join(' ')}`);
    assert.ok(paths.every((p) => shardOf(p, 1) === 1));
  });

  it('orders paths as a folder scan does: segment by segment', () => {
    const paths = ['a/b.txt', 'a-b/c.txt', 'a/a/z.txt', 'a.txt', 'b/a.txt', 'a/c.txt'];
    assert.deepEqual([...paths].sort(comparePaths), ['a/a/z.txt', 'a/b.txt', 'a/c.txt', 'a-b/c.txt', 'a.txt', 'b/a.txt']);
  });
});

const diag = (severity: string) => ({ rule: 'x', severity, message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
const sarifDoc = (results: { uri: string; level: string }[]) => ({
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'gov-report-lint', version: '1', rules: [] } }, results: results.map((r) => ({ ruleId: 'x', level: r.level, message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: r.uri } } }] })) }],
});

describe('--merge', () => {
  it('joins JSON results by path and counts their problems', () => {
    const a = [{ file: 'r/b.txt', diagnostics: [diag('error')] }, { file: 'r/d.txt', diagnostics: [] }];
    const b = [{ file: 'r/a/x.txt', diagnostics: [diag('warning'), diag('information')] }, { file: 'r/c.txt', diagnostics: [diag('error')] }];
    const m = mergeResults([{ name: 'a', text: JSON.stringify(a) }, { name: 'b', text: JSON.stringify(b) }]);
    assert.ok(!('input' in m));
    assert.equal(m.format, 'json');
    assert.deepEqual((JSON.parse(m.output) as { file: string }[]).map((f) => f.file), ['r/a/x.txt', 'r/b.txt', 'r/c.txt', 'r/d.txt']);
    assert.equal(m.output, JSON.stringify(JSON.parse(m.output), null, 2) + '\n');
    assert.equal(m.errors, 2);
    assert.equal(m.warnings, 1);
    assert.deepEqual(m.duplicates, []);
  });

  it('keeps a file two results both have once (the first), and says which', () => {
    const a = [{ file: 'r/b.txt', diagnostics: [diag('error')] }];
    const b = [{ file: 'r/b.txt', diagnostics: [diag('warning')] }];
    const m = mergeResults([{ name: 'a', text: JSON.stringify(a) }, { name: 'b', text: JSON.stringify(b) }]);
    assert.ok(!('input' in m));
    assert.deepEqual(m.duplicates, ['r/b.txt']);
    assert.equal(m.errors, 1);
    assert.equal(m.warnings, 0);
  });

  it('joins SARIF results by their file, each file’s results kept together and in order', () => {
    const a = sarifDoc([{ uri: 'r/c.txt', level: 'error' }, { uri: 'r/c.txt', level: 'note' }, { uri: 'r/a.txt', level: 'warning' }]);
    const b = sarifDoc([{ uri: 'r/b.txt', level: 'error' }]);
    const m = mergeResults([{ name: 'a', text: JSON.stringify(a) }, { name: 'b', text: JSON.stringify(b) }]);
    assert.ok(!('input' in m));
    assert.equal(m.format, 'sarif');
    const doc = JSON.parse(m.output) as ReturnType<typeof sarifDoc>;
    assert.deepEqual(doc.runs[0].results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri} ${r.level}`), ['r/a.txt warning', 'r/b.txt error', 'r/c.txt error', 'r/c.txt note']);
    assert.equal(doc.runs[0].tool.driver.name, 'gov-report-lint');
    assert.equal(m.errors, 2);
    assert.equal(m.warnings, 1);
  });

  it('refuses what it cannot join, naming the input', () => {
    const json = JSON.stringify([{ file: 'a.txt', diagnostics: [] }]);
    const cases: [string, RegExp][] = [
      ['[{"file": "a.txt"', /not JSON/],
      ['{"x": 1}', /not a JSON or SARIF result/],
      ['[{"name": "a.txt"}]', /not an object with a "file"/],
      [JSON.stringify({ ...sarifDoc([]), runs: [{ tool: { driver: { name: 'eslint' } }, results: [] }] }), /not a JSON or SARIF result/],
      [JSON.stringify(sarifDoc([])), /only one format/],
    ];
    for (const [text, message] of cases) {
      const m = mergeResults([{ name: 'first', text: json }, { name: 'second', text }]);
      assert.ok('input' in m, text);
      assert.equal(m.input, 'second');
      assert.match(m.message.en, message, text);
      assert.ok(m.message.zh.length > 0);
    }
  });
});
