/**
 * What the packaged extension contains: the bundles, grammar, snippets, language
 * configuration, strings, README, CHANGELOG, LICENSE, icon and config schema; never
 * sources, tests, maps, docs or node_modules.
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
  return zipDirectory(file).map((e) => e.name);
}

/** Entries of a zip file with their compressed sizes, read from its central directory. */
function zipDirectory(file: string): { name: string; compressed: number }[] {
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
  const names: { name: string; compressed: number }[] = [];
  for (let k = 0; k < count; k++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** What may go into the .vsix: the bundles, grammar, snippets, language configuration, strings, README, CHANGELOG, LICENSE, the icon, and the schema jsonValidation points at. */
const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^README\.md$/i,
  /^CHANGELOG\.md$/i,
  /^LICENSE(\.txt|\.md)?$/i,
  /^language-configuration\.json$/,
  /^dist\/(client|nodeClient|server|cli|browserClient|browserServer|readers|export|pdf)\.js$/,
  /^dist\/cmaps\/[A-Za-z0-9-]+\.bcmap$/,
  /^syntaxes\/[^/]+\.tmLanguage\.json$/,
  /^snippets\/[^/]+\.code-snippets$/,
  /^images\/icon\.png$/,
  /^schemas\/govreportrc\.schema\.json$/,
];

const NEEDED = [
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'language-configuration.json',
  'dist/client.js',
  'dist/nodeClient.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/browserClient.js',
  'dist/browserServer.js',
  'dist/readers.js',
  'dist/export.js',
  'dist/pdf.js',
  'dist/cmaps/UniGB-UCS2-H.bcmap',
  'dist/cmaps/Adobe-GB1-UCS2.bcmap',
  'syntaxes/gov-annual-report.tmLanguage.json',
  'snippets/gov-annual-report.code-snippets',
  'images/icon.png',
  'schemas/govreportrc.schema.json',
];

describe('the .vsix package', () => {
  it('vsce ls lists only the allowed files, and every file the extension needs', () => {
    const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const files = r.stdout.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    for (const f of files) assert.ok(ALLOWED.some((re) => re.test(f)), `${f} must not be packaged`);
    for (const f of NEEDED) assert.ok(files.includes(f), `${f} missing from: ${files.join(', ')}`);
  });

  // the budget: 1 MB for the extension, and the PDF engine beside it (pdf.js ~550 KB zipped, its
  // Chinese CMaps ~480 KB), loaded only when a PDF is opened, and the Word writer, loaded on export
  it('packages into a .vsix under 2.5 MB with the same files', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vsix-'));
    try {
      const vsix = path.join(out, 'test.vsix');
      const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr + r.stdout);
      const size = fs.statSync(vsix).size;
      assert.ok(size < 2.5 * 1024 * 1024, `${size} bytes`);
      const entries = zipEntries(vsix).filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
      // vsce renames some files in the archive (readme.md, LICENSE.txt): compare without case and extension
      const base = (f: string) => f.toLowerCase().replace(/\.(txt|md)$/, '');
      for (const needed of NEEDED) assert.ok(entries.some((e) => base(e) === base(needed)), `${needed} missing from ${entries.join(', ')}`);
      for (const e of entries) assert.ok(ALLOWED.some((re) => re.test(e)), `${e} must not be packaged`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  // the package that ships (npm run package: minified bundles; the tests' own build is not minified,
  // so its sizes say nothing of it): CI's first command makes it before the tests run
  const shipped = path.join(ROOT, 'dist-vsix', 'gov-annual-report.vsix');
  it('the shipped .vsix: the extension under 1 MB zipped beside its PDF engine and Word writer', { skip: !fs.existsSync(shipped) && 'no dist-vsix/gov-annual-report.vsix (npm run package makes it)' }, () => {
    const directory = zipDirectory(shipped);
    assert.ok(fs.statSync(shipped).size < 2.5 * 1024 * 1024);
    // the extension itself (everything but the PDF engine and its CMaps, and the Word writer, each
    // loaded only when first needed) under 1 MB zipped; the Word writer (the docx package) under 100 KB
    const own = directory.filter((e) => !/^extension\/dist\/(pdf\.js|export\.js|cmaps\/)/.test(e.name)).reduce((n, e) => n + e.compressed, 0);
    assert.ok(own < 1024 * 1024, `the extension without the PDF engine and the Word writer: ${own} bytes zipped`);
    const writer = directory.find((e) => e.name === 'extension/dist/export.js');
    assert.ok(writer && writer.compressed < 100 * 1024, `the Word writer: ${writer?.compressed} bytes zipped`);
    // the language server, minified (unminified it is half as large again)
    const server = directory.find((e) => e.name === 'extension/dist/server.js');
    assert.ok(server && server.compressed < 180 * 1024, `the server: ${server?.compressed} bytes zipped`);
  });

  it('declares what the marketplace and workspace trust need', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
      capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
      keywords: string[];
      categories: string[];
      repository: { url: string };
      icon: string;
    };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true, 'nothing from the workspace is executed');
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.ok(pkg.keywords.some((k) => /[\u4e00-\u9fff]/.test(k)) && pkg.keywords.some((k) => /^[a-z ]+$/i.test(k)), 'keywords in Chinese and in English');
    assert.ok(pkg.keywords.length <= 30, 'the marketplace takes at most 30 keywords');
    assert.ok(pkg.categories.includes('Linters'));
    assert.match(pkg.repository.url, /^https:\/\//);
    assert.equal(pkg.license, 'MIT');
    // the icon: a PNG of at least 128×128
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'at least 128×128');
  });
});
