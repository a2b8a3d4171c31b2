// Feeds as departments publish them: the RSS 2.0 and Atom samples, paging with rel="next",
// and CMS article HTML full of style, class and align attributes, with no Content-Security-Policy
// violation anywhere.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './support/site.mjs';
import { newPage, settledCount } from './support/browser.mjs';
import { newestFirst, SEED_ID, SEED_TITLE } from './support/project.mjs';

const site = useSite();

const entries = (page) => page.locator('main article.entry');
const titles = (page) => page.locator('main article.entry h2 a').allTextContents();
const h1 = (page) => page.locator('main h1');

describe('RSS and Atom samples', () => {
  for (const [format, file] of [['RSS 2.0', 'sample-feed.rss.xml'], ['Atom', 'sample-feed.atom.xml']]) {
    test(`the ${format} sample shows the same list as the JSON one and opens an article`, async () => {
      const { page, context, problems } = await newPage(site.browser);
      await page.goto(`${site.url}?feed=${file}`);
      await entries(page).first().waitFor();
      assert.equal(await settledCount(entries(page)), newestFirst.length);
      assert.deepEqual(await titles(page), newestFirst.map((i) => i.title.replace('&#8211;', '–')));
      // Sections come from the first category, pictures from media:content / enclosure links.
      await page.locator('.main-nav a', { hasText: 'Lao động - Việc làm' }).waitFor();
      assert.ok(await entries(page).first().locator('img').count() >= 1, 'the first entry has its picture');
      await page.locator('main article.entry h2 a', { hasText: SEED_TITLE }).click();
      await page.waitForURL(new RegExp(`/tin/${SEED_ID}`));
      assert.equal(await h1(page).textContent(), SEED_TITLE);
      const body = await page.locator('main .article-body').textContent();
      assert.match(body, /Nguyễn Đăng Hoàng - Giám đốc Sở/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('"Xem thêm" follows RSS atom:link rel="next" to an Atom page, without duplicates', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(`${site.url}?feed=/fixtures/xml/paged-1.rss.xml`);
    await entries(page).first().waitFor();
    assert.deepEqual(await titles(page), ['RSS trang một: bài mới nhất', 'RSS trang một: bài thứ hai']);
    await page.locator('main button', { hasText: 'Xem thêm' }).click();
    await page.locator('main article.entry h2 a', { hasText: 'Atom trang hai: bài cũ hơn' }).waitFor();
    assert.deepEqual(await titles(page), ['RSS trang một: bài mới nhất', 'RSS trang một: bài thứ hai', 'Atom trang hai: bài cũ hơn']);
    assert.equal(await page.locator('main button', { hasText: 'Xem thêm' }).count(), 0, 'no further page');
    await page.locator('.main-nav a', { hasText: 'Lao động - Việc làm' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an Atom feed with xhtml content, another prefix and xml:base shows and opens', async () => {
    // Without the service worker, so that the test answers the pictures' requests.
    const { page, context, problems } = await newPage(site.browser, { serviceWorkers: 'block' });
    // Its links point at so.example.gov.vn: its pictures are answered here.
    await page.route('https://so.example.gov.vn/**', (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>' }));
    await page.goto(`${site.url}?feed=/fixtures/xml/atom-xhtml.xml`);
    await entries(page).first().waitFor();
    assert.deepEqual(await titles(page), ['Bài xhtml', 'Bài văn bản & <ký hiệu>', 'Chỉ có tóm tắt']);
    await page.locator('main article.entry h2 a', { hasText: 'Bài xhtml' }).click();
    await h1(page).filter({ hasText: 'Bài xhtml' }).waitFor();
    assert.equal(await page.locator('main .article-body strong').textContent(), 'một');
    assert.equal(await page.locator('main .article-body a', { hasText: 'liên kết' }).getAttribute('href'), 'https://so.example.gov.vn/atom/lien-ket');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('content as CMSs publish it', () => {
  test('articles full of style, class and align attributes open with no CSP violation; a wide table scrolls in its own box', async () => {
    const { page, context, problems } = await newPage(site.browser, { viewport: { width: 412, height: 823 } });
    await page.goto(`${site.url}?feed=/fixtures/xml/cms-styles.rss.xml`);
    await entries(page).first().waitFor();
    for (const title of ['Bài đầy thuộc tính style', 'Bài thứ hai']) {
      await page.locator('main article.entry h2 a', { hasText: title }).click();
      await h1(page).filter({ hasText: title }).waitFor();
      await page.waitForTimeout(200);
      await page.goBack();
      await entries(page).first().waitFor();
    }
    await page.locator('main article.entry h2 a', { hasText: 'Bài đầy thuộc tính style' }).click();
    await h1(page).filter({ hasText: 'Bài đầy thuộc tính style' }).waitFor();
    const body = page.locator('main .article-body');
    assert.match(await body.textContent(), /Đoạn văn có kiểu nội tuyến\s*và căn lề/);
    assert.equal(await body.locator('[style], [class]:not(.table-scroll), [align]').count(), 0, 'no presentational attributes reach the page');
    // The table is wider than the phone: it scrolls inside its own box, not the page.
    const box = body.locator('.table-scroll');
    assert.equal(await box.count(), 1);
    const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, tabindex: el.getAttribute('tabindex'), label: el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'), role: el.getAttribute('role') }));
    assert.ok(sizes.scroll > sizes.client, `the table is wider than its box (${sizes.scroll} > ${sizes.client})`);
    assert.equal(sizes.tabindex, '0', 'the box can be scrolled from the keyboard');
    assert.ok(sizes.label, 'the box has an accessible name');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no horizontal page scroll');
    // The cue: a shadow on the side that has more, visible before any scrolling.
    const cue = await box.evaluate((el) => getComputedStyle(el).backgroundImage);
    assert.match(cue, /gradient/, 'a visible cue that the table scrolls');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a photo post and a post whose tags are one string show', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(`${site.url}?feed=/fixtures/cms-quirks.json`);
    await entries(page).first().waitFor();
    assert.deepEqual(await titles(page), ['Ảnh', 'Bài có tags là một chuỗi', 'Phiên giao dịch việc làm tháng 3 tại Trung tâm']);
    // The photo post has its picture, its date and its section.
    const photo = entries(page).first();
    assert.equal(await photo.locator('img').count(), 1);
    assert.match(await photo.locator('.entry-meta').textContent(), /2026/);
    assert.equal(await photo.locator('.section-name').textContent(), 'Hình ảnh');
    await page.locator('.main-nav a', { hasText: 'Thông báo' }).waitFor();
    await photo.locator('h2 a').click();
    await h1(page).filter({ hasText: 'Ảnh' }).waitFor();
    assert.equal(await page.locator('main .article-body img').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
