// The reader end to end: list, article, back, deep links, not found, error views with retry,
// the ?feed= override, and sub-path deployment, in Chromium against the release build.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support/server.mjs';
import { useSite } from './support/site.mjs';
import { newPage, settledCount } from './support/browser.mjs';
import { root, dist, fixtures, sample, newestFirst, SEED_ID, SEED_TITLE } from './support/project.mjs';

const site = useSite();

async function open(url, options) {
  const session = await newPage(site.browser, options);
  await session.page.goto(url);
  return session;
}

const entries = (page) => page.locator('main article.entry');
const h1 = (page) => page.locator('h1');

describe('list and article', () => {
  test('the list shows the sample feed, newest first, with dates, summaries and sized thumbnails', async () => {
    const { page, problems, context } = await open(site.url);
    await entries(page).first().waitFor();
    assert.equal(await h1(page).count(), 1);
    assert.equal(await h1(page).textContent(), sample.title);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.title(), sample.title);

    const count = await settledCount(entries(page));
    assert.equal(count, sample.items.length);
    const first = entries(page).first();
    assert.equal(await first.locator('h2 a').textContent(), newestFirst[0].title);
    const date = new Date(newestFirst[0].date_published);
    const ddmmyyyy = date.toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
    assert.equal(await first.locator('time').textContent(), ddmmyyyy);
    assert.equal(await first.locator('.entry-summary').textContent(), newestFirst[0].summary);
    const thumb = first.locator('img.thumb');
    assert.equal(await thumb.getAttribute('width'), '160');
    assert.equal(await thumb.getAttribute('height'), '90');
    assert.equal(await thumb.getAttribute('alt'), '');
    // The entity in a title shows as the character, not as markup or code.
    const dash = sample.items.find((i) => i.title.includes('&#8211;'));
    assert.ok(dash, 'the sample feed has a title with &#8211;');
    const shown = await page.locator('main h2 a', { hasText: '–' }).allTextContents();
    assert.ok(shown.includes(dash.title.replace('&#8211;', '–')), `titles with a dash: ${shown}`);
    assert.ok(!(await page.locator('main').textContent()).includes('&#'));
    // Every entry links to its article view.
    for (const href of await page.locator('main article.entry h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^\/tin\/[^/]+$/);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('opening an article shows its h1, date, credit and body; back returns to the list', async () => {
    const { page, problems, context } = await open(site.url);
    const link = page.locator('main article.entry h2 a', { hasText: SEED_TITLE });
    await link.click();
    await page.waitForURL(`**/tin/${SEED_ID}`);
    assert.equal(await h1(page).textContent(), SEED_TITLE);
    assert.equal(await h1(page).count(), 1);
    const meta = await page.locator('.article-meta').textContent();
    assert.match(meta, /Ngày đăng: 10\/02\/2023/);
    assert.match(await page.locator('.byline').textContent(), /Văn phòng Sở/);
    const body = page.locator('.article-body');
    assert.match(await body.locator('p').first().textContent(), /^Sáng ngày 09\/02\/2023, Sở Lao động - Thương binh và Xã hội/);
    assert.equal(await body.locator('ol > li').count(), 8);
    assert.equal(await page.title(), `${SEED_TITLE} – Bản tin`);
    const original = page.locator('.article-footer a', { hasText: 'Xem bài gốc' });
    assert.equal(await original.getAttribute('rel'), 'noopener noreferrer');

    await page.goBack();
    await page.waitForURL(site.url);
    await entries(page).first().waitFor();
    assert.equal(await h1(page).textContent(), sample.title);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a deep link to an article loads, and reloads to the same article', async () => {
    const { page, problems, context } = await open(`${site.url}tin/${SEED_ID}`);
    await page.locator('h1', { hasText: SEED_TITLE }).waitFor();
    await page.reload();
    await page.locator('h1', { hasText: SEED_TITLE }).waitFor();
    assert.equal(await page.locator('.article-body ol > li').count(), 8);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a plain-text article becomes paragraphs; an article with HTML shows only its text and safe markup', async () => {
    const { page, context } = await open(`${site.url}?feed=/fixtures/feed-1.1.json`);
    await entries(page).first().waitFor();
    await page.goto(`${site.url}tin/a`);
    await page.locator('h1', { hasText: 'Tin thứ nhất' }).waitFor();
    assert.deepEqual(await page.locator('.article-body p').allTextContents(), ['Đoạn một.', 'Đoạn hai vẫn là đoạn hai.']);
    await context.close();
  });
});

describe('untrusted content', () => {
  test('feed HTML is cleaned before it reaches the page; titles and names stay text', async () => {
    const { page, context } = await newPage(site.browser);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(`${site.url}?feed=/fixtures/hostile-basic.json`);
    await entries(page).first().waitFor();
    assert.equal(await h1(page).textContent(), 'Nguồn tin có <b>mã độc</b>');
    assert.equal(await page.locator('main article.entry h2 a').textContent(), '<img src=x onerror=alert(1)>Tiêu đề có thẻ');
    await page.locator('main article.entry h2 a').click();
    await page.locator('.article-body').waitFor();
    const body = page.locator('.article-body');
    assert.equal(await body.locator('script, iframe, svg').count(), 0);
    // Relative images are resolved against the feed's address and lose their handlers; the
    // one that does not exist is replaced by a note that shows only offline.
    await page.waitForFunction(() => document.querySelector('.article-body img')?.complete);
    assert.deepEqual(await body.locator('img').evaluateAll((imgs) => imgs.map((i) => [i.getAttribute('src'), i.alt, i.loading, i.referrerPolicy])),
      [[`${site.url}images/sample/hoi-nghi.svg`, 'Hội nghị', 'lazy', 'no-referrer']]);
    await body.locator('.image-offline').waitFor({ state: 'attached' });
    assert.equal(await body.locator('.image-offline').isVisible(), false);
    assert.equal(await body.locator('[onclick], [onerror], [style]').count(), 0);
    assert.deepEqual(await body.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.rel])),
      [['liên kết tốt', 'https://www.example.org/tin', 'noopener noreferrer nofollow']]);
    assert.match(await body.innerText(), /Đoạn an toàn\.\s*liên kết xấu\s*Đoạn có sự kiện/);
    assert.equal(await page.locator('.byline').textContent(), 'Tác giả: <i>Tác giả</i>');
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    await context.close();
  });
});

