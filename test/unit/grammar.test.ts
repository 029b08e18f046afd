/**
 * The TextMate grammar, run through the same engine VS Code uses (vscode-textmate + Oniguruma).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
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
  });

  it('does not take the cover letter or a table row for a heading', () => {
    const lines = tokenize(readSeed('wuwei-2023'));
    const letter = lines.find((l) => l.line.includes('关于报送'))!;
    assert.ok(!letter.tokens.some((t) => t.scopes.includes('markup.heading')));
    const row = lines.find((l) => l.line.startsWith('四、结\t'))!;
    assert.ok(!row.tokens.some((t) => t.scopes.includes('markup.heading.2')));
  });
});
