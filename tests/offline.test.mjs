// Offline and installable: the service worker's app shell, the app's own saved feed, images
// of articles read before, the offline notice, a changed feed after the network returns, the
// update prompt between two builds, and the manifest.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './support/server.mjs';
import { launch, newPage, settledCount } from './support/browser.mjs';
import { root, dist, fixtures, sample, SEED_ID, SEED_TITLE } from './support/project.mjs';
import { generateFeed } from '../scripts/generate-feed.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const entries = (page) => page.locator('main article.entry');

/**
 * Waits until the app has saved its own copy of the feed: a small one in localStorage, a
 * large one in the Cache API (src/persist.rs). Returns where it went.
 */
async function savedCopy(page) {
  const where = await page.waitForFunction(async () => {
    const key = new URL('__ban-tin-data/feed', document.baseURI).href;
    if (localStorage.getItem(`ban-tin-saved:${key}`)) return 'localStorage';
    if (await (await caches.open('ban-tin-data-v1')).match(key)) return 'cache';
    return false;
  });
  return where.jsonValue();
}

async function waitForWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** The oldest article, whose thumbnail sits far down the list and is never loaded. */
const oldest = [...sample.items].sort((a, b) => Date.parse(a.date_published) - Date.parse(b.date_published))[0];

describe('offline', () => {
  test('after one visit the app opens offline: list, saved time, articles read before with their images', async () => {
    let server = await startServer({ root: dist, fixtures });
    const { port } = server;
    const { page, context } = await newPage(browser, { viewport: { width: 412, height: 600 } });
    await page.goto(server.url);
    await entries(page).first().waitFor();
    await waitForWorker(page);
    await page.locator('main article.entry h2 a', { hasText: SEED_TITLE }).click();
    await page.locator('h1', { hasText: SEED_TITLE }).waitFor();
    await page.waitForFunction(() => document.querySelector('.lead-image img')?.complete);
    const precache = await page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.startsWith('ban-tin-shell-'));
      const cache = await caches.open(name);
      let bytes = 0;
      const keys = await cache.keys();
      for (const key of keys) bytes += (await (await cache.match(key)).arrayBuffer()).byteLength;
      return { files: keys.length, bytes };
    });

    // The oldest article has never been opened. Its thumbnail may have been loaded (and kept)
    // while the list was on screen, so make sure its picture is not saved, as for an article
    // whose picture was never seen.
    const oldestImage = new URL(oldest.image, server.url).href;
    await page.evaluate(async (url) => (await caches.open('ban-tin-images')).delete(url), oldestImage);
    assert.notEqual(oldest.image, sample.items.find((i) => i.id === SEED_ID).image);

    // The network goes away entirely: the server stops and the browser is offline.
    await server.close();
    await context.setOffline(true);
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    await entries(page).first().waitFor();
    const headlinesMs = Date.now() - started;
    console.log(`  precached ${precache.files} files, ${precache.bytes} bytes; offline reload to headlines ${headlinesMs} ms`);
    assert.equal(await settledCount(entries(page)), sample.items.length);
    assert.match(await page.locator('.status-line.offline').textContent(), /Không có mạng/);
    assert.match(await page.locator('.status-line.updated').textContent(), /^Cập nhật lúc \d\d:\d\d \d\d\/\d\d$/);

    // The article read before, with its picture.
    await page.locator('main article.entry h2 a', { hasText: SEED_TITLE }).click();
    await page.locator('h1', { hasText: SEED_TITLE }).waitFor();
    await page.waitForFunction(() => document.querySelector('.lead-image img')?.complete);
    assert.ok(await page.locator('.lead-image img').evaluate((img) => img.naturalWidth > 0), 'the saved picture shows');
    assert.ok((await page.locator('.article-body p').count()) > 3);

    // An article never opened: its text is in the saved feed, its picture is not saved.
    await page.goto(`http://127.0.0.1:${port}/tin/${oldest.id}`);
    await page.locator('h1', { hasText: oldest.title }).waitFor();
    await page.locator('.image-offline').first().waitFor();
    assert.match(await page.locator('.image-offline').first().textContent(), /Ảnh chưa được lưu trên máy/);

    // An article that is not in the saved copy at all.
    await page.goto(`http://127.0.0.1:${port}/tin/bai-moi-chua-tung-tai`);
    await page.locator('h1', { hasText: 'Bài viết chưa được lưu trên máy' }).waitFor();

    // Back online with a changed feed: the new article replaces the stale copy.
    await page.goto(`http://127.0.0.1:${port}/`);
    await entries(page).first().waitFor();
    // A document opened while offline starts out believing it is online (a quirk of the
    // emulation); switching again tells it the truth, as a real device would.
    await context.setOffline(false);
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    const changed = structuredClone(sample);
    changed.items.unshift({
      id: 'tin-moi-sau-khi-co-mang',
      title: 'Tin mới đăng sau khi có mạng trở lại',
      content_text: 'Nội dung mới.',
      date_published: '2023-04-15T08:00:00+07:00',
      tags: ['Tin hoạt động'],
    });
    server = await startServer({
      root: dist,
      fixtures,
      port,
      handler: (req, res, url) => {
        if (url.pathname !== '/sample-feed.json') return false;
        res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'no-cache' });
        res.end(JSON.stringify(changed));
        return true;
      },
    });
    const before = await page.locator('.status-line.updated').textContent();
    await context.setOffline(false);
    await page.locator('main article.entry h2 a', { hasText: 'Tin mới đăng sau khi có mạng trở lại' }).waitFor();
    assert.equal(await settledCount(entries(page)), sample.items.length + 1);
    assert.equal(await page.locator('.status-line.offline').count(), 0, 'the offline notice is gone');
    assert.match(await page.locator('.status-line.updated').textContent(), /^Cập nhật lúc /);
    assert.ok(before.startsWith('Cập nhật lúc '));
    await context.close();
    await server.close();
  });

  test('without a service worker the last good feed still shows from the app\'s own store', async () => {
    const server = await startServer({ root: dist, fixtures });
    const { page, context } = await newPage(browser, { serviceWorkers: 'block' });
    await page.goto(server.url);
    await entries(page).first().waitFor();
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker?.controller), false);
    // Wait until the app has saved its copy: the sample feed is small, so in localStorage.
    assert.equal(await savedCopy(page), 'localStorage');
    await page.route('**/sample-feed.json', (route) => route.abort('connectionrefused'));
    await page.route('**/config.json', (route) => route.abort('connectionrefused'));
    await page.reload();
    await entries(page).first().waitFor();
    assert.equal(await settledCount(entries(page)), sample.items.length);
    assert.match(await page.locator('.status-line.offline').textContent(), /Không có mạng/);
    assert.match(await page.locator('.status-line.updated').textContent(), /Cập nhật lúc/);
    await context.close();
    await server.close();
  });

  test('an RSS feed is saved and shows offline like a JSON one', async () => {
    const server = await startServer({ root: dist, fixtures });
    const { page, context } = await newPage(browser, { serviceWorkers: 'block' });
    await page.goto(`${server.url}?feed=sample-feed.rss.xml`);
    await entries(page).first().waitFor();
    assert.equal(await savedCopy(page), 'localStorage');
    await page.route('**/sample-feed.rss.xml', (route) => route.abort('connectionrefused'));
    await page.route('**/config.json', (route) => route.abort('connectionrefused'));
    await page.reload();
    await entries(page).first().waitFor();
    assert.equal(await settledCount(entries(page)), sample.items.length);
    assert.match(await page.locator('.status-line.offline').textContent(), /Không có mạng/);
    await context.close();
    await server.close();
  });

  test('a large feed is saved in the Cache API instead, and shows offline as well', async () => {
    const server = await startServer({ root: dist, fixtures });
    const big = generateFeed(800);
    const body = JSON.stringify(big);
    assert.ok(body.length > 512 * 1024, `${body.length} bytes`);
    const { page, context } = await newPage(browser, { serviceWorkers: 'block' });
    await page.route('**/sample-feed.json', (route) => route.fulfill({ contentType: 'application/feed+json', body }));
    await page.goto(server.url);
    await entries(page).first().waitFor();
    assert.equal(await savedCopy(page), 'cache');
    await page.unroute('**/sample-feed.json');
    await page.route('**/sample-feed.json', (route) => route.abort('connectionrefused'));
    await page.route('**/config.json', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.locator('.status-line.offline').waitFor();
    assert.equal(await page.locator('main article.entry h2 a').first().textContent(), big.items[0].title);
    assert.match(await page.locator('main .more .count').textContent(), /30/);
    assert.match(await page.locator('.status-line.updated').textContent(), /Cập nhật lúc/);
    await context.close();
    await server.close();
  });

  test('a refresh that fails for another reason keeps the copy on screen with a notice and retry', async () => {
    const server = await startServer({ root: dist, fixtures });
    const { page, context } = await newPage(browser, { serviceWorkers: 'block' });
    await page.goto(server.url);
    await entries(page).first().waitFor();
    await savedCopy(page);
    await page.route('**/sample-feed.json', (route) => route.fulfill({ status: 502, body: 'bad gateway' }));
    await page.reload();
    await page.locator('.status-line.stale').waitFor();
    assert.match(await page.locator('.status-line.stale').textContent(), /Chưa cập nhật được tin mới: Máy chủ tin tức đang gặp sự cố \(lỗi 502\)/);
    assert.equal(await settledCount(entries(page)), sample.items.length);
    await page.unroute('**/sample-feed.json');
    await page.locator('.status-line.stale button', { hasText: 'Thử lại' }).click();
    await page.locator('.status-line.stale').waitFor({ state: 'detached' });
    await context.close();
    await server.close();
  });
});

