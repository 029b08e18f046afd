/**
 * A command-line run pairs each report with last year's by agency and year, read from its first lines
 * only (parse/title.ts `titleLines`; the language server's index reads them so too): the same agency and year as the whole report's parse, on every report
 * text the fixtures have (seeds, real crawled reports, renderings by real converters).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TITLE_TEXT_LINES, titleLines, titleOf } from '../../server/src/parse/title';
import { TITLE_PHRASE } from '../../server/src/format/national';
import { parse, parseTitle } from '../../server/src/parse/parser';
import { ROOT } from '../helpers';

function texts(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of ['test/fixtures/seeds', 'test/fixtures/real', 'test/fixtures/renderings', 'examples']) {
    for (const name of fs.readdirSync(path.join(ROOT, dir))) {
      if (/\.(txt|md)$/.test(name)) out.push([`${dir}/${name}`, fs.readFileSync(path.join(ROOT, dir, name), 'utf8')]);
    }
  }
  return out;
}

/** What titleLines is, said plainly (every line's white space taken out; titleLines skips what cannot matter). */
function titleLinesPlainly(text: string, upTo: 'first' | 'last' = 'last'): string {
  const lines = text.split('\n');
  let cut = 0;
  for (let k = 0; k < Math.min(130, lines.length); k++) {
    const before = k > 0 ? lines[k - 1]!.replace(/\s+/g, '') : '';
    if ((before + lines[k]!.replace(/\s+/g, '')).includes(TITLE_PHRASE)) {
      cut = k + 4;
      if (upTo === 'first') break;
    }
  }
  return cut >= lines.length ? text : lines.slice(0, cut).join('\n') + (cut > 0 ? '\n' : '');
}

describe('the title from the first lines', () => {
  it('cuts where the plain reading cuts', () => {
    const crafted = [
      '某县2023年政府信息公开工作年度报告\n一、总体情况\n正文\n正文\n正文\n正文\n',
      '某县2023年政府信息公开\n工作年度报告\n\n\n\n\n\n',
      '某县2023年政府信息公开工作年度\r\n报 告\r\n一\r\n二\r\n三\r\n四\r\n',
      '关于报送政府信息公开工作年度报告的函\n\n某县2023年政府信息公开工作年度报告\n告告\n告\n',
      '告\n告\n政府信息公开工作年度报告',
      '没有标题的正文\n一、总体情况\n',
      '',
      '政府信息公开工作年度报告',
    ];
    for (const text of [...crafted, ...texts().map(([, t]) => t)]) {
      assert.equal(titleLines(text), titleLinesPlainly(text), text.slice(0, 40));
      assert.equal(titleLines(text, 'first'), titleLinesPlainly(text, 'first'), text.slice(0, 40));
    }
    assert.equal(titleLines(crafted[3]!, 'first'), '关于报送政府信息公开工作年度报告的函\n\n某县2023年政府信息公开工作年度报告\n告告\n', 'to three lines after where the phrase first ends');
  });

  it('parseTitle finds the title parse finds, on whole texts, their first lines and texts cut anywhere', () => {
    let compared = 0;
    let titled = 0;
    for (const [name, text] of texts()) {
      const cuts = [text.length, titleLines(text).length, titleLines(text, 'first').length, 37, 200, 1000, Math.floor(text.length / 2)];
      for (const cut of cuts) {
        const part = text.slice(0, cut);
        const want = parse(part).title;
        assert.deepEqual(parseTitle(part), want, `${name} cut at ${cut}`);
        compared++;
        if (want) titled++;
      }
    }
    assert.ok(compared > 200 && titled > 100, `${compared} compared, ${titled} titled`);
  });

  it('gives the agency and year the whole report gives', () => {
    const all = texts();
    assert.ok(all.length > 30, `${all.length} texts`);
    let titled = 0;
    for (const [name, text] of all) {
      const whole = parse(text).title;
      const first = parse(titleLines(text)).title;
      assert.deepEqual([first?.agency, first?.year], [whole?.agency, whole?.year], name);
      assert.deepEqual(titleOf(text), { ...(whole?.agency !== undefined ? { agency: whole.agency } : {}), ...(whole?.year !== undefined ? { year: whole.year } : {}) }, name);
      if (whole?.year !== undefined) titled++;
    }
    assert.ok(titled > 20, `${titled} with a year`);
  });

  it('reads past a covering letter that names the report first, and past prose that names it again', () => {
    const letter = '关于报送某县2023年政府信息公开工作年度报告的函\n市政府办公室：\n现将我县年度报告报送如下。\n\n\n\n某县2024年政府信息公开工作年度报告\n一、总体情况\n本年度报告中的数据……\n';
    assert.deepEqual(titleOf(letter), { agency: parse(letter).title?.agency, year: 2024 });
    assert.equal(parse(letter).title?.year, 2024);
    const prose = '某县2023年政府信息公开工作年度报告\n一、总体情况\n' + '正文。\n'.repeat(20) + '本年度报告所列数据……\n'.repeat(5);
    assert.deepEqual(titleOf(prose), { agency: parse(prose).title!.agency, year: 2023 });
    assert.deepEqual(titleOf('没有标题的正文\n一、总体情况\n本年度报告……\n'), {});
  });

  it('needs only the first TITLE_TEXT_LINES lines of a text (a PDF is read only as far as they go)', () => {
    const firstLines = (text: string, n: number) => text.split('\n').slice(0, n).join('\n') + '\n';
    // titles late in the text (the parser looks for one in the first 120 lines), one past a covering
    // letter's mention and split over two lines, with lines after them that still count
    const filler = (n: number) => Array.from({ length: n }, (_, k) => `第${k}行正文。`).join('\n') + '\n';
    const late = [
      filler(116) + '某县2024年政府信息公开工作年度报告\n（2024年度）\n\n\n' + filler(50),
      '关于报送某县2023年政府信息公开工作年度报告的函\n' + filler(114) + '某县2024年政府信息公开\n工作年度报告\n' + filler(50),
    ];
    for (const [name, text] of [...texts(), ...late.map((t, k): [string, string] => [`late ${k}`, t])]) {
      assert.deepEqual(titleOf(firstLines(text, TITLE_TEXT_LINES)), titleOf(text), name);
    }
    for (const text of late) {
      assert.equal(titleOf(text).year, 2024, text.slice(0, 30));
      // the comparison has teeth: far fewer lines lose the late title
      assert.notDeepEqual(titleOf(firstLines(text, 100)), titleOf(text));
    }
  });
});
