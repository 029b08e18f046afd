import assert from 'node:assert/strict';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, SEED_NAMES, blankLine, previousYearOf, readSeed } from '../helpers';
import { decodeWithEncoding } from '../../server/src/read/decode';
import { encodeText } from '../../server/src/read/encode';

/** GB18030 bytes of a text (the encoder under test, checked on its own in write.test.ts against the platform's decoder). */
class TextEncoderGb {
  encode(s: string): Uint8Array {
    return encodeText(s, 'gb18030', false);
  }
}

const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A file's --tables export without its file name (to compare the tables of two files). */
function tablesOf(file: string): unknown {
  const { file: _file, ...tables } = JSON.parse(lint(['--tables', file]).stdout) as { file: string };
  return tables;
}

/** The worker threads every run of this file uses: each suite runs once with one, once with several. */
let JOBS = '1';

/** Each suite of this file, run with --jobs 1 and with --jobs 3 (the output must not depend on it). */
function describeJobs(name: string, fn: () => void): void {
  for (const jobs of ['1', '3']) {
    describe(`${name} (--jobs ${jobs})`, () => {
      before(() => {
        JOBS = jobs;
      });
      fn();
    });
  }
}

function lint(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, '--jobs', JOBS, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFile {
  file: string;
  diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; page?: number }[];
}