describe('not found', () => {
  test('an unknown address shows the not-found view with a way back', async () => {
    const { page, problems, context } = await open(`${site.url}khong/co/trang/nay`);
    await page.locator('h1', { hasText: 'Không tìm thấy trang' }).waitFor();
    assert.equal(await h1(page).count(), 1);
    await page.locator('main a', { hasText: 'Về danh sách tin' }).click();
    await entries(page).first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an article that is not in the feed says so', async () => {
    const { page, context } = await open(`${site.url}tin/khong-co-bai-nay`);
    await page.locator('h1', { hasText: 'Không tìm thấy bài viết' }).waitFor();
    assert.ok(await page.locator('main a', { hasText: 'Về danh sách tin' }).isVisible());
    await context.close();
  });
});

describe('errors', () => {
  const cases = [
    ['a missing feed', { status: 404, body: 'Not found' }, /Không tìm thấy nguồn tin trên máy chủ \(lỗi 404\)/],
    ['a server error', { status: 500, body: 'boom' }, /Máy chủ tin tức đang gặp sự cố \(lỗi 500\)/],
    ['invalid JSON', { status: 200, body: '{"items": [', contentType: 'application/json' }, /không đọc được/],
    ['JSON that is not a feed', { status: 200, body: '[1,2,3]', contentType: 'application/json' }, /không phải một nguồn tin/],
    ['an HTML error page', { status: 200, body: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lỗi</title></head><body><p>Lỗi máy chủ</p></body></html>', contentType: 'text/html' }, /không phải một nguồn tin/],
    ['XML cut off before any item', { status: 200, body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Tin', contentType: 'application/rss+xml' }, /không phải một nguồn tin/],
  ];
  for (const [name, response, message] of cases) {
    test(`${name} shows the error view; retry loads the feed once it is fixed`, async () => {
      const session = await newPage(site.browser);
      const { page, context } = session;
      await page.route('**/sample-feed.json', (route) => route.fulfill(response));
      await page.goto(site.url);
      await page.locator('h1', { hasText: 'Không tải được tin tức' }).waitFor();
      assert.match(await page.locator('[role=alert]').textContent(), message);
      assert.equal(await h1(page).count(), 1);
      await page.unroute('**/sample-feed.json');
      await page.locator('button', { hasText: 'Thử lại' }).click();
      await entries(page).first().waitFor();
      assert.equal(await h1(page).textContent(), sample.title);
      await context.close();
    });
  }

  test('a slow server times out with a clear message and the page stays responsive', async () => {
    const { page, context } = await newPage(site.browser);
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ feed_url: 'sample-feed.json', fetch_timeout_seconds: 1 }) }));
    await page.route('**/sample-feed.json', () => { /* never answers */ });
    const started = Date.now();
    await page.goto(site.url);
    await page.locator('h1', { hasText: 'Không tải được tin tức' }).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('[role=alert]').textContent(), /quá 1 giây/);
    assert.ok(Date.now() - started < 8_000);
    // The page still answers.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await context.close();
  });

  test('a feed over the size limit is refused with a clear message', async () => {
    const { page, context } = await newPage(site.browser);
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ max_feed_bytes: 2000 }) }));
    await page.goto(site.url);
    await page.locator('h1', { hasText: 'Không tải được tin tức' }).waitFor();
    assert.match(await page.locator('[role=alert]').textContent(), /Nguồn tin quá lớn \(hơn 2 KB\)/);
    await context.close();
  });

  test('a broken configuration file is reported as such', async () => {
    const { page, context } = await newPage(site.browser);
    await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'nope' }));
    await page.goto(site.url);
    await page.locator('h1', { hasText: 'Không tải được tin tức' }).waitFor();
    assert.match(await page.locator('[role=alert]').textContent(), /config\.json/);
    await context.close();
  });
});

