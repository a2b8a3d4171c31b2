#!/usr/bin/env node
// Benchmarks: figures, not pass/fail. Prints a table of
//   1. bundle: raw / gzip / brotli bytes of the HTML, JS, WebAssembly and CSS in dist/;
//   2. headless Chromium on the release build, mobile profile (4x CPU slowdown, 150 ms latency,
//      1.6 Mbps down, 750 kbps up, answers brotli-compressed as a CDN would): time to the first
//      headline, cold and warm (service worker and saved feed), and the same for a static HTML
//      page holding the same first 30 headlines (the floor), with the ratio; the same cold visit
//      on pages pre-rendered by scripts/prerender.sh, with its ratio to the floor, the layout
//      shift (CLS) until the live app has taken over, and the time until a click on A+ takes
//      effect (clicked from the moment the button is on screen);
//      The first screen: entry titles wholly inside it (412 x 823 at the default size, 320 x 640
//      at the largest), and the layout shift of a first and a repeat visit; the layout shift of
//      an article opened directly, with and without a voice to read it aloud (a stand-in
//      engine, tests/support/speech.mjs), its voices there at once or arriving later;
//   3. a generated 10,000-item feed (about 10 MB; 4x CPU slowdown, network not throttled):
//      parse time, search index build, time to the first headline, the longest task while
//      loading (in a Chromium without DevTools' network agent, scripts/raw-chromium.mjs), search
//      keystrokes p50/p95 from the key to the frame that shows the letter and to the frame that
//      shows the results (scripts/typing.mjs), JS heap and WebAssembly memory after load;
//   4. host benchmarks (divan) for feed parsing and search over 10,000 items.
// Usage: node scripts/bench.mjs [--runs N] [--skip-host] [--json out.json] [--dist DIR]
// Needs a release build in dist/ (trunk build --release) and Chromium (scripts/setup.sh --test);
// --dist measures another build (to compare two commits on the same machine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { sizeReport } from './size-report.mjs';
import { generateFeed } from './generate-feed.mjs';
import { typeQueries } from './typing.mjs';
import { longTasksWhileLoading } from './raw-chromium.mjs';
import { installSpeech } from '../tests/support/speech.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dist = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : path.join(root, 'dist');
const runs = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 3 : 5);
const skipHost = args.includes('--skip-host');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/ is missing: run trunk build --release first');
  process.exit(1);
}

