import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/check';
import { endsSentence, leadingMarkup, parse } from '../../server/src/parse/parser';
import type { HeadingNode, ParagraphNode, SubheadingNode, TableNode } from '../../server/src/parse/syntax';
import { LineIndex, cjkNumeralValue, countBelow, isSpaceCode, splitLines, toHalfWidth } from '../../server/src/parse/text';
import { SEED_NAMES, SeedName, randomPieces, readSeed, rng } from '../helpers';

describe('text helpers', () => {
  it('splits lines on \\n, \\r\\n and \\r, keeping offsets', () => {
    const lines = splitLines('ab\r\ncd\ref\n');
    assert.deepEqual(
      lines.map((l) => [l.start, l.end, l.text]),
      [
        [0, 2, 'ab'],
        [4, 6, 'cd'],
        [7, 9, 'ef'],
        [10, 10, ''],
      ],
    );
  });

  it('maps offsets to positions and back in UTF-16 code units', () => {
    const text = '一、总体情况\r\n𠀀x\n';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(8), { line: 1, character: 0 });
    // 𠀀 is a surrogate pair: x is at character 2
    assert.deepEqual(index.positionAt(10), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 1, character: 2 }), 10);
    assert.deepEqual(index.positionAt(999), { line: 2, character: 0 });
  });

  it('folds full-width forms without changing the length', () => {
    assert.equal(toHalfWidth('（一）１２３．　ａ'), '(一)123. a');
    assert.equal(toHalfWidth('（一）１２３．　ａ').length, '（一）１２３．　ａ'.length);
  });

  it('folds as the definition says: each of U+FF01–FF5E to U+0021–007E, U+3000 to a space, nothing else (seeds and random text)', () => {
    const fold = (s: string) => s.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    for (const name of SEED_NAMES) for (const line of readSeed(name).split('\n')) assert.equal(toHalfWidth(line), fold(line));
    const random = rng(7);
    // the edges of the range and around them, CJK, ASCII, surrogates
    const alphabet = ['\uff00', '\uff01', '\uff5e', '\uff5f', '\u3000', '\u3001', '（', '）', '，', '表', 'a', ' ', '\t', '\ud840', '\udc00'];
    for (let k = 0; k < 2000; k++) {
      const s = randomPieces(random, alphabet, 12);
      assert.equal(toHalfWidth(s), fold(s), JSON.stringify(s));
    }
  });

  it('tells white space exactly as /\\s/ does, for every character of the BMP', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  it('counts the numbers of a sorted list below a value', () => {
    const sorted = [2, 5, 5, 9];
    assert.deepEqual([0, 2, 3, 5, 6, 9, 10].map((v) => countBelow(sorted, v)), [0, 0, 1, 1, 3, 3, 4]);
    assert.equal(countBelow([], 1), 0);
  });

  it('reads Chinese numerals', () => {
    assert.equal(cjkNumeralValue('一'), 1);
    assert.equal(cjkNumeralValue('六'), 6);
    assert.equal(cjkNumeralValue('十'), 10);
    assert.equal(cjkNumeralValue('十二'), 12);
    assert.equal(cjkNumeralValue('二十三'), 23);
    assert.ok(Number.isNaN(cjkNumeralValue('甲')));
  });
});

