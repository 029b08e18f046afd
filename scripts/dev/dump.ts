// Developer aid: prints a report's blocks and table mapping. Not shipped.
import * as fs from 'node:fs';
import { analyze } from '../../server/src/check';
const file = process.argv[2]!;
const text = fs.readFileSync(file, 'utf8');
const a = analyze(text);
const show = (s: string) => s.replace(/\t/g, '⇥').slice(0, 110);
if (process.argv.includes('--blocks')) {
  for (const b of a.tree.blocks) {
    const t = text.slice(b.start, b.end);
    if (b.kind === 'table') {
      console.log(`TABLE ${b.layout} rows=${b.rows.length}`);
      for (const r of b.rows) console.log('   | ' + r.cells.map((c) => c.text).join(' ┆ ').slice(0, 120));
    } else console.log(b.kind.padEnd(10), show(t));
  }
}
console.log('sections:', a.report.sections.map((s) => s.spec.id + ':' + s.heading.text.slice(0, 20)).join(' | '));
const t3 = a.report.tables.table3;
if (t3) for (const [k, r] of t3.rows) console.log('T3', k.padEnd(7), r.shape.padEnd(5), r.cells.map((c) => (c ? c.raw || '∅' : '·')).join(' '), ' <', show(r.label).slice(0, 40));
const t2 = a.report.tables.table2;
if (t2) for (const [k, r] of t2.rows) console.log('T2', k.padEnd(7), r.shape, r.cells.map((c) => (c ? c.raw || '∅' : '·')).join(' '), ' <', show(r.label).slice(0, 40));
const t4 = a.report.tables.table4;
if (t4) console.log('T4', t4.shape, t4.cells.map((c) => (c ? c.raw || '∅' : '·')).join(' '));
for (const p of a.problems) console.log(p.severity.padEnd(8), p.rule.padEnd(22), a.lineIndex.positionAt(p.span.start).line + 1, p.message.zh.slice(0, 90));
