/**
 * splitFlat's quick test (a long line without an inline heading is taken for flattened text only when
 * it has four numbers that could start a table row — after a label, not a unit's — with no sentence's
 * end between them) never changes its answer: on every line of every
 * fixture (the crawled one-line reports among them), on lines made of table rows and prose around
 * units of measure, and on random lines of the characters that matter.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FLAT_MIN_LENGTH, splitFlat } from '../../server/src/parse/flat';
import { ROOT } from '../helpers';

function fixtureLines(): string[] {
  const out: string[] = [];
  for (const dir of ['test/fixtures/seeds', 'test/fixtures/real', 'test/fixtures/renderings', 'examples']) {
    for (const name of fs.readdirSync(path.join(ROOT, dir))) {
      if (!/\.(txt|md)$/.test(name)) continue;
      for (const line of fs.readFileSync(path.join(ROOT, dir, name), 'utf8').split(/\r?\n/)) if (line.length >= FLAT_MIN_LENGTH) out.push(line);
    }
  }
  return out;
}

describe('splitFlat’s quick test', () => {
  it('gives the answer of the full reading on every long line of the fixtures', () => {
    const lines = fixtureLines();
    let flat = 0;
    for (const line of lines) {
      const full = splitFlat(line, false);
      assert.deepEqual(splitFlat(line), full, line.slice(0, 60));
      if (full) flat++;
    }
    assert.ok(lines.length > 200 && flat >= 8, `${lines.length} long lines, ${flat} flattened`);
  });

  it('lets through four table rows, however their numbers end', () => {
    const prose = '本年度共收到政府信息公开申请154件，其中当面申请12件、网上申请130件、信函申请12件，较2023年增长两成，办结150件，结转下年度4件。';
    // each line holds exactly four numbers that could end a row: one fewer, and the test would turn it away
    const lines = [
      prose + '予以公开一12予以公开二13予以公开三14予以公开四15',
      prose + '采购金额一1.50元采购金额二2.50元采购金额三3.50元采购金额四4.50元',
      prose + '收费一 1 收费二 2 收费三 3 行政事业性收费02025年起不再收取',
      prose + '予以公开一１２予以公开二１３予以公开三１４予以公开四１５',
      // labels that end in a closing bracket or quote, of either width, with commas inside the brackets
      prose + '部分公开（区分处理的，只计这一情形，不计其他情形）3 收费(乙)4 危及“三安全一稳定”5 其他＂丁＂6',
      prose + '行政复议（甲）1 行政复议（乙）2 行政复议「丙」3 行政复议（丁，戊）4',
    ];
    for (const line of lines) {
      assert.ok(splitFlat(line, false), `the full reading takes it for flattened text: ${line}`);
      assert.deepEqual(splitFlat(line), splitFlat(line, false), line);
    }
    // a heading inside the line, right after its first character, and no number at all
    const headed = '。二、主动公开政府信息情况' + '本机关坚持以公开为常态、不公开为例外，不断提升政务公开质量和实效。'.repeat(4);
    assert.ok(splitFlat(headed, false), 'the full reading cuts at the heading');
    assert.deepEqual(splitFlat(headed), splitFlat(headed, false));
    assert.equal(splitFlat(prose + prose), undefined, 'prose whose numbers are counts');
    assert.equal(splitFlat(prose + prose, false), undefined);
    // four numbers, but not of four rows in one run: a sentence's end between them, or labels that are not a row's
    const contact = prose + '地址：某路131号，邮编：750000，电话：0951-5333172，传真：0951-5333170，电子邮箱：a@b.cn。';
    const broken = prose + '予以公开一12。予以公开二13；予以公开三14！予以公开四15？';
    const decimals = prose + '全市公开信息 70.57万余条，市本级 7.78 万余条、县区 62.79万余条、乡镇 17.63 万余条';
    for (const line of [contact, broken, decimals]) {
      assert.equal(splitFlat(line, false), undefined, line);
      assert.equal(splitFlat(line), undefined, line);
    }
  });

  it('gives the answer of the full reading on random lines', () => {
    const alphabet = ['1', '2', '0', '9', '１', '０', ' ', '　', '.', '．', '、', '-', '－', '−', '件', '年', '元', '%', '％', '个', '号', '。', '，', '；', ';', '！', '？', '?', '：', '（', '）', ')', '”', '"', '＂', '」', '公开', '予以', '一、', '二、总体情况', '三．', '十二、', '第', '申请', '行政复议', '（一）', '电话：', 'a'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20_000; n++) {
      let line = '';
      while (line.length < FLAT_MIN_LENGTH + next() * 200) line += alphabet[Math.floor(next() * alphabet.length)];
      assert.deepEqual(splitFlat(line), splitFlat(line, false), line);
    }
  });
});