describe('title', () => {
  it('finds a one-line title with agency and year', () => {
    const tree = parse('\n\n吴忠市 2023 年政府信息公开工作年度报告\n\n根据……\n');
    assert.equal(tree.title?.agency, '吴忠市');
    assert.equal(tree.title?.year, 2023);
    assert.equal(tree.title?.start, 2);
    assert.equal(tree.preface, undefined);
  });

  it('joins a title split over two lines (agency above the year)', () => {
    const text = '石嘴山市人民政府办公室\n\n2023 年政府信息公开工作年度报告\n\n一、总体情况\n';
    const tree = parse(text);
    assert.equal(tree.title?.agency, '石嘴山市人民政府办公室');
    assert.equal(tree.title?.year, 2023);
    assert.equal(tree.title?.lines.length, 2);
    assert.equal(tree.title?.start, 0);
    assert.equal(text.slice(tree.title!.lines[1]!.start, tree.title!.lines[1]!.end), '2023 年政府信息公开工作年度报告');
  });

  it('joins a title broken inside the phrase', () => {
    const tree = parse('吴忠市2023年政府信息公开\n工作年度报告\n');
    assert.equal(tree.title?.text, '吴忠市2023年政府信息公开工作年度报告');
    assert.equal(tree.title?.lines.length, 2);
  });

  it('skips a cover letter and keeps it as the preface', () => {
    const text = [
      '武威市人民政府',
      '武政函〔2024〕15号',
      '武威市人民政府 关于报送武威市 2023 年政府信息公开 工作年度报告的函',
      '现将《武威市 2023 年政府信息公开工作年度报告》报来,请审示。',
      '',
      '武威市 2023 年政府信息公开工作年度报告',
      '一、总体情况',
    ].join('\n');
    const tree = parse(text);
    assert.equal(tree.title?.agency, '武威市');
    assert.equal(tree.title?.start, text.indexOf('武威市 2023 年政府信息公开工作年度报告\n'));
    assert.deepEqual(tree.preface, { start: 0, end: text.indexOf('\n\n') });
  });

  it('reads a Markdown title, full-width digits and a year in Chinese numerals', () => {
    assert.equal(parse('# **某县２０２２年政府信息公开工作年度报告**').title?.year, 2022);
    assert.equal(parse('# **某县２０２２年政府信息公开工作年度报告**').title?.agency, '某县');
    assert.equal(parse('某局二〇二一年政府信息公开工作年度报告').title?.year, 2021);
  });

  it('has no title when there is none, and no agency when the title has none', () => {
    assert.equal(parse('一、总体情况\n政府信息公开工作年度报告').title, undefined);
    const tree = parse('2023年政府信息公开工作年度报告\n');
    assert.equal(tree.title?.agency, undefined);
    assert.equal(tree.title?.year, 2023);
  });
});

