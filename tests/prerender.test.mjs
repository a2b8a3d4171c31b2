// Pre-rendered pages (scripts/prerender.sh): the release build copied to a folder of its own,
// pre-rendered from the sample feed, and served the way the README's nginx serves it ($uri,
// $uri/index.html, then the app shell). Without JavaScript the pages read fully; with it, the
// live app takes the static content's place without a visible shift, duplicates or lost focus.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './support/server.mjs';
import { launch, newPage } from './support/browser.mjs';
import { root, dist, fixtures, sample, newestFirst, SEED_ID, SEED_TITLE } from './support/project.mjs';
import { vectors, hostileFeed, watchDialogs, inspectPage } from './support/hostile.mjs';
import { installSpeech } from './support/speech.mjs';

/** A copy of dist/ served on 127.0.0.1, with `config` merged into its config.json. */
async function preparedSite(config = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ban-tin-prerender-'));
  fs.cpSync(dist, dir, { recursive: true });
  const server = await startServer({ root: dir, fixtures });
  const current = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  const merged = { ...current, ...(typeof config === 'function' ? config(server.url) : config) };
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(merged, null, 2));
  return { dir, server, url: server.url };
}

/** Runs the documented command; returns what it printed. */
function prerender(dir, feedFile, ...flags) {
  return execFileSync(path.join(root, 'scripts', 'prerender.sh'), [dir, feedFile, ...flags], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Records layout shifts from the first paint on (`window.__shifts`). */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Holds the WebAssembly back until `release()` is called, so the static page can be used. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  return release;
}

const taken = (page) => page.waitForFunction(() => !document.querySelector('[data-prerendered]'), null, { timeout: 30_000 });

let browser;
let site;
let output;
before(async () => {
  browser = await launch();
  site = await preparedSite((url) => ({ site_url: url }));
  output = prerender(site.dir, path.join(site.dir, 'sample-feed.json'));
});
after(async () => {
  await browser?.close();
  await site?.server.close();
  if (site) fs.rmSync(site.dir, { recursive: true, force: true });
});

describe('without JavaScript', () => {
  test('the home, a section and an article read fully, with working links between them', async () => {
    assert.match(output, /pre-rendered: home, 16 articles, 5 sections/);
    const { page, context } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(site.url);
    assert.equal(await page.locator('main h1').textContent(), sample.title);
    assert.equal(await page.locator('main article.entry').count(), sample.items.length);
    assert.equal(await page.locator('main article.entry h2 a').first().textContent(), newestFirst[0].title);
    assert.equal(await page.locator('noscript').count(), 0, 'no "needs JavaScript" message where content exists');
    // A plain link to the article's static page.
    await page.locator('main article.entry h2 a', { hasText: SEED_TITLE }).click();
    await page.waitForURL(`${site.url}tin/${SEED_ID}`);
    assert.equal(await page.locator('main h1').textContent(), SEED_TITLE);
    assert.ok((await page.locator('.article-body p').count()) >= 4);
    assert.match(await page.locator('.article-body').textContent(), /Sáng ngày 09\/02\/2023/);
    const picture = page.locator('.lead-image img');
    await picture.evaluate((img) => img.decode());
    assert.ok(await picture.evaluate((img) => img.naturalWidth > 0), 'the article picture loads');
    assert.equal(await page.locator('.tags li').first().textContent(), 'Tin hoạt động');
    assert.ok((await page.locator('.related li a').count()) >= 1);
    // Link previews: what the feed says, as text.
    const seed = sample.items.find((i) => i.id === SEED_ID);
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), seed.title);
    assert.equal(await page.locator('meta[property="og:image"]').getAttribute('content'), new URL(seed.image, site.url).href);
    assert.equal(await page.locator('meta[property="og:url"]').getAttribute('content'), `${site.url}tin/${SEED_ID}`);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `${site.url}tin/${SEED_ID}`);
    assert.equal(await page.locator('meta[property="og:type"]').getAttribute('content'), 'article');
    assert.equal(await page.locator('meta[property="article:published_time"]').getAttribute('content'), '2023-02-10T08:30:00+07:00');
    assert.equal(await page.title(), `${SEED_TITLE} – Bản tin`);
    // On to its section, then back home through the header.
    await page.locator('.article-header .section-name a').click();
    await page.waitForURL(`${site.url}chuyen-muc/tin-hoat-dong`);
    assert.equal(await page.locator('main h1').textContent(), 'Tin hoạt động');
    const inSection = sample.items.filter((i) => (i.tags || [])[0] === 'Tin hoạt động').length;
    assert.equal(await page.locator('main article.entry').count(), inSection);
    await page.locator('.main-nav a', { hasText: 'Trang chủ' }).click();
    await page.waitForURL(site.url);
    assert.equal(await page.locator('main h1').textContent(), sample.title);
    await context.close();
  });

  test('a sitemap lists every page and robots.txt names it', async () => {
    const sitemap = await (await fetch(`${site.url}sitemap.xml`)).text();
    assert.equal(sitemap.match(/<loc>/g).length, 1 + 5 + sample.items.length);
    assert.ok(sitemap.includes(`<loc>${site.url}tin/${SEED_ID}</loc>`));
    assert.ok((await (await fetch(`${site.url}robots.txt`)).text()).includes(`Sitemap: ${site.url}sitemap.xml`));
  });
});