describe('updates', () => {
  test('a new deployment is offered with a reload; after it the new build runs and the old cache is gone', async () => {
    // Build B: the same build with a changed index.html, re-versioned by the build's own script.
    const buildB = fs.mkdtempSync(path.join(os.tmpdir(), 'ban-tin-build-b-'));
    fs.cpSync(dist, buildB, { recursive: true });
    const indexB = path.join(buildB, 'index.html');
    fs.writeFileSync(indexB, fs.readFileSync(indexB, 'utf8').replace('<title>', '<meta name="ban-tin-build" content="B" /><title>'));
    execFileSync(process.execPath, [path.join(root, 'scripts', 'finalize-dist.mjs'), buildB], { stdio: 'pipe' });

    let server = await startServer({ root: dist, fixtures });
    const { port } = server;
    const { page, context } = await newPage(browser);
    await page.goto(server.url);
    await entries(page).first().waitFor();
    await waitForWorker(page);
    const shellA = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('ban-tin-shell-')));
    assert.equal(shellA.length, 1);

    await server.close();
    server = await startServer({ root: buildB, fixtures, port });
    await page.reload();
    await entries(page).first().waitFor();
    assert.equal(await page.locator('meta[name="ban-tin-build"]').count(), 0, 'still build A until the reader accepts');
    await page.locator('.status-line.update').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.status-line.update').textContent(), /Có phiên bản mới/);
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('.status-line.update button', { hasText: 'Tải lại' }).click(),
    ]);
    await entries(page).first().waitFor();
    assert.equal(await page.locator('meta[name="ban-tin-build"]').getAttribute('content'), 'B');
    const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('ban-tin-shell-')));
    assert.equal(shells.length, 1);
    assert.notEqual(shells[0], shellA[0], 'build A\'s cache is deleted');
    await context.close();
    await server.close();
    fs.rmSync(buildB, { recursive: true, force: true });
  });
});

describe('installable', () => {
  test('a web app manifest with name, icons (192, 512, maskable), scope and colours', async () => {
    const server = await startServer({ root: dist, fixtures });
    const { page, context, problems } = await newPage(browser);
    await page.goto(server.url);
    await entries(page).first().waitFor();
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#0b5cad');
    assert.ok(await page.locator('link[rel="apple-touch-icon"]').count());
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(href, server.url))).json();
    assert.equal(manifest.name, 'Bản tin');
    assert.equal(manifest.short_name, 'Bản tin');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.ok(manifest.theme_color && manifest.background_color);
    for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
      assert.ok(icon, `${size} ${purpose}`);
      const png = Buffer.from(await (await fetch(new URL(icon.src, server.url))).arrayBuffer());
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, size);
    }
    assert.deepEqual(problems, []);
    await context.close();
    await server.close();
  });
});
