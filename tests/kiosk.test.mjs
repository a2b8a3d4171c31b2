// Kiosk mode, with Playwright's clock to move time forward: idle countdown and fresh start,
// QR hand-off for links that leave the app, automatic refresh, and 500 resets without growth.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './support/site.mjs';
import { newPage, installClock } from './support/browser.mjs';
import { sample, newestFirst } from './support/project.mjs';

const site = useSite();

const rootSize = (page) => page.evaluate(() => document.documentElement.style.fontSize || '100%');
// The kiosk's type scale (150% by default) multiplies the reader's text size.
const KIOSK = (percent) => `${percent * 1.5}%`;
const entries = (page) => page.locator('main article.entry');

async function kioskPage(config, contextOptions = {}) {
  const session = await newPage(site.browser, { viewport: { width: 1080, height: 1920 }, ...contextOptions });
  if (config) {
    await session.page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ feed_url: 'sample-feed.json', kiosk: { enabled: true, ...config } }) }));
  }
  await installClock(session.page);
  return session;
}

describe('kiosk', () => {
  test('idle: a countdown, "Tiếp tục" keeps the reader in place; then a fresh start that back cannot undo', async () => {
    const { page, context, problems } = await kioskPage();
    await page.goto(`${site.url}?kiosk=1`);
    await entries(page).first().waitFor();
    const historyAtStart = await page.evaluate(() => history.length);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk')), true);
    const first = newestFirst[0];
    await page.locator('main article.entry h2 a').first().click();
    await page.locator('main h1', { hasText: first.title }).waitFor();
    await page.getByRole('button', { name: 'A+ Tăng cỡ chữ' }).click();
    await page.getByRole('button', { name: 'A+ Tăng cỡ chữ' }).click();
    assert.equal(await rootSize(page), KIOSK(130));

    // The idle timer notes activity through a 50 ms throttle: let it run, then leave the
    // kiosk untouched for 91 seconds.
    await page.clock.runFor(100);
    await page.clock.fastForward(91_000);
    const countdown = page.locator('dialog.countdown');
    await countdown.waitFor();
    assert.equal(await countdown.evaluate((d) => d.open), true);
    assert.match(await countdown.textContent(), /Bạn còn đang xem không\?.*trở về trang chủ sau \d+ giây/s);
    await countdown.getByRole('button', { name: 'Tiếp tục' }).click();
    await countdown.waitFor({ state: 'hidden' });
    assert.match(page.url(), /\/tin\//);
    assert.equal(await rootSize(page), KIOSK(130));

    await page.clock.runFor(100);
    await page.clock.fastForward(91_000);
    await countdown.waitFor();
    // The countdown ticks every second: run those 20 seconds timer by timer.
    await page.clock.runFor(21_000);
    await page.waitForURL(site.url);
    await page.locator('main h1', { hasText: sample.title }).waitFor({ state: 'attached' });
    assert.equal(await rootSize(page), KIOSK(100));
    assert.equal(await countdown.evaluate((d) => d.open), false);
    // The attract screen takes over the untouched home list.
    await page.locator('.attract').waitFor();
    assert.match(await page.locator('.attract').textContent(), /Chạm để đọc/);
    // Nothing to go back to: no page the previous person saw was added to the history, so
    // back leaves for whatever was open before the kiosk app (here, the blank tab).
    assert.equal(await page.evaluate(() => history.length), historyAtStart);
    await page.goBack().catch(() => {});
    assert.doesNotMatch(page.url(), /\/tin\//);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link that leaves the app shows a QR code instead of navigating; no new window opens', async () => {
    const { page, context } = await kioskPage({ idle_seconds: 3600 });
    await page.goto(site.url);
    await entries(page).first().waitFor();
    const withLink = sample.items.find((i) => i.content_html.includes('href="https://www.example.org/'));
    await page.goto(`${site.url}tin/${withLink.id}`);
    await page.locator('.article-body a').first().waitFor();
    const bodyLink = page.locator('.article-body a').first();
    assert.equal(await bodyLink.getAttribute('target'), '_blank');
    await bodyLink.click();
    const dialog = page.locator('dialog.qr');
    await dialog.waitFor();
    assert.equal(await dialog.locator('.qr-address').textContent(), await bodyLink.evaluate((a) => a.href));
    assert.ok((await dialog.locator('svg.qr-code path').getAttribute('d')).length > 500);
    assert.match(page.url(), new RegExp(`/tin/${withLink.id}$`));
    assert.equal(context.pages().length, 1);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // "Xem bài gốc" and window.open do not escape either.
    await page.locator('.article-footer a', { hasText: 'Xem bài gốc' }).click();
    await dialog.waitFor();
    assert.equal(await dialog.locator('.qr-address').textContent(), withLink.url);
    assert.equal(await page.evaluate(() => window.open('https://www.example.org/')), null);
    assert.equal(context.pages().length, 1);
    assert.match(page.url(), new RegExp(`/tin/${withLink.id}$`));
    await context.close();
  });

  test('kiosk mode turned off by a configuration refresh lets links leave the app again', async () => {
    const { page, context, problems } = await kioskPage();
    let kioskOn = true;
    await page.route('**/config.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ feed_url: 'sample-feed.json', kiosk: { enabled: kioskOn, idle_seconds: 3600, refresh_minutes: 1 } }),
    }));
    const withLink = sample.items.find((i) => i.content_html.includes('href="https://www.example.org/'));
    // The outside page opens in a new tab: answered for the whole context.
    await context.route('https://www.example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Trang ngoài</title><p>Trang ngoài</p>' }));
    await page.goto(`${site.url}tin/${withLink.id}`);
    const bodyLink = page.locator('.article-body a').first();
    await bodyLink.waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk')), true);
    await bodyLink.click();
    const dialog = page.locator('dialog.qr');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The deployment turns kiosk mode off; the kiosk's timed refresh reads the new configuration.
    kioskOn = false;
    await page.clock.fastForward(61_000);
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-kiosk'));
    assert.equal(await page.evaluate(() => /\[native code\]/.test(Function.prototype.toString.call(window.open))), true, 'window.open is the browser\'s again');
    const popup = context.waitForEvent('page');
    await bodyLink.click();
    const opened = await popup;
    await opened.waitForLoadState();
    assert.equal(opened.url(), await bodyLink.evaluate((a) => a.href));
    assert.equal(await dialog.evaluate((d) => d.open), false, 'no QR dialog once kiosk mode is off');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the skip link still moves to the content on an article instead of going home', async () => {
    const { page, context } = await kioskPage({ idle_seconds: 3600 });
    const article = newestFirst[1];
    await page.goto(`${site.url}tin/${article.id}`);
    await page.locator('h1', { hasText: article.title }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    // A middle click on it opens no tab.
    await page.locator('.skip-link').click({ button: 'middle' });
    await page.waitForTimeout(300);
    assert.equal(context.pages().length, 1);
    assert.match(page.url(), new RegExp(`/tin/${article.id}$`));
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.match(page.url(), new RegExp(`/tin/${article.id}$`));
    assert.equal(await page.locator('h1').textContent(), article.title);
    assert.equal(await page.locator('dialog.qr').isVisible(), false);
    await context.close();
  });

  test('the feed refreshes on a timer: a new article appears without moving a reader', async () => {
    const { page, context } = await kioskPage({ idle_seconds: 3600, refresh_minutes: 1 });
    let changed = false;
    await page.route('**/sample-feed.json', (route) => {
      const feed = structuredClone(sample);
      if (changed) feed.items.unshift({ id: 'tin-moi-tren-kiosk', title: 'Tin mới xuất hiện trên kiosk', content_text: 'Nội dung.', date_published: '2023-04-20T08:00:00+07:00', tags: ['Tin hoạt động'] });
      route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(feed) });
    });
    await page.goto(site.url);
    await entries(page).first().waitFor();
    await page.locator('main article.entry h2 a').nth(2).click();
    await page.waitForURL(/\/tin\//);
    const reading = page.url();
    changed = true;
    await page.clock.fastForward(61_000);
    await page.waitForTimeout(500);
    assert.equal(page.url(), reading, 'the reader stays in the article');
    await page.locator('.site-header a.brand').click();
    await page.locator('main article.entry h2 a', { hasText: 'Tin mới xuất hiện trên kiosk' }).waitFor();
    await context.close();
  });

  test('the attract screen cycles headlines every 8 s, and without its fade when reduced motion is asked for', async () => {
    for (const reducedMotion of ['no-preference', 'reduce']) {
      const { page, context, problems } = await kioskPage({ idle_seconds: 10 }, { reducedMotion });
      await page.goto(site.url);
      await entries(page).first().waitFor();
      const headlines = await page.locator('main article.entry h2 a').allTextContents();
      await page.clock.fastForward(11_000);
      const title = page.locator('.attract .attract-title');
      await title.waitFor();
      assert.equal(await title.textContent(), headlines[0]);
      assert.match(await page.locator('.attract').textContent(), /Chạm để đọc/);
      const fade = await title.evaluate((e) => parseFloat(getComputedStyle(e).animationDuration));
      if (reducedMotion === 'reduce') assert.ok(fade < 0.001, `fade of ${fade}s with reduced motion`);
      else assert.equal(fade, 1.2);
      // Slowly: the same headline for almost 8 seconds, then the next one.
      await page.clock.runFor(7_000);
      assert.equal(await title.textContent(), headlines[0]);
      await page.clock.runFor(1_500);
      assert.equal(await title.textContent(), headlines[1]);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('a phone-sized kiosk closes the search box its last visitor opened when it starts over', async () => {
    const { page, context, problems } = await kioskPage({ idle_seconds: 10, countdown_seconds: 5, attract: false }, { viewport: { width: 412, height: 823 } });
    await page.goto(site.url);
    await entries(page).first().waitFor();
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.getByRole('searchbox', { name: 'Tìm tin' }).waitFor();
    await page.clock.runFor(100);
    await page.clock.fastForward(11_000);
    await page.locator('dialog.countdown').waitFor();
    await page.clock.runFor(6_000);
    await page.locator('dialog.countdown').waitFor({ state: 'hidden' });
    assert.equal(await page.getByRole('searchbox').count(), 0, 'the box is closed for the next person');
    assert.equal(await page.getByRole('button', { name: 'Tìm kiếm' }).getAttribute('aria-expanded'), 'false');
    assert.deepEqual(problems, []);
    await context.close();
  });

  // About three minutes: every reset is a full visit (touch, article, idle, countdown).
  test('500 idle resets leave the page no bigger and no timers behind', { timeout: 480_000 }, async () => {
    const { page, context, problems } = await kioskPage({ idle_seconds: 10, countdown_seconds: 5 });
    const cdp = await context.newCDPSession(page);
    await page.goto(site.url);
    await entries(page).first().waitFor();
    const heap = async () => { await cdp.send('HeapProfiler.collectGarbage'); return (await cdp.send('Runtime.getHeapUsage')).usedSize; };
    const nodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
    // One visitor: touches the screen (a mousedown, which the idle timer watches, then a
    // click) to open an article, walks away, and the countdown runs out.
    const cycle = async (check) => {
      await page.evaluate(() => {
        const target = document.querySelector('.attract-card') || document.querySelector('main article.entry h2 a');
        target.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
        target.click();
      });
      if (check) assert.match(await page.evaluate(() => location.pathname), /\/tin\//);
      await page.clock.fastForward(11_000);
      // The five seconds of countdown, one tick at a time.
      for (let second = 0; second < 6; second++) await page.clock.fastForward(1_000);
      if (check) {
        await page.waitForFunction(() => !location.pathname.includes('/tin/') && document.querySelector('.attract'));
      }
    };
    for (let i = 0; i < 20; i++) await cycle(true);
    const timers = () => page.evaluate(() => window.__liveTimers());
    const [nodesBefore, heapBefore, timersBefore] = [await nodes(), await heap(), await timers()];
    for (let i = 0; i < 480; i++) await cycle(i % 48 === 47);
    const [nodesAfter, heapAfter, timersAfter] = [await nodes(), await heap(), await timers()];
    console.log(`  500 resets: DOM elements ${nodesBefore} -> ${nodesAfter}; JS heap ${(heapBefore / 1e6).toFixed(2)} MB -> ${(heapAfter / 1e6).toFixed(2)} MB; timers ${timersBefore.length} -> ${timersAfter.length} (${timersAfter.join(', ')})`);
    assert.ok(nodesAfter - nodesBefore <= 20, `DOM grew from ${nodesBefore} to ${nodesAfter}`);
    // Every interval a visit starts (the attract screen's cycling, the countdown) is stopped
    // again: none piles up to make the headlines cycle faster or the kiosk busier.
    const intervals = (timers) => timers.filter((t) => t.startsWith('setInterval'));
    assert.ok(intervals(timersBefore).includes('setInterval 8000'), `the attract screen's interval is counted: ${timersBefore}`);
    assert.deepEqual(intervals(timersAfter), intervals(timersBefore));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