const MOBILE = { latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${Math.round(x)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;

// --- test data: the 10,000-item feed and the static floor page -------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ban-tin-bench-'));
const bigFeed = generateFeed(10_000);
const bigFeedText = JSON.stringify(bigFeed);
const sample = JSON.parse(fs.readFileSync(path.join(dist, 'sample-feed.json'), 'utf8'));
const css = fs.readdirSync(dist).find((f) => f.endsWith('.css'));
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const first30 = [...sample.items].sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published)).slice(0, 30);
const staticPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(sample.title)}</title><link rel="stylesheet" href="${css}"></head><body><main id="main"><section class="list-view"><h1>${escape(sample.title)}</h1><div class="entries">
${first30.map((i) => `<article class="entry"><div class="entry-text"><h2 class="entry-title"><a href="tin/${i.id}">${escape(i.title.replace('&#8211;', '–'))}</a></h2><p class="entry-summary">${escape(i.summary)}</p></div></article>`).join('\n')}
</div></section></main></body></html>`;

// Answers brotli-compressed when the browser accepts it, as a CDN would.
const compressed = new Map();
function brotli(key, body) {
  if (!compressed.has(key)) compressed.set(key, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }));
  return compressed.get(key);
}
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
// The same build with its pages pre-rendered from the sample feed.
const prerendered = path.join(work, 'prerendered');
fs.cpSync(dist, prerendered, { recursive: true });
execFileSync(path.join(root, 'scripts', 'prerender.sh'), [prerendered, path.join(prerendered, 'sample-feed.json')], { stdio: 'ignore' });

/** A static host: the file, else the folder's index.html (pre-rendered pages), else the shell. */
function fileFor(site, pathname) {
  const file = path.join(site, decodeURIComponent(pathname));
  if (!file.startsWith(site)) return null;
  for (const candidate of [file, path.join(file, 'index.html'), path.join(site, 'app.html'), path.join(site, 'index.html')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const handler = (site) => (req, res, url) => {
  let body;
  let type;
  if (url.pathname === '/__bench/feed-10k.json') { body = Buffer.from(bigFeedText); type = TYPES['.json']; }
  else if (url.pathname === '/__bench/static.html') { body = Buffer.from(staticPage); type = TYPES['.html']; }
  else {
    const file = fileFor(site, url.pathname);
    if (!file) return false;
    body = fs.readFileSync(file);
    type = TYPES[path.extname(file)] || 'application/octet-stream';
  }
  const headers = { 'content-type': type, 'cache-control': 'no-cache' };
  if ((req.headers['accept-encoding'] || '').includes('br') && !type.startsWith('image/png')) {
    body = brotli(`${site}${url.pathname}`, body);
    headers['content-encoding'] = 'br';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(body);
  return true;
};

const server = await startServer({ root: dist, handler: handler(dist) });
const preServer = await startServer({ root: prerendered, handler: handler(prerendered) });
const browser = await launch();
const results = { date: new Date().toISOString(), machine: `${os.cpus()[0]?.model || 'unknown CPU'} x${os.cpus().length}, ${Math.round(os.totalmem() / 1e9)} GB, ${os.platform()} ${os.release()}`, chromium: browser.version() };

async function profiledPage(context, { network = true } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
    window.__shift = 0;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    } catch { /* no layout shift API */ }
    new MutationObserver((_, observer) => {
      if (document.querySelector('main article.entry h2 a')) {
        window.__firstHeadline = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { page, cdp };
}

async function firstHeadline(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__firstHeadline !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__firstHeadline);
}

/**
 * Clicks A+ from the moment it is on screen, as an impatient reader would, until the text
 * grows; returns when that happened (ms since navigation start).
 */
function firstTextSizeClick(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const timer = setInterval(() => {
      if (document.documentElement.style.fontSize === '115%') {
        clearInterval(timer);
        resolve(performance.now());
        return;
      }
      [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('A+'))?.click();
    }, 25);
  }));
}

const mobileContext = () => browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });

/**
 * Two cold visits: one left alone (first headline, and the layout shift until the app runs and
 * half a second after), one clicking A+ (a click's own growth of the text is not a shift to
 * count, and a script's click is not "recent input" to the browser).
 */
async function coldVisit(url) {
  let context = await mobileContext();
  let { page } = await profiledPage(context);
  const headline = await firstHeadline(page, url);
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]') && document.querySelector('#app main'), null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => window.__shift);
  await context.close();
  context = await mobileContext();
  ({ page } = await profiledPage(context));
  await firstHeadline(page, url);
  const click = await firstTextSizeClick(page);
  await context.close();
  return { headline, click, shift };
}

// --- 2. mobile profile ------------------------------------------------------------------------
const cold = [];
const warm = [];
const floor = [];
const plainVisits = [];
const firstShift = [];
const repeatShift = [];
const preVisits = [];
for (let i = 0; i < runs; i++) {
  plainVisits.push(await coldVisit(server.url));
  preVisits.push(await coldVisit(preServer.url));
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
  const { page } = await profiledPage(context);
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.error('  >', m.type(), m.text().slice(0, 300)));
  cold.push(await firstHeadline(page, server.url));
  await page.waitForTimeout(500);
  firstShift.push(await page.evaluate(() => window.__shift));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await page.waitForTimeout(300);
  warm.push(await firstHeadline(page, server.url));
  await page.waitForTimeout(500);
  repeatShift.push(await page.evaluate(() => window.__shift));
  await context.close();

  const staticContext = await browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true });
  const { page: staticPageTab } = await profiledPage(staticContext);
  floor.push(await firstHeadline(staticPageTab, `${server.url}__bench/static.html`));
  await staticContext.close();
}
results.mobile = { runs, coldMs: median(cold), warmMs: median(warm), floorMs: median(floor), ratio: median(cold) / median(floor) };

/** Entry titles wholly inside the first screen of the home list, once it is drawn. */
async function titlesInFirstScreen(viewport, textSize) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (textSize) await page.addInitScript((t) => localStorage.setItem('ban-tin.text-size', t), textSize);
  await page.goto(server.url);
  await page.locator('main article.entry h2 a').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  const counts = await page.evaluate(() => {
    const titles = [...document.querySelectorAll('main .entry-title')];
    const whole = titles.filter((h) => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length;
    const first = titles[0]?.getBoundingClientRect().top ?? Infinity;
    return { whole, firstTop: first };
  });
  await context.close();
  return counts;
}
results.firstScreen = {
  phone: await titlesInFirstScreen({ width: 412, height: 823 }),
  small: await titlesInFirstScreen({ width: 320, height: 640 }, '200'),
  firstVisitCls: Math.max(...firstShift),
  repeatVisitCls: Math.max(...repeatShift),
};
/**
 * The layout shift of an article opened directly on a phone (mobile profile), until a second
 * after its voices (if any) have arrived: `voices` 'none' (no speech engine), 'at once', or
 * 'later' (once the article is on screen, as Chromium loads them).
 */
async function articleShift(origin, voices) {
  const context = await mobileContext();
  const { page } = await profiledPage(context);
  await installSpeech(page, voices === 'none' ? { voices: null } : { late: voices === 'later' });
  await page.goto(`${origin}tin/2023-02-10-hoi-nghi-trien-khai-nhiem-vu-2023`);
  await page.locator('main .article-body p').first().waitFor({ timeout: 120_000 });
  if (voices === 'later') await page.evaluate(() => window.__speech.addVoices());
  // (A build from before the listen control has none: then the shift without it.)
  if (voices !== 'none') await page.locator('#listen-button').waitFor({ timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  const shift = await page.evaluate(() => window.__shift);
  await context.close();
  return shift;
}
results.article = {};
for (const voices of ['none', 'at once', 'later']) {
  const plain = [];
  const pre = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    plain.push(await articleShift(server.url, voices));
    pre.push(await articleShift(preServer.url, voices));
  }
  results.article[voices] = { plainCls: Math.max(...plain), preCls: Math.max(...pre) };
}
results.prerendered = {
  coldMs: median(preVisits.map((v) => v.headline)),
  ratio: median(preVisits.map((v) => v.headline)) / median(floor),
  textSizeClickMs: median(preVisits.map((v) => v.click)),
  takeOverCls: Math.max(...preVisits.map((v) => v.shift)),
  plainColdMs: median(plainVisits.map((v) => v.headline)),
  plainTextSizeClickMs: median(plainVisits.map((v) => v.click)),
  plainCls: Math.max(...plainVisits.map((v) => v.shift)),
};

// --- 3. 10,000 items --------------------------------------------------------------------------
const big = [];
for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, serviceWorkers: 'block' });
  const { page, cdp } = await profiledPage(context, { network: false });
  const headline = await firstHeadline(page, `${server.url}?feed=/__bench/feed-10k.json`);
  await page.waitForTimeout(500);
  const parse = await page.evaluate(() => performance.getEntriesByName('ban-tin:parse').map((e) => e.duration));
  // Focusing the search box starts building the index in the background; then search, one
  // keystroke at a time, as a reader types.
  // On a phone the box is behind the magnifier button: open it as a reader does.
  if (await page.locator('#search-toggle').isVisible()) await page.locator('#search-toggle').click();
  const input = page.getByRole('searchbox');
  await input.click();
  await page.waitForFunction(() => performance.getEntriesByName('ban-tin:search-index').length > 0, null, { timeout: 120_000 });
  const typed = await typeQueries(page);
  // The same typing without the CPU slowdown (this machine's own speed).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const fast = await typeQueries(page, ['lao dong', 'nguoi co cong']);
  const index = await page.evaluate(() => performance.getEntriesByName('ban-tin:search-index').map((e) => e.duration));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  const results = await page.locator('main article.entry').count();
  // Long tasks while loading, in a Chromium without Playwright's DevTools network agent (which
  // holds the main thread with its own copy of the 10 MB response).
  const long = await longTasksWhileLoading(`${server.url}?feed=/__bench/feed-10k.json`, 'main article.entry');
  big.push({ headline, parse: parse[0] ?? NaN, index: index[0] ?? NaN, longest: Math.max(0, ...long), over100: long.filter((d) => d > 100).length, typed, fast, heap, wasmMemory, results });
  await context.close();
}
const all = (key, part) => big.flatMap((b) => b[key][part]);
results.big = {
  items: bigFeed.items.length,
  feedBytes: Buffer.byteLength(bigFeedText),
  parseMs: median(big.map((b) => b.parse)),
  indexMs: median(big.map((b) => b.index)),
  firstHeadlineMs: median(big.map((b) => b.headline)),
  longestTaskMs: median(big.map((b) => b.longest)),
  tasksOver100: median(big.map((b) => b.over100)),
  echoP50Ms: percentile(all('typed', 'echo'), 50),
  echoP95Ms: percentile(all('typed', 'echo'), 95),
  resultsP50Ms: percentile(all('typed', 'results'), 50),
  resultsP95Ms: percentile(all('typed', 'results'), 95),
  echoFastP50Ms: percentile(all('fast', 'echo'), 50),
  echoFastP95Ms: percentile(all('fast', 'echo'), 95),
  resultsFastP50Ms: percentile(all('fast', 'results'), 50),
  resultsFastP95Ms: percentile(all('fast', 'results'), 95),
  resultsShown: median(big.map((b) => b.results)),
  jsHeapBytes: median(big.map((b) => b.heap)),
  wasmMemoryBytes: median(big.map((b) => b.wasmMemory)),
};
await browser.close();
await server.close();
await preServer.close();

// --- 4. host benchmarks -----------------------------------------------------------------------
if (!skipHost) {
  const out = execFileSync('cargo', ['bench', '--quiet', '-p', 'ban-tin-core', '--bench', 'feed'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  results.host = out.trim();
}

// --- report -----------------------------------------------------------------------------------
const size = sizeReport(dist);
const lines = [];
lines.push(`Bản tin benchmarks, ${results.date.slice(0, 10)}, ${results.machine}, Chromium ${results.chromium}`);
lines.push('');
lines.push('1. Bundle (bytes)             raw       gzip     brotli');
for (const r of size.rows) lines.push(`   ${r.kind.padEnd(12)} ${String(r.raw).padStart(12)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}`);
lines.push(`   ${'total'.padEnd(12)} ${String(size.total.raw).padStart(12)} ${String(size.total.gzip).padStart(10)} ${String(size.total.brotli).padStart(10)}`);
lines.push('');
lines.push(`2. Mobile profile (4x CPU, 150 ms, 1.6 Mbps, brotli), median of ${runs}`);
lines.push(`   first headline, cold visit          ${ms(results.mobile.coldMs).padStart(9)}`);
lines.push(`   first headline, repeat visit        ${ms(results.mobile.warmMs).padStart(9)}`);
lines.push(`   static HTML floor (same 30 titles)  ${ms(results.mobile.floorMs).padStart(9)}`);
lines.push(`   cold / floor                        ${results.mobile.ratio.toFixed(2).padStart(9)}`);
lines.push('');
const pre = results.prerendered;
lines.push(`   Cold visit, side by side             plain  pre-rendered   static floor`);
lines.push(`   first headline                   ${ms(pre.plainColdMs).padStart(9)} ${ms(pre.coldMs).padStart(13)} ${ms(results.mobile.floorMs).padStart(14)}`);
lines.push(`   / floor                          ${(pre.plainColdMs / results.mobile.floorMs).toFixed(2).padStart(9)} ${pre.ratio.toFixed(2).padStart(13)} ${'1.00'.padStart(14)}`);
lines.push(`   first A+ click that works        ${ms(pre.plainTextSizeClickMs).padStart(9)} ${ms(pre.textSizeClickMs).padStart(13)}`);
lines.push(`   layout shift (CLS, worst run)    ${pre.plainCls.toFixed(3).padStart(9)} ${pre.takeOverCls.toFixed(3).padStart(13)}`);
lines.push('');
const fs1 = results.firstScreen;
lines.push('   First screen (plain build)');
lines.push(`   whole headlines, 412 x 823, default size       ${String(fs1.phone.whole).padStart(5)}`);
lines.push(`   whole headlines, 320 x 640, largest size       ${String(fs1.small.whole).padStart(5)} (first starts at ${Math.round(fs1.small.firstTop)} px)`);
lines.push(`   layout shift, first visit (CLS, worst run)     ${fs1.firstVisitCls.toFixed(3).padStart(5)}`);
lines.push(`   layout shift, repeat visit (CLS, worst run)    ${fs1.repeatVisitCls.toFixed(3).padStart(5)}`);
lines.push('');
lines.push('   Article opened directly, layout shift (CLS, worst run)   plain  pre-rendered');
for (const [voices, label] of [['none', 'no speech engine'], ['at once', 'a voice, there at once'], ['later', 'a voice, after the article']]) {
  const a = results.article[voices];
  lines.push(`   ${label.padEnd(44)} ${a.plainCls.toFixed(3).padStart(9)} ${a.preCls.toFixed(3).padStart(13)}`);
}
lines.push('');
lines.push(`3. ${results.big.items} items (${mb(results.big.feedBytes)} feed, 4x CPU, network not throttled), median`);
lines.push(`   parse                               ${ms(results.big.parseMs).padStart(9)}`);
lines.push(`   first headline                      ${ms(results.big.firstHeadlineMs).padStart(9)}`);
lines.push(`   longest task while loading          ${ms(results.big.longestTaskMs).padStart(9)} (${results.big.tasksOver100} over 100 ms)`);
lines.push(`   search index, built in the background  ${ms(results.big.indexMs).padStart(6)}`);
lines.push('   search, key to frame drawn            letter    results   (p50 / p95)');
lines.push(`   4x CPU                          ${`${ms(results.big.echoP50Ms)} / ${ms(results.big.echoP95Ms)}`.padStart(12)} ${`${ms(results.big.resultsP50Ms)} / ${ms(results.big.resultsP95Ms)}`.padStart(14)}`);
lines.push(`   no CPU slowdown                 ${`${ms(results.big.echoFastP50Ms)} / ${ms(results.big.echoFastP95Ms)}`.padStart(12)} ${`${ms(results.big.resultsFastP50Ms)} / ${ms(results.big.resultsFastP95Ms)}`.padStart(14)}`);
lines.push(`   JS heap after load                  ${mb(results.big.jsHeapBytes).padStart(9)}`);
lines.push(`   WebAssembly memory after load       ${mb(results.big.wasmMemoryBytes).padStart(9)}`);
if (results.host) {
  lines.push('');
  lines.push('4. Host (divan, this machine, no throttling)');
  for (const line of results.host.split('\n')) lines.push(`   ${line}`);
}
console.log(lines.join('\n'));
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
fs.rmSync(work, { recursive: true, force: true });
