// npm run docs: writes docs/rules/README.md from the rule registry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesIndex } from '../server/src/rules/docsIndex';

const file = path.resolve(__dirname, '..', 'docs', 'rules', 'README.md');
fs.writeFileSync(file, rulesIndex());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
