/**
 * A command-line run pairs each report with last year's by agency and year, read from its first lines
 * only (parse/title.ts `titleLines`; the language server's index reads them so too): the same agency and year as the whole report's parse, on every report
 * text the fixtures have (seeds, real crawled reports, renderings by real converters).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { titleLines } from '../../server/src/parse/title';
import { parse } from '../../server/src/parse/parser';
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

describe('the title from the first lines', () => {
  it('gives the agency and year the whole report gives', () => {
    const all = texts();
    assert.ok(all.length > 30, `${all.length} texts`);
    let titled = 0;
    for (const [name, text] of all) {
      const whole = parse(text).title;
      const first = parse(titleLines(text)).title;
      assert.deepEqual([first?.agency, first?.year], [whole?.agency, whole?.year], name);
      if (whole?.year !== undefined) titled++;
    }
    assert.ok(titled > 20, `${titled} with a year`);
  });
});
