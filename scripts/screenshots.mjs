#!/usr/bin/env node
// Screenshots of the release build for docs/screenshots/: phone (412 x 823, and 320 x 640 at
// the largest text size), desktop (1280 x 800) and kiosk (1080 x 1920 portrait, 1920 x 1080
// landscape), each in the light and the dark theme; the phone also with the settings open; an
// article being read aloud (with a stand-in speech engine) on a phone, at 200 % and on a kiosk.
// Usage: node scripts/screenshots.mjs [--out DIR] [--dist DIR]
// Needs a release build in dist/ (trunk build --release) and Chromium (scripts/setup.sh --test).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { installSpeech } from '../tests/support/speech.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : fallback);
const dist = option('--dist', path.join(root, 'dist'));
const out = option('--out', path.join(root, 'docs', 'screenshots'));
fs.mkdirSync(out, { recursive: true });

const SHOTS = [
  { name: 'phone', viewport: { width: 412, height: 823 }, scale: 2, mobile: true },
  { name: 'phone-200', viewport: { width: 320, height: 640 }, scale: 2, mobile: true, textSize: '200' },
  { name: 'phone-settings', viewport: { width: 412, height: 823 }, scale: 2, mobile: true, open: 'settings' },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, scale: 1 },
  { name: 'kiosk-portrait', viewport: { width: 1080, height: 1920 }, scale: 1, kiosk: true },
  { name: 'kiosk-landscape', viewport: { width: 1920, height: 1080 }, scale: 1, kiosk: true },
  { name: 'phone-listen', viewport: { width: 412, height: 823 }, scale: 2, mobile: true, listen: true },
  { name: 'phone-200-listen', viewport: { width: 320, height: 640 }, scale: 2, mobile: true, textSize: '200', listen: true },
  { name: 'kiosk-listen', viewport: { width: 1080, height: 1920 }, scale: 1, kiosk: true, listen: true },
];
const ARTICLE = 'tin/2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023';

const server = await startServer({ root: dist });
const browser = await launch();
for (const shot of SHOTS) {
  for (const theme of ['light', 'dark']) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.scale,
      isMobile: !!shot.mobile,
      hasTouch: !!shot.mobile || !!shot.kiosk,
      colorScheme: theme,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    if (shot.textSize) await page.addInitScript((t) => localStorage.setItem('ban-tin.text-size', t), shot.textSize);
    if (shot.listen) await installSpeech(page);
    await page.goto(`${server.url}${shot.listen ? ARTICLE : ''}${shot.kiosk ? '?kiosk=1' : ''}`);
    if (shot.listen) {
      // Reading the article's first paragraph (title and date said).
      await page.locator('#listen-button').click();
      // As a voice would, give each part time to be said (and its smooth scroll to end).
      for (let i = 0; i < 2; i++) {
        await page.evaluate(() => window.__speech.end());
        await page.waitForTimeout(800);
      }
    } else {
      await page.locator('main article.entry').first().waitFor();
    }
    await page.evaluate(() => document.fonts.ready);
    if (shot.open === 'settings') await page.getByRole('button', { name: 'Tùy chọn' }).click();
    // (The part being read scrolls smoothly into view.)
    await page.waitForTimeout(shot.listen ? 1200 : 300);
    const file = path.join(out, `${shot.name}-${theme}.png`);
    await page.screenshot({ path: file });
    console.log(path.relative(root, file));
    await context.close();
  }
}
await browser.close();
await server.close();