describe('feed override', () => {
  test('?feed= loads a second feed from the same origin and keeps it for the session', async () => {
    const { page, problems, context } = await open(`${site.url}?feed=/fixtures/second-feed.json`);
    await page.locator('h1', { hasText: 'Nguồn tin thứ hai' }).waitFor();
    assert.equal(await settledCount(entries(page)), 2);
    await page.locator('main article.entry h2 a').first().click();
    await page.locator('h1', { hasText: 'Bài của nguồn tin thứ hai' }).waitFor();
    await page.reload();
    await page.locator('h1', { hasText: 'Bài của nguồn tin thứ hai' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('?feed= pointing at another origin is refused: the default feed shows with a notice', async () => {
    const { page, context } = await newPage(site.browser);
    let asked = false;
    await page.route('https://evil.example.com/**', (route) => { asked = true; route.abort(); });
    await page.goto(`${site.url}?feed=${encodeURIComponent('https://evil.example.com/feed.json')}`);
    await entries(page).first().waitFor();
    assert.equal(await h1(page).textContent(), sample.title);
    assert.match(await page.locator('.notice').textContent(), /không được phép/);
    assert.equal(asked, false, 'the refused feed was never requested');
    await context.close();
  });
});

describe('deployment', () => {
  test('under a sub-path, links, deep links and reload work', async () => {
    const sub = await startServer({ root: dist, fixtures, prefix: '/tin-tuc' });
    try {
      const { page, problems, context } = await open(sub.url);
      await entries(page).first().waitFor();
      const href = await page.locator('main article.entry h2 a').first().getAttribute('href');
      assert.match(href, /^\/tin-tuc\/tin\//);
      await page.locator('main article.entry h2 a').first().click();
      await page.waitForURL(/\/tin-tuc\/tin\//);
      await page.reload();
      await page.locator('.article-body').waitFor();
      assert.equal(await page.locator('h1').count(), 1);
      await page.locator('.site-header a.brand').click();
      await page.waitForURL(sub.url);
      await entries(page).first().waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await sub.close();
    }
  });
});