let tmp: string;
let broken: string;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-lint-'));
  broken = path.join(tmp, 'broken.txt');
  fs.writeFileSync(path.join(tmp, 'warn.json'), JSON.stringify({ rules: { 'cell-empty': 'warning' } }));
  fs.writeFileSync(broken, blankLine(readSeed('wuzhong-2023'), '四、政府信息公开行政复议'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describeJobs('gov-report-lint', () => {
  it('checks the bundled examples as JSON: one entry per seed, errors only where the reports have them', () => {
    const r = lint(['--format', 'json', 'examples/']);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(
      out.map((f) => f.file),
      SEED_NAMES.map((n) => path.join('examples', n + '.txt')),
    );
    const withErrors = out.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).map((f) => path.basename(f.file));
    assert.deepEqual(withErrors, ['litong-2021.txt', 'shizuishan-office-2023.txt', 'wuwei-2023.txt']);
    for (const f of out) {
      for (const d of f.diagnostics) {
        assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range']);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      }
    }
    assert.equal(lint(['--exit-zero', 'examples/']).code, 0, '--exit-zero for reporting runs');
    assert.equal(lint(['examples/wuzhong-2023.txt', 'examples/tongxin-2022.txt']).code, 0, 'clean reports exit 0');
  });

  it('exits 1 and names the missing section when the 四、 heading is deleted (JSON contract)', () => {
    const r = lint(['--format=json', broken]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.equal(out.length, 1);
    assert.equal(out[0]!.file, broken);
    assert.deepEqual(out[0]!.diagnostics, [
      {
        rule: 'section-missing',
        severity: 'error',
        message: '缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”，应位于“五、”之前',
        range: { start: { line: 79, character: 0 }, end: { line: 79, character: 14 } },
      },
    ]);
  });

  it('prints path:line:column: severity rule message and a summary in text format', () => {
    const r = lint([broken]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      `${broken}:80:1: error section-missing 缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”，应位于“五、”之前`,
      '检查了 1 个文件，发现 1 个问题（1 个错误，0 个警告，0 个提示）。',
    ]);
  });

  it('speaks English with --locale en or an English LANG', () => {
    const a = lint(['--locale', 'en', broken]);
    assert.match(a.stdout, /error section-missing Section 四 \(4\)/);
    assert.match(a.stdout, /1 file checked, 1 problem \(1 error, 0 warnings, 0 notes\)\./);
    const b = lint([broken], { LANG: 'en_US.UTF-8' });
    assert.match(b.stdout, /Section 四 \(4\)/);
    const c = lint([broken], { LANG: 'zh_CN.UTF-8' });
    assert.match(c.stdout, /缺少第四部分/);
  });

  it('still checks the other files when one cannot be read, and exits 2', () => {
    const missing = path.join(tmp, 'nope.txt');
    const r = lint(['--format', 'json', missing, 'examples/wuzhong-2023.txt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.txt/);
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(out.map((f) => f.file), ['examples/wuzhong-2023.txt']);
  });

  it('searches directories recursively for .txt and .md reports only', () => {
    const dir = path.join(tmp, 'tree');
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'tongxin-2022.txt'), path.join(dir, 'sub', 'deeper', 'a.txt'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), '# 某县2023年政府信息公开工作年度报告\n\n一、总体情况\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), '会议纪要\n');
    fs.copyFileSync(path.join(ROOT, 'examples', 'tongxin-2022.txt'), path.join(dir, 'report.docx.bak'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'tongxin-2022.txt'), path.join(dir, 'node_modules', 'c.txt'));
    const r = lint(['--format', 'json', dir]);
    assert.equal(r.code, 1, 'b.md lacks five sections');
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(
      out.map((f) => path.relative(dir, f.file)),
      [path.join('sub', 'b.md'), path.join('sub', 'deeper', 'a.txt')],
    );
    assert.equal(out[0]!.diagnostics.filter((d) => d.rule === 'section-missing').length, 5);
  });

  it('reads GB18030 and UTF-16 files', () => {
    // "某县2023年政府信息公开工作年度报告\n一、总体情况\n" in GB18030
    const gbk = Buffer.from('xLPP2DIwMjPE6tX+uK7Qxc+iuau/qrmk1/fE6rbIsai45grSu6Gi19zM5cfpv/YK', 'base64');
    const f1 = path.join(tmp, 'gbk.txt');
    fs.writeFileSync(f1, gbk);
    const f2 = path.join(tmp, 'utf16.txt');
    fs.writeFileSync(f2, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('某县2023年政府信息公开工作年度报告\n一、总体情况\n', 'utf16le')]));
    const r = lint(['--format', 'json', f1, f2]);
    const out = JSON.parse(r.stdout) as JsonFile[];
    for (const f of out) {
      const missing = f.diagnostics.filter((d) => d.rule === 'section-missing');
      assert.equal(missing.length, 5, f.file);
      // decoded right: the title was found (no title-incomplete) and the errors sit on "一、总体情况"
      assert.ok(!f.diagnostics.some((d) => d.rule === 'title-incomplete'), f.file);
      assert.deepEqual(missing[0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    }
  });

  it('exports the tables of one report as a JSON object (--tables contract)', () => {
    const r = lint(['--tables', 'examples/wuzhong-2023.txt']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['file', 'title', 'agency', 'year', 'format', 'table2', 'table3', 'table4']);
    assert.equal(out.file, 'examples/wuzhong-2023.txt');
    assert.equal(out.title, '吴忠市2023年政府信息公开工作年度报告');
    assert.equal(out.agency, '吴忠市');
    assert.equal(out.year, 2023);
    assert.equal(out.format, '2021');
    const t2 = out.table2 as Record<string, Record<string, number>>;
    assert.deepEqual(t2['规章'], { 本年制发件数: 2, 本年废止件数: 0, 现行有效件数: 3 });
    assert.deepEqual(t2['行政事业性收费'], { 本年收费金额: 18770.9525 });
    const t3 = out.table3 as Record<string, number[]>;
    assert.equal(Object.keys(t3).length, 25);
    assert.deepEqual(t3['三.七'], [343, 1, 0, 0, 0, 0, 344]);
    assert.deepEqual(out.table4, [9, 8, 3, 2, 22, 2, 1, 1, 1, 5, 3, 0, 1, 0, 4]);
  });

  it('exports several reports as an array, with null for unreadable cells and no key for absent tables', () => {
    const bare = path.join(tmp, 'bare.txt');
    fs.writeFileSync(bare, '某县2023年政府信息公开工作年度报告\n一、总体情况\n');
    const r = lint(['--tables', 'examples/wuwei-2023.txt', bare]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(out.length, 2);
    assert.deepEqual((out[0]!.table2 as Record<string, unknown>)['行政许可'], { 本年处理决定数量: null });
    assert.deepEqual(Object.keys(out[1]!), ['file', 'title', 'agency', 'year', 'format']);
  });

  it('writes SARIF 2.1.0 with the rules and their help links', () => {
    const r = lint(['--format', 'sarif', 'examples/wuwei-2023.txt']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0]!;
    assert.equal(run.tool.driver.name, 'gov-report-lint');
    assert.ok(run.tool.driver.rules.some((x) => x.id === 'T3-row' && x.helpUri.endsWith('/docs/rules/T3-row.md')));
    assert.equal(run.results.length, 8);
    const residue = run.results.find((x) => x.ruleId === 'cell-residue')!;
    assert.equal(residue.level, 'error');
    assert.deepEqual(residue.locations[0]!.physicalLocation.region.startLine, 57);
    assert.equal(residue.locations[0]!.physicalLocation.artifactLocation.uri, 'examples/wuwei-2023.txt');
  });

  it('its SARIF validates against the SARIF 2.1.0 JSON schema (all examples, and the CLI with no problem)', () => {
    // the OASIS schema as published (draft-04), from @microsoft/jest-sarif; ajv with draft-04 support and formats
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // unicodeRegExp off: the published schema's language pattern is not valid with the u flag
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const args of [['examples/'], ['examples/wuzhong-2023.txt']]) {
      const r = lint(['--format', 'sarif', ...args]);
      const sarif = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
      assert.ok(validate(sarif), `${args.join(' ')}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
      if (args[0] === 'examples/') assert.ok(sarif.runs[0]!.results.length > 10, 'the examples have problems to report');
    }
    // and it fails on a broken document, so the check is real
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  });

  it('--sum adds up the reports of one year (text, json, csv), names what it leaves out or counts as 0', () => {
    const text = lint(['--sum', 'examples/']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^汇总：2023 年，3 份报告/);
    assert.match(text.stdout, /未计入：examples\/litong-2021\.txt（2021 年的报告，不是 2023 年的）/);
    assert.match(text.stdout, /\n一、本年新收政府信息公开申请数量\t610\t5\t0\t0\t0\t0\t615\n/);
    assert.match(text.stderr, /wuwei-2023\.txt: 以下各处无法读取，计为 0: 表二·行政许可·本年处理决定数量/);
    const json = JSON.parse(lint(['--sum', '--format', 'json', '--year', '2022', 'examples/']).stdout) as { year: number; included: string[]; tables: { table3: Record<string, number[]> } };
    assert.equal(json.year, 2022);
    assert.deepEqual(json.included, ['examples/tongxin-2022.txt']);
    const csv = lint(['--sum', '--format', 'csv', 'examples/']).stdout;
    assert.ok(csv.includes(',合计（3 份）,2023,三,一,一、本年新收政府信息公开申请数量,总计,615'));
    // nothing of that year: exit 1
    assert.equal(lint(['--sum', '--year', '2019', 'examples/']).code, 1);
  });

  it('--tables --format csv; csv only where it makes sense', () => {
    const r = lint(['--tables', '--format', 'csv', 'examples/wuzhong-2023.txt', 'examples/tongxin-2022.txt']);
    assert.equal(r.code, 0);
    assert.ok(r.stdout.startsWith('\uFEFF文件,机关,年度,表,行键,行,列,数值'));
    assert.ok(r.stdout.includes('examples/tongxin-2022.txt,'));
    for (const args of [['--format', 'csv', 'examples/'], ['--tables', '--format', 'sarif', 'examples/'], ['--tables', '--sum', 'examples/'], ['--year', '2023', 'examples/'], ['--sum', '--year', '23', 'examples/']]) {
      assert.equal(lint(args).code, 2, args.join(' '));
    }
  });

  it('compares a report with the same agency’s report of the year before when both are given', () => {
    const dir = path.join(tmp, 'years');
    fs.mkdirSync(dir, { recursive: true });
    const thisYear = readSeed('wuzhong-2023').replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3');
    const lastYear = readSeed('wuzhong-2023').replace(/2023 年/g, '2022 年').replace('规章\t2\t0\t3', '规章\t1\t0\t1').replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t20\t5\t331');
    fs.writeFileSync(path.join(dir, 'wuzhong-2023.txt'), thisYear);
    fs.writeFileSync(path.join(dir, 'wuzhong-2022.txt'), lastYear);
    const rules = (args: string[]) => (JSON.parse(lint(['--format', 'json', ...args]).stdout) as JsonFile[]).map((f) => [path.basename(f.file), f.diagnostics.map((d) => d.rule).filter((r) => r.startsWith('year-'))]);
    assert.deepEqual(rules([dir]).sort(), [['wuzhong-2022.txt', []], ['wuzhong-2023.txt', ['year-carryover']]]);
    assert.deepEqual(rules([path.join(dir, 'wuzhong-2023.txt')]), [['wuzhong-2023.txt', []]], 'alone, nothing to compare with');
    const text = lint([dir]).stdout;
    assert.match(text, /wuzhong-2023\.txt:\d+:\d+: warning year-carryover 表三二（上年结转）·自然人为 4，但上一年度报告（wuzhong-2022\.txt）/);
  });

  it('last year’s report checked just before, many files before, or after this year’s: the same cross-year warnings', () => {
    // this year's carry-over and documents in force both differ from what last year's report leads to
    const thisYear = readSeed('wuzhong-2023')
      .replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3')
      .replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t54\t75\t311');
    const lastYear = readSeed('wuzhong-2023').replace(/2023 年/g, '2022 年').replace('规章\t2\t0\t3', '规章\t1\t0\t1').replace('行政规范性文件\t54\t75\t310', '行政规范性文件\t20\t5\t331');
    const yearWarnings = (layout: string, lastAt: string, thisAt: string) => {
      const dir = path.join(tmp, `order-${layout}`);
      for (const [at, text] of [[lastAt, lastYear], [thisAt, thisYear]] as const) {
        fs.mkdirSync(path.dirname(path.join(dir, at)), { recursive: true });
        fs.writeFileSync(path.join(dir, at), text);
      }
      // more reports between them than the workers are given at once (3 workers, 2 requests each, 16 reports a request)
      if (layout !== 'near') {
        fs.mkdirSync(path.join(dir, 'm'), { recursive: true });
        for (let k = 0; k < 120; k++) fs.writeFileSync(path.join(dir, 'm', `r${String(k).padStart(3, '0')}.md`), readSeed(SEED_NAMES[k % SEED_NAMES.length]!));
      }
      const out = JSON.parse(lint(['--format', 'json', dir]).stdout) as JsonFile[];
      return out.find((f) => f.file === path.join(dir, thisAt))!.diagnostics.filter((d) => d.rule.startsWith('year-'));
    };
    // last year's report checked just before this year's (in the same request to a worker)
    const near = yearWarnings('near', 'wuzhong-2022.txt', 'wuzhong-2023.txt');
    assert.deepEqual(near.map((d) => d.rule), ['year-documents', 'year-carryover']);
    assert.match(near[1]!.message, /但上一年度报告（wuzhong-2022\.txt）表三四（结转下年度继续办理）·自然人为 3/);
    // in an earlier request (what it compares kept by the run), and after this year's (read for it)
    assert.deepEqual(yearWarnings('far', 'a/wuzhong-2022.txt', 'z/wuzhong-2023.txt'), near);
    assert.deepEqual(yearWarnings('after', 'z/wuzhong-2022.txt', 'a/wuzhong-2023.txt'), near);
  });

  it('--shard K/N checks a stable part of the files; --merge joins the parts into what one run writes', () => {
    const dir = path.join(tmp, 'shards');
    // run from the temporary folder, the files named by relative paths: a file's shard depends on its path,
    // so that which shard each file falls in is the same in every run (not on the temporary folder's name)
    const shardLint = (args: string[]) => lint(args.map((a) => (a === dir ? 'shards' : a)), {}, tmp);
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    // a report and last year's, one an old Word file that cannot be read (named once, by its shard)
    const thisYear = readSeed('wuzhong-2023').replace('二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3');
    fs.writeFileSync(path.join(dir, 'wuzhong-2023.txt'), thisYear);
    fs.writeFileSync(path.join(dir, 'sub', 'wuzhong-2022.txt'), readSeed('wuzhong-2023').replace(/2023 年/g, '2022 年'));
    for (const name of SEED_NAMES) fs.writeFileSync(path.join(dir, 'sub', `${name}.md`), readSeed(name));
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    fs.writeFileSync(path.join(dir, '某县2023年度报告.doc'), ole);
    for (const format of ['json', 'sarif']) {
      const whole = shardLint(['--format', format, dir]);
      const parts = [1, 2, 3].map((k) => shardLint(['--format', format, '--shard', `${k}/3`, dir]));
      const files = parts.map((p, k) => {
        const f = path.join(tmp, `shard-${k + 1}.${format}`);
        fs.writeFileSync(f, p.stdout);
        return f;
      });
      // every file in one shard: the parts' files are the whole run's, none twice
      const named = (out: string) => (format === 'json' ? (JSON.parse(out) as JsonFile[]).map((f) => f.file) : [...new Set([...out.matchAll(/"uri": "([^"]+)"/g)].map((m) => m[1]!))]);
      if (format === 'json') assert.deepEqual(parts.flatMap((p) => named(p.stdout)).sort(), named(whole.stdout).sort());
      assert.ok(parts.filter((p) => named(p.stdout).length > 0).length >= 2, 'the files are spread over the shards');
      // the unreadable Word file: named by one shard only, which alone exits 2
      assert.equal(parts.filter((p) => /某县2023年度报告\.doc/.test(p.stderr)).length, 1);
      assert.equal(parts.filter((p) => p.code === 2).length, 1);
      const merged = shardLint(['--merge', ...files.reverse()]);
      assert.equal(merged.stdout, whole.stdout, `${format}: merged = one run`);
      assert.equal(merged.code, 1, 'errors in the merged results');
      assert.equal(shardLint(['--merge', '--exit-zero', ...files]).code, 0);
    }
    // last year's report is found whatever shard it is in
    const years = JSON.parse(shardLint(['--format', 'json', dir]).stdout) as JsonFile[];
    assert.ok(years.find((f) => f.file.endsWith('wuzhong-2023.txt'))!.diagnostics.some((d) => d.rule === 'year-carryover'));
    assert.equal(shardLint(['--format', 'json', '--merge', path.join(tmp, 'shard-1.json'), path.join(tmp, 'shard-1.sarif')]).code, 2, 'one format at a time');
    // a shard's results given twice: its files named as in several
    const withFiles = [1, 2, 3].map((k) => path.join(tmp, `shard-${k}.json`)).find((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as JsonFile[]).length > 0)!;
    const text = shardLint(['--merge', withFiles, withFiles]);
    assert.match(text.stderr, /在多个结果中出现/);
    for (const args of [['--shard', '0/3', dir], ['--shard', '4/3', dir], ['--shard', dir], ['--merge', '--fix', 'a.json'], ['--merge', '--format', 'text', 'a.json'], ['--sum', '--shard', '1/2', dir], ['--merge', path.join(tmp, 'none.json')]]) {
      assert.equal(lint(args).code, 2, args.join(' '));
    }
  });

  it('a file that needs more memory than a worker may use is named, and the rest of the folder is checked', () => {
    const dir = path.join(tmp, 'huge');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'shizuishan-office-2023.txt'), path.join(dir, 'a.txt'));
    // 150 MB of text that looks like a report: reading it takes more than a worker's heap
    const line = Buffer.from('某县2023年政府信息公开工作年度报告 一二三四五六七八九十 '.repeat(20) + '\n');
    const fd = fs.openSync(path.join(dir, 'b.txt'), 'w');
    for (let i = 0; i < Math.ceil(150e6 / line.length); i++) fs.writeSync(fd, line);
    fs.closeSync(fd);
    try {
      const r = lint(['--format', 'json', dir]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /b\.txt: 检查此文件所需内存超出上限（128 MB），未检查/);
      const out = JSON.parse(r.stdout) as JsonFile[];
      assert.deepEqual(out.map((f) => path.basename(f.file)), ['a.txt']);
      assert.ok(out[0]!.diagnostics.some((d) => d.severity === 'error'), 'the other report checked');
    } finally {
      fs.rmSync(path.join(dir, 'b.txt'));
    }
  });

  it('writes GitHub workflow annotations', () => {
    const r = lint(['--format', 'github', 'examples/shizuishan-office-2023.txt']);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 7);
    assert.equal(lines[0], '::warning file=examples/shizuishan-office-2023.txt,line=17,col=69,endLine=17,endColumn=70,title=TXT-table::正文称行政复议 1 件，但表四行政复议·总计为空');
    assert.ok(lines.filter((l) => l.startsWith('::error ')).length === 5);
  });

  it('--quiet reports errors only; --max-warnings fails on too many warnings', () => {
    const q = lint(['--quiet', 'examples/shizuishan-office-2023.txt']);
    assert.ok(!/ warning /.test(q.stdout));
    assert.match(q.stdout, /5 个问题（5 个错误/);
    assert.equal(lint(['--max-warnings', '0', 'examples/tongxin-2022.txt']).code, 0);
    const many = lint(['--max-warnings', '0', '--locale', 'en', '--config', path.join(tmp, 'warn.json'), 'examples/shizuishan-office-2023.txt'], {});
    assert.equal(many.code, 1, many.stdout + many.stderr);
  });

  it('reads .govreportrc.json from the report’s folder upwards, or --config; rejects an invalid one', () => {
    const dir = path.join(tmp, 'team', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'shizuishan-office-2023.txt'), path.join(dir, 'r.txt'));
    fs.writeFileSync(path.join(tmp, 'team', '.govreportrc.json'), JSON.stringify({ rules: { 'TXT-table': 'off', 'cell-empty': 'warning' } }));
    const r = lint(['--format', 'json', path.join(dir, 'r.txt')]);
    assert.equal(r.code, 0, 'the errors became warnings');
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.ok(!out[0]!.diagnostics.some((d) => d.rule === 'TXT-table'));
    assert.ok(out[0]!.diagnostics.filter((d) => d.rule === 'cell-empty').every((d) => d.severity === 'warning'));
    fs.writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify({ rules: { 'TXT-table': 'loud' } }));
    const bad = lint(['--config', path.join(tmp, 'bad.json'), 'examples/wuzhong-2023.txt']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json：rules\.TXT-table 应为 off、error、warning、information、hint 之一，未使用/);
    const badEn = lint(['--locale', 'en', '--config', path.join(tmp, 'bad.json'), 'examples/wuzhong-2023.txt']);
    assert.match(badEn.stderr, /bad\.json: rules\.TXT-table must be one of off, error, warning, information, hint; ignored/);
  });

  it('a config that is a FIFO or a link to /dev/zero: named and ignored at once, the report still checked, exit 2', () => {
    const dir = path.join(tmp, 'hostile');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'wuzhong-2023.txt'), path.join(dir, 'r.txt'));
    for (const make of [() => spawnSync('mkfifo', [path.join(dir, '.govreportrc.json')]), () => fs.symlinkSync('/dev/zero', path.join(dir, '.govreportrc.json'))]) {
      fs.rmSync(path.join(dir, '.govreportrc.json'), { force: true });
      make();
      const r = spawnSync(process.execPath, [CLI, '--jobs', JOBS, '--format', 'json', path.join(dir, 'r.txt')], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /\.govreportrc\.json：不是普通文件（是(管道|设备)），未使用/);
      assert.equal((JSON.parse(r.stdout) as JsonFile[]).length, 1, 'the report is still checked');
    }
    fs.rmSync(path.join(dir, '.govreportrc.json'), { force: true });
  });

  it('honours the problems ignored in .govreportrc.json (by file, rule and place), and rejects a malformed entry', () => {
    const dir = path.join(tmp, 'ignoring', 'reports');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'wuwei-2023.txt'), path.join(dir, 'w.txt'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'wuwei-2023.txt'), path.join(dir, 'other.txt'));
    const at = 'cell:表三 · （六）其他处理 · 1.申请人无正当理由逾期不补正… · 总计';
    fs.writeFileSync(path.join(tmp, 'ignoring', '.govreportrc.json'), JSON.stringify({ ignore: [{ file: 'reports/w.txt', rule: 'T3-row', at }] }));
    const r = lint(['--format', 'json', dir]);
    const out = JSON.parse(r.stdout) as JsonFile[];
    const byName = new Map(out.map((f) => [path.basename(f.file), f.diagnostics.map((d) => d.rule)]));
    assert.ok(!byName.get('w.txt')!.includes('T3-row'), 'ignored in the file it names');
    assert.ok(byName.get('w.txt')!.includes('T3-column'), 'the other problems stay');
    assert.ok(byName.get('other.txt')!.includes('T3-row'), 'not in another file');
    fs.writeFileSync(path.join(tmp, 'ignoring', '.govreportrc.json'), JSON.stringify({ ignore: [{ file: 'reports/w.txt', rule: 'T3-row' }] }));
    const bad = lint([path.join(dir, 'w.txt')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /ignore\[0\] 应有 "file"、"rule"、"at"（字符串），未使用/);
  });

  it('--fix applies the safe fixes to the file and never touches a number', () => {
    const file = path.join(tmp, 'fix.txt');
    const original = readSeed('shizuishan-office-2023').replace('（国办公开办函〔2021〕30号）', '（国办公开办函(2021)30号）').replace('行政规范性文件\t1\t0\t46', '行政规范性文件\t１\t0\t46');
    fs.writeFileSync(file, original);
    const r = lint(['--fix', file]);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.ok(fixed.includes('五、存在的主要问题及改进情况'));
    assert.ok(fixed.includes('国办公开办函〔2021〕30号'));
    assert.ok(fixed.includes('行政规范性文件\t1\t0\t46'));
    assert.equal(fixed.replace(/五、存在的主要问题及改进情况/, '五、存在主要问题及改进情况').replace('〔2021〕', '(2021)').replace('行政规范性文件\t1', '行政规范性文件\t１'), original, 'nothing else changed');
    assert.ok(!/section-title-nonstandard|doc-number-brackets|cell-format/.test(r.stdout));
    lint(['--fix', file]);
    assert.equal(fs.readFileSync(file, 'utf8'), fixed, 'a second --fix changes nothing');
  });

  it('exits quietly when its output is cut short by the reader (| head)', () => {
    const many = Array.from({ length: 12 }, () => 'examples/').join(' ');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --jobs ${JOBS} --tables ${many} | head -c 100 > /dev/null`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.stderr, '', 'no EPIPE stack trace');
  });

  it('--fix writes a report back in the encoding and byte order mark it was read in', () => {
    const original = readSeed('shizuishan-office-2023');
    const fixedTitle = '五、存在的主要问题及改进情况';
    const cases: [string, string, boolean, (s: string) => Buffer][] = [
      ['gbk.txt', 'gb18030', false, (s) => Buffer.from(new TextEncoderGb().encode(s))],
      ['utf16.txt', 'utf-16le', true, (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
      ['bom.txt', 'utf-8', true, (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
    ];
    for (const [name, encoding, bom, write] of cases) {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, write(original));
      lint(['--fix', file]);
      const bytes = fs.readFileSync(file);
      const back = decodeWithEncoding(bytes);
      assert.deepEqual([back.encoding, back.bom], [encoding, bom], name);
      assert.ok(back.text.includes(fixedTitle), `${name}: fixed`);
    }
  });

  it('a UTF-8 report with one stray byte is read as UTF-8 (its tables whole) and the line is named; --verbose names a GB18030 file', () => {
    const seed = readSeed('wuzhong-2023');
    const cut = seed.indexOf('\n', 200) + 1;
    const file = path.join(tmp, 'stray.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(seed.slice(0, cut), 'utf8'), Buffer.from([0xff]), Buffer.from(seed.slice(cut), 'utf8')]));
    const r = lint(['--tables', file]);
    const line = seed.slice(0, cut).split('\n').length;
    assert.match(r.stderr, new RegExp(`stray\\.txt: 第 ${line} 行有不是 UTF-8 的字节，已按 UTF-8 读取`));
    const { file: _a, ...got } = JSON.parse(r.stdout) as { file: string };
    assert.deepEqual(got, tablesOf(path.join(ROOT, 'examples', 'wuzhong-2023.txt')));
    const gbk = path.join(tmp, 'gbk-verbose.txt');
    fs.writeFileSync(gbk, encodeText(seed, 'gb18030', false));
    assert.match(lint(['--verbose', gbk]).stderr, /gbk-verbose\.txt: 按 GB18030 读取/);
  });

  it('follows links to reports inside the folder, names a link out of it', () => {
    const dir = path.join(tmp, 'linked');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'store'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', 'wuwei-2023.txt'), path.join(dir, 'store', 'w.data'));
    fs.symlinkSync(path.join(dir, 'store', 'w.data'), path.join(dir, 'wuwei-2023.txt'));
    fs.symlinkSync(path.join(ROOT, 'examples', 'tongxin-2022.txt'), path.join(dir, 'outside.txt'));
    const r = lint(['--format', 'json', dir]);
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(out.map((f) => path.basename(f.file)), ['wuwei-2023.txt']);
    assert.match(r.stderr, /outside\.txt: a link to a file outside the folder: not followed/);
  });

  it('--fix on a read-only report: one message naming it, exit 2, the other files still fixed', () => {
    const locked = path.join(tmp, 'locked.txt');
    const open = path.join(tmp, 'open.txt');
    fs.writeFileSync(locked, readSeed('shizuishan-office-2023'));
    fs.writeFileSync(open, readSeed('shizuishan-office-2023'));
    fs.chmodSync(locked, 0o444);
    try {
      const r = lint(['--fix', locked, open]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /locked\.txt: 文件只读，--fix 未修改它/);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
      assert.equal(fs.readFileSync(locked, 'utf8'), readSeed('shizuishan-office-2023'));
      assert.ok(fs.readFileSync(open, 'utf8').includes('五、存在的主要问题及改进情况'));
    } finally {
      fs.chmodSync(locked, 0o644);
    }
  });

  it('answers --help and --version, and rejects bad usage with exit 2', () => {
    const help = lint(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /用法：gov-report-lint/);
    const version = lint(['--version']);
    assert.equal(version.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
    assert.equal(lint([]).code, 2);
    const bad = lint(['--format', 'xml', 'examples/']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown format "xml"/);
    assert.equal(lint(['--frobnicate', 'examples/']).code, 2);
    // every mistake said at once, each by name; nothing checked (or fixed)
    const many = lint(['--frobnicate', '-x', '--fix=yes', '--year', '20', '--max-warnings', 'many', '--locale', 'fr', '--config=', '--format', 'examples/']);
    assert.equal(many.code, 2);
    for (const said of ['unknown option --frobnicate', 'unknown option -x', '--fix: takes no value', '--year: "20" is not a year', '--max-warnings: "many" is not a number', '--locale: unknown locale "fr"', '--config: missing file', '--format: unknown format "examples/"']) {
      assert.ok(many.stderr.includes(said), `${said} in ${many.stderr}`);
    }
    assert.equal(many.stdout, '');
    // after --, everything is a file
    const dashed = lint(['--format', 'json', '--', '--fix']);
    assert.equal(dashed.code, 2);
    assert.match(dashed.stderr, /--fix: 文件不存在/);
  });
});

describeJobs('gov-report-lint on reports as they are published (web pages, Word)', () => {
  const RENDERINGS = path.join(ROOT, 'test', 'fixtures', 'renderings');
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-forms-'));
    fs.copyFileSync(path.join(RENDERINGS, 'wuzhong-2023.docx'), path.join(dir, 'wuzhong-2023.docx'));
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'real', 'pingtan-jinjing-pianqu-2024.html'), path.join(dir, 'jinjing.html'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><body><p>欢迎访问本网站</p></body></html>');
    // an old binary Word file that holds a report's title (its text is UTF-16 inside), and one that does not
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    fs.writeFileSync(path.join(dir, 'old.doc'), Buffer.concat([Buffer.from(ole), Buffer.alloc(64), Buffer.from('X县2023年政府信息公开工作年度报告', 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'memo.doc'), Buffer.concat([Buffer.from(ole), Buffer.from('会议纪要', 'utf16le')]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks the Word file and the web page in a folder, names the old .doc report it cannot read, and passes over what is no report', () => {
    const r = lint(['--format', 'json', dir]);
    assert.equal(r.code, 2, r.stderr);
    const out = JSON.parse(r.stdout) as JsonFile[];
    assert.deepEqual(out.map((f) => path.basename(f.file)), ['jinjing.html', 'wuzhong-2023.docx']);
    assert.deepEqual(out[1]!.diagnostics, [], 'the seed has no problem, as Word lays it out');
    assert.deepEqual(out[0]!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule).sort(), ['cell-empty', 'table-row-missing']);
    assert.match(r.stderr, /old\.doc: 这是旧版 Word\/WPS 二进制文件/);
    assert.ok(!r.stderr.includes('memo.doc') && !r.stderr.includes('index.html'), r.stderr);
  });

  it('--to-text turns a Word file into report text that checks the same', () => {
    const r = lint(['--to-text', path.join(dir, 'wuzhong-2023.docx')]);
    assert.equal(r.code, 0, r.stderr);
    const text = path.join(dir, 'wuzhong.txt');
    fs.writeFileSync(text, r.stdout);
    assert.deepEqual(tablesOf(text), tablesOf(path.join(ROOT, 'test', 'fixtures', 'seeds', 'wuzhong-2023.txt')));
    fs.rmSync(text);
  });

  it('--fix never rewrites a Word file or a page, and says so', () => {
    const file = path.join(dir, 'jinjing.html');
    const before = fs.readFileSync(file);
    const r = lint(['--fix', file]);
    assert.deepEqual(fs.readFileSync(file), before);
    assert.match(r.stderr, /--fix 只改写文本文件/);
  });

  it('refuses a file given by name that it cannot read with exit 2, and still checks the others', () => {
    const r = lint(['--format', 'json', path.join(dir, 'old.doc'), path.join(dir, 'wuzhong-2023.docx')]);
    assert.equal(r.code, 2);
    assert.deepEqual((JSON.parse(r.stdout) as JsonFile[]).map((f) => path.basename(f.file)), ['wuzhong-2023.docx']);
    assert.match(r.stderr, /“另存为” \.docx/);
  });
});

describeJobs('gov-report-lint on PDFs', () => {
  const RENDERINGS = path.join(ROOT, 'test', 'fixtures', 'renderings');
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-pdf-'));
    fs.copyFileSync(path.join(RENDERINGS, 'wuwei-2023.pdf'), path.join(dir, 'wuwei-2023.pdf'));
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'bad', 'encrypted.pdf'), path.join(dir, '2023年报-加密.pdf'));
    // a PDF with text that is no report (its text is read, then it is passed over)
    const minutes = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n4 0 obj\n<< /Length 58 >>\nstream\nBT /F1 12 Tf 20 200 Td (Minutes of the meeting, no report) Tj ET\nendstream\nendobj\n5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    fs.writeFileSync(path.join(dir, 'minutes.pdf'), minutes, 'latin1');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks a PDF in a folder, each problem with its page; names the protected one; passes over one that is no report', () => {
    const r = lint([dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /wuwei-2023\.pdf:\d+:\d+: error T3-row .*（第 6 页）/);
    assert.match(r.stderr, /2023年报-加密\.pdf: 这个 PDF 设置了打开密码/);
    assert.ok(!r.stdout.includes('minutes.pdf') && !r.stderr.includes('minutes.pdf'), r.stdout + r.stderr);
    assert.ok(!/Warning:/.test(r.stdout + r.stderr), 'pdf.js’s own console warnings are held back');
  });

  it('pairs a PDF with the same agency’s report of the year before (its title read from its first page only)', () => {
    const years = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-pdf-years-'));
    try {
      fs.copyFileSync(path.join(RENDERINGS, 'wuzhong-2023.pdf'), path.join(years, 'wuzhong-2023.pdf'));
      fs.writeFileSync(path.join(years, 'wuzhong-2022.txt'), readSeed('wuzhong-2023').replace(/2023 年/g, '2022 年'));
      const out = JSON.parse(lint(['--format', 'json', years]).stdout) as JsonFile[];
      const yearRules = (name: string) => out.find((f) => f.file.endsWith(name))!.diagnostics.filter((d) => d.rule.startsWith('year-'));
      assert.deepEqual(yearRules('wuzhong-2022.txt'), []);
      const found = yearRules('wuzhong-2023.pdf');
      assert.ok(found.length > 0 && found.every((d) => d.message.includes('上一年度报告（wuzhong-2022.txt）')), JSON.stringify(found));
    } finally {
      fs.rmSync(years, { recursive: true, force: true });
    }
  });

  it('--to-text writes a PDF as report text, its fully read tables tab-separated in the national layout, with the same numbers', () => {
    const pdf = path.join(dir, 'wuwei-2023.pdf');
    const r = lint(['--to-text', pdf]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes('结果维持\t结果纠正\t其他结果'), 'table 四 in the national layout');
    const text = path.join(dir, 'wuwei-from-pdf.txt');
    fs.writeFileSync(text, r.stdout);
    try {
      assert.deepEqual(tablesOf(text), tablesOf(pdf));
    } finally {
      fs.rmSync(text);
    }
  });

  it('--tables on a PDF gives the seed’s tables; --format json gives each problem’s page', () => {
    const pdf = path.join(dir, 'wuwei-2023.pdf');
    assert.deepEqual(tablesOf(pdf), tablesOf(path.join(ROOT, 'test', 'fixtures', 'seeds', 'wuwei-2023.txt')));
    const out = JSON.parse(lint(['--format', 'json', pdf]).stdout) as JsonFile[];
    assert.ok(out[0]!.diagnostics.length > 0 && out[0]!.diagnostics.every((d) => typeof d.page === 'number' && d.page >= 1));
  });
});

describe('gov-report-lint --export', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-export-'));
    for (const name of ['tongxin-2022', 'wuwei-2023'] as const) fs.writeFileSync(path.join(dir, `${name}.txt`), readSeed(name));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--export docx writes a Word document beside the report that reads back to the same tables', () => {
    const file = path.join(dir, 'tongxin-2022.txt');
    const r = lint(['--export', 'docx', file]);
    assert.equal(r.code, 0, r.stderr);
    const out = path.join(dir, 'tongxin-2022.docx');
    assert.equal(r.stdout, out + '\n');
    assert.equal(r.stderr, '');
    assert.deepEqual([...fs.readFileSync(out).subarray(0, 2)], [0x50, 0x4b], 'a zip');
    assert.deepEqual(tablesOf(out), tablesOf(file));
    assert.equal(lint(['--format', 'json', out]).code, 0);
  });

  it('--export html --out writes a web page fragment where told, that reads back to the same tables', () => {
    const file = path.join(dir, 'tongxin-2022.txt');
    const out = path.join(dir, 'site', 'report.html');
    fs.mkdirSync(path.dirname(out));
    const r = lint(['--export', 'html', '--out', out, file]);
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<article class="gov-annual-report">/);
    assert.doesNotMatch(html, /<script/i);
    assert.deepEqual(tablesOf(out), tablesOf(file));
  });

  it('refuses while the tables have errors, listing them (exit 1, nothing written); --force exports all the same', () => {
    const file = path.join(dir, 'wuwei-2023.txt');
    const out = path.join(dir, 'wuwei-2023.docx');
    const r = lint(['--export', 'docx', file]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 9, r.stderr);
    assert.ok(lines.slice(0, 8).every((l) => l.startsWith(`${file}:`) && / error (?:cell-residue|cell-empty|T3-row|T3-column) /.test(l)), r.stderr);
    assert.match(lines[8]!, /未导出：表格中有 8 个错误.*--force/);
    assert.ok(!fs.existsSync(out));
    const forced = lint(['--export', 'docx', '--force', file]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /表格中有 8 个错误，已按 --force 导出/);
    assert.ok(fs.existsSync(out));
    // in English too
    assert.match(lint(['--export', 'html', '--locale', 'en', file]).stderr, /not exported: the tables have 8 errors/);
  });

  it('never writes over the report itself', () => {
    const docx = path.join(dir, 'tongxin-2022.docx');
    if (!fs.existsSync(docx)) assert.equal(lint(['--export', 'docx', path.join(dir, 'tongxin-2022.txt')]).code, 0);
    const before = fs.readFileSync(docx);
    const r = lint(['--export', 'docx', docx]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /覆盖报告本身.*--out/);
    assert.deepEqual(fs.readFileSync(docx), before);
    // to another path it may: a Word report exported again
    assert.equal(lint(['--export', 'docx', '--out', path.join(dir, 'again.docx'), docx]).code, 0);
  });

  it('says what is wrong with the options', () => {
    const file = path.join(dir, 'tongxin-2022.txt');
    const usage = (args: string[], message: RegExp) => {
      const r = lint(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    };
    usage(['--export', 'pdf', file], /--export: unknown format "pdf" \(docx, html\)/);
    usage(['--out', 'x.docx', file], /--out: only with --export/);
    usage(['--force', file], /--force: only with --export/);
    usage(['--export', 'docx', file, file], /--export: one report at a time/);
    usage(['--export', 'docx', '--tables', file], /--export: not with --tables/);
    usage(['--export', 'docx', path.join(dir, 'missing.txt')], /missing\.txt/);
  });
});

describe('gov-report-lint --compare', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-compare-'));
    fs.writeFileSync(path.join(dir, 'wuzhong-2023.txt'), readSeed('wuzhong-2023'));
    fs.writeFileSync(path.join(dir, 'wuzhong-2022.txt'), previousYearOf(readSeed('wuzhong-2023')));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the changes, the flagged ones first, and the paragraphs copied from last year', () => {
    const r = lint(['--compare', 'wuzhong-2022.txt', 'wuzhong-2023.txt'], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'wuzhong-2023.txt（2023 年）与上一年度 wuzhong-2022.txt（2022 年）比较');
    assert.equal(lines[1], '统计表：200 格中 14 格有变化，3 格变化异常');
    assert.match(lines[2]!, /^ {2}⚠ 表三（一）·自然人 {2}0 → 144/);
    assert.match(r.stdout, /相似段落：\d+ 段与上一年度的段落相同或几乎相同/);
  });

  it('--format json: the comparison as data, a web page or Word file as last year’s report too', () => {
    const r = lint(['--compare', 'wuzhong-2022.txt', '--format', 'json', 'wuzhong-2023.txt'], {}, dir);
    assert.equal(r.code, 0, r.stderr);
    const c = JSON.parse(r.stdout) as { year: number; previous: { year: number }; flagged: number; cells: { name: string; now: number; before: number }[]; paragraphs: unknown[] };
    assert.deepEqual([c.year, c.previous.year, c.flagged, c.cells.length], [2023, 2022, 3, 200]);
    // last year's as a Word file: the same comparison of the tables
    assert.equal(lint(['--export', 'docx', '--force', '--out', 'wuzhong-2022.docx', 'wuzhong-2022.txt'], {}, dir).code, 0);
    const w = JSON.parse(lint(['--compare', 'wuzhong-2022.docx', '--format', 'json', 'wuzhong-2023.txt'], {}, dir).stdout) as typeof c;
    assert.deepEqual(w.cells.map((x) => [x.name, x.now, x.before]), c.cells.map((x) => [x.name, x.now, x.before]));
  });

  it('says what is wrong', () => {
    const missing = lint(['--compare', 'none.txt', 'wuzhong-2023.txt'], {}, dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /none\.txt/);
    for (const [args, message] of [
      [['--compare', 'wuzhong-2022.txt', 'wuzhong-2023.txt', 'wuzhong-2022.txt'], /--compare: one report at a time/],
      [['--compare', 'wuzhong-2022.txt', '--format', 'sarif', 'wuzhong-2023.txt'], /--compare: --format sarif: text or json/],
      [['--compare', 'wuzhong-2022.txt', '--tables', 'wuzhong-2023.txt'], /--compare: not with --tables/],
    ] as const) {
      const r = lint([...args], {}, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});
