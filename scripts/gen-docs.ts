// npm run docs: writes docs/rules/README.md from the rule registry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSchema, rulesIndex } from '../server/src/rules/docsIndex';

const root = path.resolve(__dirname, '..');
for (const [file, text] of [
  ['docs/rules/README.md', rulesIndex()],
  ['schemas/govreportrc.schema.json', configSchema()],
] as const) {
  fs.writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
