// Runs the extension-host suite (out/e2e/suite.js) in desktop VS Code with
// @vscode/test-electron, for machines that can download VS Code.
// On machines without internet use `npm run test:e2e` (code-server) instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.join(fileURLToPath(import.meta.url), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-vscode-'));
for (const f of fs.readdirSync(path.join(root, 'test/fixtures/seeds'))) fs.copyFileSync(path.join(root, 'test/fixtures/seeds', f), path.join(workspace, f));
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/e2e/suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error('test:vscode failed:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
