#!/usr/bin/env node
// Where the time goes with the 10,000-item feed at 4x CPU: Chromium traces of loading it and of
// typing two searches (29 keystrokes), main-thread time by trace event, and the longest tasks
// with what ran inside them; the long tasks while loading; each keystroke's time to the frames
// that show the letter and the results (scripts/typing.mjs).
// A profile to read before changing anything for speed (bench.mjs gives the figures).
// Usage: node scripts/profile.mjs [DIST]   (default dist/; needs a release build and Chromium)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { generateFeed } from './generate-feed.mjs';
import { typeQueries } from './typing.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const feed = JSON.stringify(generateFeed(10000));
const server = await startServer({ root: dist, handler: (req, res, url) => {
  if (url.pathname !== '/__bench/feed-10k.json') return false;
  res.writeHead(200, { 'content-type': 'application/json' }); res.end(feed); return true; } });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.addInitScript(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true }); });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
await page.goto(`${server.url}?feed=/__bench/feed-10k.json`);
await page.locator('main article.entry').first().waitFor({ timeout: 120000 });
await page.waitForTimeout(1500);
const loadTrace = JSON.parse((await browser.stopTracing()).toString());
console.log('long tasks while loading (with one of DevTools\' own for a large response: see raw-chromium.mjs):', await page.evaluate(() => window.__long));
if (await page.locator('#search-toggle').isVisible()) await page.locator('#search-toggle').click();
await page.getByRole('searchbox').click();
await page.waitForFunction(() => performance.getEntriesByName('ban-tin:search-index').length > 0, null, { timeout: 120000 });
await page.waitForTimeout(500);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
const typed = await typeQueries(page, ['lao dong da nang', 'nguoi co cong']);
const typeTrace = JSON.parse((await browser.stopTracing()).toString());
console.log('keystrokes, key to letter drawn (ms):', typed.echo.map(Math.round).join(' '));
console.log('keystrokes, key to results drawn (ms):', typed.results.map(Math.round).join(' '));
function summary(trace, label) {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main || e.tid !== main.tid || e.pid !== main.pid) continue;
    byName.set(e.name, (byName.get(e.name) || 0) + (e.dur || 0) / 1000);
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 16);
  console.log(`${label}: main thread, inclusive ms by event`);
  for (const [n, d] of top) console.log(`  ${n.padEnd(36)} ${d.toFixed(1)}`);
  // The longest top-level tasks, with what ran inside them.
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main && e.tid === main.tid && e.pid === main.pid).sort((a, b) => b.dur - a.dur).slice(0, 4);
  for (const t of tasks) {
    const inside = new Map();
    for (const e of events) if (e.ph === 'X' && e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e !== t) inside.set(e.name, (inside.get(e.name) || 0) + (e.dur || 0) / 1000);
    console.log(`  task ${(t.dur / 1000).toFixed(0)} ms: ${[...inside].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', ')}`);
  }
}
summary(loadTrace, 'loading');
summary(typeTrace, 'typing');
await browser.close(); await server.close();
