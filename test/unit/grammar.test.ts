/**
 * The TextMate grammar, run through the same engine VS Code uses (vscode-textmate + Oniguruma).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { analyze } from '../../server/src/check';
import { indexCells } from '../../server/src/model/cellIndex';
import { ROOT, SEED_NAMES, readSeed } from '../helpers';

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'text.gov-annual-report') return null;
      const file = path.join(ROOT, 'syntaxes', 'gov-annual-report.tmLanguage.json');
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  grammar = (await registry.loadGrammar('text.gov-annual-report'))!;
});

/** Scopes per line: for each line, the tokens as [text, innermost scopes joined]. */
function tokenize(text: string): { line: string; tokens: { text: string; scopes: string }[] }[] {
  let state = textmate.INITIAL;
  return text.split(/\r\n|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return { line, tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') })) };
  });
}

function scopesOf(lines: ReturnType<typeof tokenize>, needle: string): string {
  for (const l of lines) for (const t of l.tokens) if (t.text.includes(needle)) return t.scopes;
  throw new Error('no token contains ' + needle);
}

/** The scopes at a character offset of a text. */
function scopeAt(lines: ReturnType<typeof tokenize>, text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\n/).length - 1;
  const col = offset - (before.lastIndexOf('\n') + 1);
  let at = 0;
  for (const t of lines[line]!.tokens) {
    if (col >= at && col < at + t.text.length) return t.scopes;
    at += t.text.length;
  }
  return '';
}

describe('TextMate grammar on every heading, sub-item, number cell and 文号 of the seeds', () => {
  for (const name of SEED_NAMES) {
    it(name, () => {
      const text = readSeed(name);
      const lines = tokenize(text);
      const a = analyze(text);
      for (const s of a.report.sections) {
        assert.match(scopeAt(lines, text, s.heading.textSpan.start), /markup\.heading\.2\.section/, `heading ${s.heading.text}`);
        for (const sub of s.subheadings) {
          if (sub.style === 'paren') assert.match(scopeAt(lines, text, sub.markerSpan.start), /subitem/, `sub-item ${sub.label}`);
          else assert.match(scopeAt(lines, text, sub.markerSpan.start), /markup\.list\.numbered|meta\.table/, `enumeration ${sub.label}`);
        }
      }
      let numbers = 0;
      for (const c of indexCells(a.report)) {
        if (c.cell.value === null || c.cell.issue !== undefined) continue;
        assert.match(scopeAt(lines, text, c.cell.start), /constant\.numeric\.cell/, `${c.name} = ${c.cell.raw}`);
        numbers++;
      }
      assert.ok(numbers > 150, `${numbers} number cells`);
      const docNumbers = [...text.matchAll(/[\p{Script=Han}]{1,12}〔\d{4}〕\d+号/gu)];
      for (const m of docNumbers) assert.match(scopeAt(lines, text, m.index! + m[0].length - 1), /document-number/, m[0]);
    });
  }
});

describe('TextMate grammar', () => {
  it('gives the title and the six section headings their scopes in every seed', () => {
    for (const name of SEED_NAMES) {
      const lines = tokenize(readSeed(name));
      const titles = lines.filter((l) => l.tokens.some((t) => t.scopes.includes('markup.heading.1.title')));
      assert.equal(titles.length, 1, `${name}: one title line, got ${titles.map((t) => t.line).join(' | ')}`);
      const sections = lines.filter((l) => l.tokens.some((t) => t.scopes.includes('markup.heading.2.section')));
      assert.deepEqual(
        sections.map((l) => l.line.trim()[0]),
        ['一', '二', '三', '四', '五', '六'],
        `${name}: ${sections.map((s) => s.line).join(' | ')}`,
      );
    }
  });

  it('scopes the numeral, sub-items, table numbers, 文号 and 《》 titles', () => {
    const lines = tokenize(readSeed('wuzhong-2023'));
    assert.match(scopesOf(lines, '总体情况'), /entity\.name\.section/);
    assert.match(scopesOf(lines, '（一）'), /punctuation\.definition\.list\.begin\.subitem/);
    assert.match(scopesOf(lines, '主动公开情况'), /markup\.heading\.3\.subitem/);
    assert.match(scopesOf(lines, '380599'), /constant\.numeric\.cell/);
    assert.match(scopesOf(lines, '国办公开办函〔2021〕30号'), /constant\.other\.reference\.document-number/);
    assert.match(scopesOf(lines, '《中华人民共和国政府信息公开条例》'), /string\.quoted\.other\.title/);
    assert.match(scopesOf(lines, '第二十条第(一)项'), /subtable/);
    assert.match(scopesOf(tokenize('行政规范性文件\t54\t75\t310'), '行政规范性文件'), /entity\.name\.tag\.label\.cell/);
    assert.match(scopesOf(lines, '一是'), /markup\.list\.numbered/);
    assert.match(scopesOf(lines, 'http://www.wuzhong.gov.cn/xxgk/zfxxgknb/'), /markup\.underline\.link\.url/);
    assert.match(scopesOf(lines, '0953-2037701'), /phone-number/);
    assert.match(scopesOf(lines, '严抓严管政务新媒体'), /markup\.bold/);
    const dates = tokenize('统计期限为2023年1月1日至12月31日，邮箱 gk@example.gov.cn');
    assert.match(scopesOf(dates, '2023年1月1日'), /constant\.numeric\.date/);
    assert.match(scopesOf(dates, '12月31日'), /constant\.numeric\.date/);
    assert.match(scopesOf(dates, 'gk@example.gov.cn'), /markup\.underline\.link\.email/);
  });

  it('does not take the cover letter or a table row for a heading', () => {
    const lines = tokenize(readSeed('wuwei-2023'));
    const letter = lines.find((l) => l.line.includes('关于报送'))!;
    assert.ok(!letter.tokens.some((t) => t.scopes.includes('markup.heading')));
    const row = lines.find((l) => l.line.startsWith('四、结\t'))!;
    assert.ok(!row.tokens.some((t) => t.scopes.includes('markup.heading.2')));
  });
});