describe('blocks', () => {
  it('recognises headings with their numeral and text', () => {
    const text = 'T县2023年政府信息公开工作年度报告\n一、总体情况\n## 二．主动公开政府信息情况\n**五、存在的主要问题及改进情况**\n';
    const headings = parse(text).blocks.filter((b): b is HeadingNode => b.kind === 'heading');
    assert.deepEqual(
      headings.map((h) => [h.number, h.text]),
      [
        [1, '总体情况'],
        [2, '主动公开政府信息情况'],
        [5, '存在的主要问题及改进情况'],
      ],
    );
    const h = headings[1]!;
    assert.equal(text.slice(h.numeralSpan.start, h.numeralSpan.end), '二');
    assert.equal(text.slice(h.textSpan.start, h.textSpan.end), '主动公开政府信息情况');
  });

  it('does not take a long sentence starting with 一、 for a heading', () => {
    const long = '一、' + '这是一个很长的句子'.repeat(8) + '。';
    assert.equal(parse(long).blocks[0]!.kind, 'paragraph');
  });

  it('recognises sub-items in every style', () => {
    const text = '（一）主动公开情况。全年发布\n(二) 依申请公开方面\n一是突出重点，提升质量。\n- 二是聚焦重点领域\n1.推进法治政府建设。\n2．深化财政信息公开\n';
    const subs = parse(text).blocks.filter((b): b is SubheadingNode => b.kind === 'subheading');
    assert.deepEqual(
      subs.map((s) => [s.style, s.ordinal, s.label]),
      [
        ['paren', 1, '主动公开情况'],
        ['paren', 2, '依申请公开方面'],
        ['shi', 1, '突出重点，提升质量'],
        ['shi', 2, '聚焦重点领域'],
        ['arabic', 1, '推进法治政府建设'],
        ['arabic', 2, '深化财政信息公开'],
      ],
    );
    assert.equal(text.slice(subs[0]!.markerSpan.start, subs[0]!.markerSpan.end), '（一）');
  });

  it('reads a sub-item marker the same whatever the length of the line after it', () => {
    // the markers are first matched in a line's head only (parser.ts markerText): a marker spread by
    // white space past the head, or a line that is nothing but marker characters, still reads as a whole
    const prose = '。全年发布信息，' + '主动公开各类信息，'.repeat(20) + '完成。';
    const cases: [string, [string, number, string] | undefined][] = [
      [`（一）主动公开情况：${prose}`, ['paren', 1, '主动公开情况']],
      [`（${'\u3000'.repeat(30)}二${' '.repeat(10)}）依申请公开${prose}`, ['paren', 2, '依申请公开']],
      [`(${' '.repeat(30)}三${prose}`, undefined],
      [`1${'\u3000'.repeat(30)}．推进法治政府建设；${prose}`, ['arabic', 1, '推进法治政府建设']],
      [`1${' '.repeat(30)}.5万元用于平台建设${prose}`, undefined],
      [`十是${prose}`, ['shi', 10, '']],
      [`（一）（二）（三）（四）（五）（六）（七）（八）（九）：${prose}`, ['paren', 1, '（二）（三）（四）（五）（六）（七）（八）（九）']],
      ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十是' + prose, undefined],
    ];
    for (const [line, want] of cases) {
      const block = parse(line).blocks[0]!;
      const got = block.kind === 'subheading' ? [block.style, block.ordinal, block.label] : undefined;
      assert.deepEqual(got, want, line.slice(0, 50));
    }
  });

  it('tells a line that ends a sentence as the pattern /[marks]\\**[ \\t\\u3000]*$/ does (read backwards)', () => {
    const pattern = /[。！？；：.!?;:）)」』”"]\**[ \t\u3000]*$/;
    const alphabet = ['。', '；', '.', ')', '”', '*', '**', ' ', '\t', '\u3000', '字', 'a', '（', '-'];
    const random = rng(7);
    let ends = 0;
    for (let k = 0; k < 20_000; k++) {
      const line = randomPieces(random, alphabet, 7);
      assert.equal(endsSentence(line), pattern.test(line), JSON.stringify(line));
      if (pattern.test(line)) ends++;
    }
    assert.ok(ends > 2_000 && ends < 18_000, `both answers drawn (${ends} of 20 000 end a sentence)`);
  });

  it('measures a line\'s leading Markdown markup as the pattern does, without running it on lines that start with none', () => {
    const pattern = /^(?:[ \t\u3000]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\*\*|__))*[ \t\u3000]*/;
    const alphabet = ['#', '##', '>', '-', '*', '**', '+', '_', '__', ' ', '\t', '\u3000', '一', '（', 'a', '1'];
    const random = rng(11);
    let marked = 0;
    for (let k = 0; k < 20_000; k++) {
      const line = randomPieces(random, alphabet, 6);
      const want = pattern.exec(line)![0].length;
      assert.equal(leadingMarkup(line), want, JSON.stringify(line));
      if (want > 0) marked++;
    }
    assert.ok(marked > 2_000 && marked < 18_000, `both answers drawn (${marked} of 20 000 with markup)`);
  });

  it('does not take a decimal number for an arabic sub-item', () => {
    assert.equal(parse('3.5万元用于平台建设。').blocks[0]!.kind, 'paragraph');
  });

  it('reads tab-separated rows with empty merged cells and keeps a table across a blank line', () => {
    const text = '规章\t0\t0\t0\n\n行政规范性文件\t1\t1\t28\n\t\t自然人\t\n';
    const tables = parse(text).blocks.filter((b): b is TableNode => b.kind === 'table');
    assert.equal(tables.length, 1);
    const t = tables[0]!;
    assert.equal(t.layout, 'tab');
    assert.equal(t.rows.length, 3);
    assert.deepEqual(t.rows[1]!.cells.map((c) => c.text), ['行政规范性文件', '1', '1', '28']);
    assert.deepEqual(t.rows[2]!.cells.map((c) => c.text), ['', '', '自然人', '']);
    const cell = t.rows[1]!.cells[3]!;
    assert.equal(text.slice(cell.start, cell.end), '28');
  });

  it('reads Markdown pipe tables and marks the separator row', () => {
    const text = '| 信息内容 | 本年制发件数 |\n| --- | :---: |\n| 规章 | 2 |\n';
    const t = parse(text).blocks[0] as TableNode;
    assert.equal(t.layout, 'pipe');
    assert.equal(t.rows.length, 3);
    assert.equal(t.rows[1]!.separator, true);
    assert.deepEqual(t.rows[2]!.cells.map((c) => c.text), ['规章', '2']);
  });

  it('joins a paragraph cut by a page break, but not two complete paragraphs', () => {
    const text = '全方位做好政策推介。采取一图读懂、动漫人物、视频播报\n\n等形式讲清、讲明政策。\n\n第二段。\n';
    const paras = parse(text).blocks.filter((b): b is ParagraphNode => b.kind === 'paragraph');
    assert.equal(paras.length, 2);
    assert.equal(paras[0]!.lines.length, 2);
    assert.equal(text.slice(paras[0]!.start, paras[0]!.end), '全方位做好政策推介。采取一图读懂、动漫人物、视频播报\n\n等形式讲清、讲明政策。');
  });
});