describe('the live app taking over', () => {
  test('replaces the pre-rendered home with no shift, no duplicate content, and the reader keeps scroll and focus', async () => {
    const { page, context, problems } = await newPage(browser, { viewport: { width: 412, height: 823 } });
    await recordShifts(page);
    const release = await holdWasm(page);
    await page.goto(site.url);
    // The reader is already reading: scrolled down, a headline focused from the keyboard.
    const target = page.locator('main article.entry h2 a').nth(5);
    await target.focus();
    await page.evaluate(() => window.scrollTo(0, 900));
    const before = await page.evaluate(() => ({ y: window.scrollY, href: document.activeElement.getAttribute('href') }));
    assert.equal(await page.locator('[data-prerendered]').count(), 1);
    release();
    await taken(page);
    await page.waitForTimeout(500);
    const after = await page.evaluate(() => ({
      y: window.scrollY,
      href: document.activeElement.getAttribute('href'),
      apps: document.querySelectorAll('#app').length,
      mains: document.querySelectorAll('main').length,
      headings: document.querySelectorAll('main h1').length,
      entries: document.querySelectorAll('main article.entry').length,
      shifts: window.__shifts.reduce((a, b) => a + b, 0),
    }));
    assert.equal(after.apps, 1);
    assert.equal(after.mains, 1);
    assert.equal(after.headings, 1);
    assert.equal(after.entries, sample.items.length);
    assert.ok(after.shifts < 0.01, `layout shift ${after.shifts}`);
    assert.equal(after.href, before.href, 'the same headline keeps the focus');
    assert.equal(after.y, before.y, 'the scroll position stays');
    // It is the live app now: A+ works.
    await page.locator('button', { hasText: 'A+' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), '115%');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an article keeps the place of "Nghe bài viết" on its static page: with a voice the live app shows it there, and nothing moves', async () => {
    const { page, context, problems } = await newPage(browser, { viewport: { width: 412, height: 823 } });
    await installSpeech(page);
    await recordShifts(page);
    const release = await holdWasm(page);
    await page.goto(`${site.url}tin/${SEED_ID}`);
    const places = () => page.evaluate(() => ['.bar', '#listen-button', '.text-size', 'main h1', 'main .article-body']
      .map((s) => JSON.stringify(document.querySelector(s)?.getBoundingClientRect())));
    const listen = page.locator('#listen-button');
    // Static: the place is there, the button is not to be seen or reached.
    assert.equal(await listen.count(), 1);
    assert.equal(await listen.isVisible(), false);
    const before = await places();
    release();
    await taken(page);
    await listen.waitFor({ state: 'visible' });
    assert.deepEqual(await places(), before);
    assert.ok((await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0))) < 0.01);
    await listen.click();
    assert.equal(await page.evaluate(() => window.__speech.record.utterances[0]?.text), SEED_TITLE);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the static and live markup of the first page are the same elements, classes and text', async () => {
    const { page, context } = await newPage(browser);
    const release = await holdWasm(page);
    await page.goto(site.url);
    const shape = () => {
      const out = [];
      const walk = (el, depth) => {
        // The kiosk's QR dialog belongs to the live app only (App, not Shell); closed, it is
        // not part of what anyone sees.
        if (el.localName === 'dialog' && !el.open) return;
        out.push(`${depth}:${el.localName}.${[...el.classList].sort().join('.')}`);
        for (const child of el.children) walk(child, depth + 1);
      };
      const app = document.getElementById('app');
      for (const child of app.children) walk(child, 0);
      return { tree: out, text: app.innerText.replace(/Cập nhật lúc [^\n]*/, '') };
    };
    const staticShape = await page.evaluate(shape);
    release();
    await taken(page);
    const liveShape = await page.evaluate(shape);
    assert.deepEqual(liveShape.tree, staticShape.tree);
    assert.equal(liveShape.text, staticShape.text);
    await context.close();
  });

  test('a stored 200% text size and dark theme apply before the first paint of a pre-rendered page', async () => {
    const { page, context } = await newPage(browser);
    await page.addInitScript(() => {
      localStorage.setItem('ban-tin.text-size', '200');
      localStorage.setItem('ban-tin.theme', 'dark');
    });
    await recordShifts(page);
    // No WebAssembly at all: only the page and its inline script.
    await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(`${site.url}tin/${SEED_ID}`);
    const root = await page.evaluate(() => ({
      size: getComputedStyle(document.documentElement).fontSize,
      theme: document.documentElement.dataset.theme,
      h1: document.querySelector('main h1')?.textContent,
    }));
    assert.deepEqual(root, { size: '32px', theme: 'dark', h1: SEED_TITLE });
    await context.close();
    // With the app: it starts from the same size, so nothing moves.
    const live = await newPage(browser);
    await live.page.addInitScript(() => localStorage.setItem('ban-tin.text-size', '200'));
    await recordShifts(live.page);
    await live.page.goto(`${site.url}tin/${SEED_ID}`);
    await taken(live.page);
    await live.page.waitForTimeout(300);
    assert.equal(await live.page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
    assert.ok(await live.page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0)) < 0.01);
    await live.context.close();
  });

  test('an address without a pre-rendered page gets the app shell, and the app draws it', async () => {
    const shell = await (await fetch(`${site.url}tim-kiem?q=lao`)).text();
    assert.ok(shell.includes('<div id="app"></div>') && !shell.includes('data-prerendered'));
    const { page, context, problems } = await newPage(browser);
    await page.goto(`${site.url}tin/khong-co-bai-nay`);
    await page.locator('main h1', { hasText: 'Không tìm thấy bài viết' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('an article that has left the feed', () => {
  test('still opens from its static page, and the live app keeps showing it', async () => {
    const left = await preparedSite({ feed_url: 'fewer.json' });
    try {
      prerender(left.dir, path.join(left.dir, 'sample-feed.json'));
      // The next publication no longer carries the seed article.
      const fewer = { ...sample, items: sample.items.filter((i) => i.id !== SEED_ID) };
      fs.writeFileSync(path.join(left.dir, 'fewer.json'), JSON.stringify(fewer));
      const report = prerender(left.dir, path.join(left.dir, 'fewer.json'));
      assert.match(report, /kept: 1 pages/);
      const { page, context, problems } = await newPage(browser);
      await page.goto(`${left.url}tin/${SEED_ID}`);
      await taken(page);
      await page.waitForTimeout(300);
      assert.equal(await page.locator('main h1').textContent(), SEED_TITLE);
      assert.match(await page.locator('.article-body').textContent(), /Sáng ngày 09\/02\/2023/);
      assert.equal(await page.locator('.not-found-view').count(), 0);
      // The live app around it: the header lists the fresh feed's sections and A+ works.
      await page.locator('button', { hasText: 'A+' }).click();
      assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), '115%');
      // Pruned, the page is gone and the app says the article is not in the feed.
      prerender(left.dir, path.join(left.dir, 'fewer.json'), '--prune');
      await page.goto(`${left.url}tin/${SEED_ID}`);
      await page.locator('main h1', { hasText: 'Không tìm thấy bài viết' }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await left.server.close();
      fs.rmSync(left.dir, { recursive: true, force: true });
    }
  });
});

describe('hostile feed content in pre-rendered pages', () => {
  let hostile;
  before(async () => {
    hostile = await preparedSite({ feed_url: 'hostile.json' });
    fs.writeFileSync(path.join(hostile.dir, 'hostile.json'), JSON.stringify(hostileFeed));
    prerender(hostile.dir, path.join(hostile.dir, 'hostile.json'));
  });
  after(async () => {
    await hostile?.server.close();
    if (hostile) fs.rmSync(hostile.dir, { recursive: true, force: true });
  });

  for (const csp of [true, false]) {
    test(`all ${vectors.length} vectors are harmless on their static pages, ${csp ? 'with' : 'without'} the Content-Security-Policy`, async () => {
      const { page, context, problems } = await newPage(browser);
      const dialogs = await watchDialogs(page);
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 404, body: '' }));
      // JavaScript on, the app kept out: the static markup alone faces the browser.
      await page.route(/_bg\.wasm$/, (route) => route.abort());
      if (!csp) {
        await page.route(/\/tin\//, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
          await route.fulfill({ response, body });
        });
      }
      const shell = fs.readFileSync(path.join(hostile.dir, 'app.html'), 'utf8');
      const appScripts = (shell.match(/<script\b/g) || []).length;
      const failures = [];
      for (const vector of vectors) {
        await page.goto(`${hostile.url}tin/${encodeURIComponent(vector.id)}`);
        const found = await page.evaluate(inspectPage, appScripts);
        const head = await page.evaluate(() => ({
          title: document.title,
          og: document.querySelector('meta[property="og:title"]')?.content,
          h1: document.querySelector('main h1')?.textContent,
        }));
        if (head.og !== vector.id || head.h1 !== vector.id || head.title !== `${vector.id} – Bản tin`) {
          found.push(`title/og:title/h1 not the text ${JSON.stringify(head)}`);
        }
        if (!page.url().startsWith(hostile.url)) found.push(`navigated to ${page.url()}`);
        if (found.length) failures.push(`${vector.id}: ${found.join('; ')}`);
      }
      await page.waitForTimeout(500);
      assert.deepEqual(failures, []);
      assert.deepEqual(dialogs, []);
      const inertStyle = /^csp: style-src-(attr|elem) blocked inline/;
      // The WebAssembly is kept out on purpose: its failed fetch is expected.
      const blockedWasm = /^pageerror: Failed to fetch$|wasm|WebAssembly/i;
      assert.deepEqual(problems.filter((p) => ((p.startsWith('csp:') && !inertStyle.test(p)) || p.startsWith('pageerror')) && !blockedWasm.test(p)), []);
      await context.close();
    });
  }
});
