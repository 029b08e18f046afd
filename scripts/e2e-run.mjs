// Runs the extension-host suite (out/e2e/suite.js) inside a real VS Code:
// code-server on loopback + headless Chromium driven by playwright-core.
// The extension under test is the packaged .vsix, installed with --install-extension.
//   node scripts/e2e-run.mjs [--vsix path] [--keep] [--web]
// --web: the extension runs in the browser's web worker extension host (its browser build:
// dist/browserClient.js + dist/browserServer.js in a web worker), as on vscode.dev.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.join(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const vsix = path.resolve(root, args.includes('--vsix') ? args[args.indexOf('--vsix') + 1] : 'dist-vsix/gov-annual-report.vsix');
const entry = path.join(root, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const screenshots = args.includes('--screenshots');
const web = args.includes('--web');
const suite = path.join(root, screenshots ? 'out/e2e/screens.js' : 'out/e2e/suite.js');
const imagesDir = path.join(root, 'docs', 'images');
/** What must be on screen before each picture is taken. */
const SHOW = {
  problems: '.markers-panel .monaco-list-row',
  hover: '.monaco-hover-content',
  completion: '.suggest-widget.visible .monaco-list-row',
  outline: '.outline-pane .monaco-list-row',
  tables: 'iframe.webview.ready',
};
const harness = path.join(root, 'test/e2e/harness');
const TIME_LIMIT_MS = 5 * 60_000;

for (const [what, p] of [['code-server (run scripts/e2e-setup.sh)', entry], ['the suite (run npm run build)', suite], ['the .vsix (run npm run package)', vsix]]) {
  if (!fs.existsSync(p)) {
    console.error(`e2e: missing ${what}: ${p}`);
    process.exit(2);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-e2e-'));
const userData = path.join(tmp, 'user-data');
const extensions = path.join(tmp, 'extensions');
const workspace = path.join(tmp, 'workspace');
fs.mkdirSync(workspace, { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'test/fixtures/seeds'))) fs.copyFileSync(path.join(root, 'test/fixtures/seeds', f), path.join(workspace, f));
// reports as they are published: a Word file and a PDF
for (const f of ['wuwei-2023.docx', 'wuwei-2023.pdf', ...(screenshots ? ['pingtan-haitan-pianqu-2025.pdf'] : [])]) fs.copyFileSync(path.join(root, 'test/fixtures/renderings', f), path.join(workspace, f));
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    // the pictures show what Chinese users see (the interface itself has no Chinese language pack offline)
    // prefer the web worker extension host for the extension under test (it has a browser entry)
    ...(web ? { 'remote.extensionKind': { 'gov-report-tools.gov-annual-report': ['web'] } } : {}),
    ...(screenshots ? { 'govReport.messageLanguage': 'zh', 'workbench.colorTheme': 'Default Light Modern', '[gov-annual-report]': { 'editor.tabSize': 8, 'editor.wordWrap': 'off' } } : {}),
  }),
);

console.log(`e2e: installing ${path.relative(root, vsix)}`);
const install = spawnSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData], { encoding: 'utf8' });
if (install.status !== 0) {
  console.error(install.stdout, install.stderr);
  process.exit(1);
}

const port = await new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});

const server = spawn(
  process.execPath,
  [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
  // the suite (in the Node extension host) learns which host runs the extension under test
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOV_E2E_WEB: web ? '1' : '' } },
);
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));

async function waitForServer() {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('code-server did not start:\n' + serverLog);
}

let code = 1;
let browser;
try {
  await waitForServer();
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(harness)],
    ['extensionTestsPath', remote(suite)],
    ['skipWelcome', 'true'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  // GOV_E2E_DEBUG=1: the browser's console (the web worker extension host logs there)
  if (process.env.GOV_E2E_DEBUG) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  const finished = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (c) => resolve(c));
  });
  await page.exposeFunction('codeAutomationLog', async (type, logArgs) => {
    const line = (Array.isArray(logArgs) ? logArgs : [logArgs]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    if (/✔|✖|e2e:|^\s+at |Error/.test(line)) console.log(line);
    // "CLICK <text>": the suite asks for a real click on a table-view cell (inside the webview's frames)
    const click = /CLICK (.+)$/.exec(line);
    if (click) {
      const text = click[1].trim();
      const until = Date.now() + 15_000;
      let done = false;
      while (!done && Date.now() < until) {
        for (const frame of page.frames()) {
          const cell = frame.locator('td', { hasText: text }).first();
          if ((await cell.count().catch(() => 0)) > 0) {
            await cell.click().catch(() => {});
            done = true;
            break;
          }
        }
        if (!done) await new Promise((r) => setTimeout(r, 100));
      }
      if (!done) console.log(`e2e: no table-view cell with ${text}`);
    }
    const shot = /SHOT (\w+)/.exec(line);
    if (shot) {
      const name = shot[1];
      await page.waitForSelector(SHOW[name] ?? 'body', { state: 'visible', timeout: 15_000 }).catch(() => console.log(`e2e: ${name}: ${SHOW[name]} not seen`));
      await page.waitForTimeout(500); // let the widget finish its fade-in before the picture (pictures only, never in tests)
      fs.mkdirSync(imagesDir, { recursive: true });
      await page.screenshot({ path: path.join(imagesDir, `${name}.png`) });
      console.log(`e2e: docs/images/${name}.png`);
      fs.mkdirSync(path.join(tmp, 'acks'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'acks', name), '');
    }
  });
  await page.goto(url);
  code = await Promise.race([finished, new Promise((resolve) => setTimeout(() => resolve('timeout'), TIME_LIMIT_MS))]);
  if (code === 'timeout') {
    console.error(`e2e: no result within ${TIME_LIMIT_MS / 1000} s`);
    await page.screenshot({ path: path.join(root, 'out', 'e2e-timeout.png') }).catch(() => {});
    code = 1;
  }
} catch (e) {
  console.error('e2e:', e instanceof Error ? e.message : e);
  code = 1;
} finally {
  await browser?.close().catch(() => {});
  server.kill();
  if (!args.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`e2e: exit code ${code}`);
process.exit(typeof code === 'number' ? code : 1);