describe('preamble and statistics period', () => {
  it('finds the period sentence in every seed, with both dates', () => {
    const want: Record<string, [number, number, number, number | undefined, number, number]> = {
      'litong-2021': [2021, 1, 1, undefined, 12, 31],
      'shizuishan-office-2023': [2023, 1, 1, undefined, 12, 31],
      'tongxin-2022': [2022, 1, 1, undefined, 12, 31],
      'wuwei-2023': [2023, 1, 1, 2023, 12, 31],
      'wuzhong-2023': [2023, 1, 1, undefined, 12, 31],
    };
    for (const [name, w] of Object.entries(want)) {
      const text = readSeed(name as SeedName);
      const p = parse(text).period;
      assert.ok(p, name);
      assert.deepEqual([p.from.year, p.from.month, p.from.day, p.to.year, p.to.month, p.to.day], w, name);
      assert.match(text.slice(p.fromSpan.start, p.fromSpan.end), /^\d{4} ?年 ?1 ?月 ?1 ?日$/, name);
      assert.match(text.slice(p.toSpan.start, p.toSpan.end), /^(\d{4} ?年 ?)?12 ?月 ?31 ?日$/, name);
    }
  });

  it('keeps the preamble between the title and the first heading', () => {
    const text = 'X县2023年政府信息公开工作年度报告\n\n根据《条例》要求，编制本报告。本报告所列数据统计期限为２０２３年１月１日至１２月３１日。\n\n一、总体情况\n';
    const tree = parse(text);
    assert.equal(text.slice(tree.preamble!.start, tree.preamble!.end), '根据《条例》要求，编制本报告。本报告所列数据统计期限为２０２３年１月１日至１２月３１日。');
    assert.deepEqual(tree.period?.from, { year: 2023, month: 1, day: 1 });
    assert.deepEqual(tree.period?.to, { month: 12, day: 31 });
  });

  it('has no period when the sentence is missing', () => {
    assert.equal(parse('X县2023年政府信息公开工作年度报告\n根据《条例》编制。\n一、总体情况\n').period, undefined);
  });
});

