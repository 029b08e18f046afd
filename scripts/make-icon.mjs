// Draws images/icon.png (128×128) with headless Chromium and Noto CJK: node scripts/make-icon.mjs (after npm run test:e2e has installed Chromium).
import { chromium } from 'playwright-core';
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="22" fill="#b71c1c"/>
  <rect x="22" y="58" width="84" height="50" rx="4" fill="#fff" opacity="0.95"/>
  <g stroke="#b71c1c" stroke-width="3">
    <line x1="22" y1="75" x2="106" y2="75"/><line x1="22" y1="91" x2="106" y2="91"/>
    <line x1="50" y1="58" x2="50" y2="108"/><line x1="78" y1="58" x2="78" y2="108"/>
  </g>
  <text x="64" y="47" text-anchor="middle" font-family="Noto Sans CJK SC, Noto Serif CJK SC" font-weight="bold" font-size="36" fill="#ffd54f">年报</text>
  <circle cx="98" cy="100" r="17" fill="#2e7d32" stroke="#fff" stroke-width="3"/>
  <polyline points="89,100 96,107 108,93" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
</svg></body></html>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(html);
await page.locator('svg').screenshot({ path: 'images/icon.png', omitBackground: true });
await browser.close();