describe('robustness', () => {
  it('never throws on mutated seeds (lines dropped, duplicated, cut, tabs and digits sprinkled)', () => {
    const random = rng(42);
    for (const name of SEED_NAMES) {
      const lines = readSeed(name).split('\n');
      for (let round = 0; round < 40; round++) {
        const mutated: string[] = [];
        for (const line of lines) {
          const r = random();
          if (r < 0.05) continue;
          if (r < 0.1) mutated.push(line, line);
          else if (r < 0.15) mutated.push(line.slice(0, Math.floor(random() * line.length)));
          else if (r < 0.2) mutated.push(line.replace(/\d/g, () => (random() < 0.5 ? '\t' : '１')));
          else if (r < 0.25) mutated.push(line.replace(/\t/g, '   '));
          else mutated.push(line);
        }
        const text = mutated.join(random() < 0.5 ? '\n' : '\r\n');
        const a = analyze(text);
        assert.deepEqual(a.failures, []);
        for (const p of a.problems) assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end);
        for (const t of [a.report.tables.table2, a.report.tables.table3, a.report.tables.table4]) {
          if (!t) continue;
          assert.ok(t.start >= 0 && t.end <= text.length);
        }
      }
    }
  });

  it('parses 1 MB of random report-like text without throwing', () => {
    const random = rng(7);
    const pieces = ['一、总体情况\n', '（一）', '\t', '  ', '0', '343', '\n', '政府信息公开', '。', '|', '３', '一是', '1.', '年', '申请', '\r\n', '总计', '予以公开'];
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const p = pieces[Math.floor(random() * pieces.length)]!;
      parts.push(p);
      size += p.length;
    }
    const text = parts.join('');
    const a = analyze(text);
    assert.deepEqual(a.failures, []);
    assert.ok(a.tree.lines.length > 1000);
  });

  const alphabet = ['一', '、', '（', '）', '(', ')', '\t', '\n', '\r', ' ', '|', '1', '２', '.', '年', '政府信息公开工作年度报告', '是', '#', '*', '-', '\u3000', '𠀀', '。', '十'];
  it('never throws and keeps every span inside the document (bounded random input)', () => {
    const random = rng(20231231);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = Math.floor(random() * 400);
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      const tree = parse(text);
      const spans = [tree.title, tree.preface, ...tree.blocks].filter((s) => s !== undefined);
      for (const b of tree.blocks) if (b.kind === 'table') for (const r of b.rows) spans.push(r, ...r.cells);
      for (const s of spans) {
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `span ${s.start}-${s.end} outside 0-${text.length} in ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('classes remembered by line text', () => {
  it('gives every heading and sub-item the spans of where it stands now, whatever was parsed before', () => {
    for (const name of SEED_NAMES) {
      const text = readSeed(name);
      const first = parse(text);
      // the same lines again, further down and with other lines in between
      const moved = '前言\n\n' + text.replace(/\n/g, '\n\n');
      const again = parse(moved);
      const firstHeads = first.blocks.filter((b): b is HeadingNode | SubheadingNode => b.kind === 'heading' || b.kind === 'subheading');
      const movedHeads = again.blocks.filter((b): b is HeadingNode | SubheadingNode => b.kind === 'heading' || b.kind === 'subheading');
      assert.equal(movedHeads.length, firstHeads.length, name);
      for (const [k, h] of movedHeads.entries()) {
        const before = firstHeads[k]!;
        assert.equal(moved.slice(h.start, h.end), text.slice(before.start, before.end), `${name}: ${text.slice(before.start, before.end)}`);
        if (h.kind === 'heading' && before.kind === 'heading') {
          assert.equal(moved.slice(h.textSpan.start, h.textSpan.end), text.slice(before.textSpan.start, before.textSpan.end));
          assert.equal(moved.slice(h.numeralSpan.start, h.numeralSpan.end), text.slice(before.numeralSpan.start, before.numeralSpan.end));
        } else if (h.kind === 'subheading' && before.kind === 'subheading') {
          assert.equal(moved.slice(h.labelSpan.start, h.labelSpan.end), h.label);
          assert.equal(moved.slice(h.markerSpan.start, h.markerSpan.end), text.slice(before.markerSpan.start, before.markerSpan.end));
        }
      }
      // and the first parse's nodes were not changed by the second
      for (const h of firstHeads) assert.ok(text.slice(h.start, h.end).length > 0 && h.end <= text.length);
      assert.deepEqual(parse(text).blocks, first.blocks, name);
    }
  });
});

describe('parsing an edited text with the tree of the text before', () => {
  it('gives the tree a parse from scratch gives, edit after edit (lines left alone taken by position)', () => {
    const random = rng(20261125);
    const pieces = ['字', '\n', '\r\n', '\r', '\t', '  ', '一、', '（二）', '|', '12', '年度报告', '政府信息公开工作', ''];
    let edits = 0;
    for (const name of SEED_NAMES) {
      let text = readSeed(name);
      let tree = parse(text);
      for (let k = 0; k < 150; k++) {
        // insert, delete or replace, across line breaks now and then
        const at = Math.floor(random() * (text.length + 1));
        const cut = random() < 0.4 ? Math.floor(random() * (random() < 0.2 ? 200 : 5)) : 0;
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at + cut);
        const warm = parse(text, tree);
        assert.equal(JSON.stringify(warm), JSON.stringify(parse(text)), `${name}, edit ${k}`);
        tree = warm;
        edits++;
      }
      // and a text with nothing in common with the one before
      assert.equal(JSON.stringify(parse('另一篇\n文字', tree)), JSON.stringify(parse('另一篇\n文字')));
    }
    assert.equal(edits, 750);
  });
});
