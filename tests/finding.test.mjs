// Finding news: sections with their own addresses, related and previous/next articles,
// Vietnamese search with or without marks, and "Xem thêm" across feed pages.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './support/site.mjs';
import { newPage, installClock, switchLanguage, settledCount } from './support/browser.mjs';
import { fixtures, sample, newestFirst, SEED_ID } from './support/project.mjs';

const site = useSite();

const entries = (page) => page.locator('main article.entry');
const titles = (page) => page.locator('main article.entry h2 a').allTextContents();

describe('sections', () => {
  test('section navigation filters the list and gives it its own address', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(site.url);
    await entries(page).first().waitFor();
    await page.locator('.main-nav a', { hasText: 'Lao động - Việc làm' }).click();
    await page.waitForURL(`${site.url}chuyen-muc/lao-dong-viec-lam`);
    await page.locator('main h1', { hasText: 'Lao động - Việc làm' }).waitFor();
    const expected = newestFirst.filter((i) => i.tags[0] === 'Lao động - Việc làm').map((i) => i.title.replace('&#8211;', '–'));
    assert.deepEqual(await titles(page), expected);
    assert.equal(await page.title(), 'Lao động - Việc làm – Bản tin');
    assert.equal(await page.locator('.main-nav a[aria-current="page"]').textContent(), 'Lao động - Việc làm');
    await page.reload();
    await page.locator('main h1', { hasText: 'Lao động - Việc làm' }).waitFor();
    assert.equal(await settledCount(entries(page)), expected.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an unknown section says so', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(`${site.url}chuyen-muc/khong-co-chuyen-muc-nay`);
    await page.locator('main h1', { hasText: 'Không có chuyên mục này' }).waitFor();
    await context.close();
  });

  test('"Tin cùng chuyên mục" lists up to five others of the section, never the current one', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(`${site.url}tin/${SEED_ID}`);
    await page.locator('.related').waitFor();
    const current = await page.locator('main h1').textContent();
    const related = await page.locator('.related li a').allTextContents();
    const section = sample.items.find((i) => i.id === SEED_ID).tags[0];
    const expected = newestFirst.filter((i) => i.tags[0] === section && i.id !== SEED_ID).slice(0, 5).map((i) => i.title);
    assert.deepEqual(related, expected);
    assert.ok(!related.includes(current));
    assert.ok(related.length >= 1 && related.length <= 5);
    await context.close();
  });

  test('previous and next articles follow the list order', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(`${site.url}tin/${SEED_ID}`);
    await page.locator('.previous-next').waitFor();
    const position = newestFirst.findIndex((i) => i.id === SEED_ID);
    assert.equal(await page.locator('.previous-next .previous .neighbour-title').textContent(), newestFirst[position - 1].title);
    await page.locator('.previous-next .next').click();
    await page.locator('main h1', { hasText: newestFirst[position + 1].title }).waitFor();
    await context.close();
  });
});

describe('search', () => {
  async function search(page, text) {
    const input = page.getByRole('searchbox', { name: 'Tìm tin' });
    await input.fill('');
    await input.pressSequentially(text);
    await page.waitForURL(/\/tim-kiem\?q=/);
  }

  test('"da nang" finds a title written "Đà Nẵng" in NFD, highlighted, and the count is announced', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(`${site.url}?feed=/fixtures/nfd-feed.json`);
    await entries(page).first().waitFor();
    await search(page, 'da nang');
    await page.locator('[role=status]', { hasText: 'Tìm thấy 1 tin cho “da nang”.' }).waitFor();
    assert.deepEqual(await titles(page), ['Đà Nẵng đón hơn 1.000 lao động trở lại làm việc']);
    assert.deepEqual(await page.locator('main article.entry h2 mark').allTextContents(), ['Đà', 'Nẵng']);
    // The search box keeps the focus while typing.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
    assert.equal(await page.locator('role=search').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"lao dong" finds the same as "LAO ĐỘNG", and a decomposed query the same as a composed one', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(site.url);
    await entries(page).first().waitFor();
    await search(page, 'lao dong');
    await page.locator('[role=status]', { hasText: 'Tìm thấy' }).waitFor();
    const plain = await titles(page);
    assert.ok(plain.length > 0);
    await search(page, 'LAO ĐỘNG');
    await page.locator('[role=status]', { hasText: '“LAO ĐỘNG”' }).waitFor();
    assert.deepEqual(await titles(page), plain);
    await page.goto(`${site.url}tim-kiem?q=${encodeURIComponent('lao đô\u0323ng')}`);
    await page.locator('[role=status]', { hasText: 'Tìm thấy' }).waitFor();
    assert.deepEqual(await titles(page), plain);
    // Title matches rank first.
    const first = plain[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
    assert.ok(first.includes('lao dong'), plain[0]);
    await context.close();
  });

  test('nonsense finds nothing and says so', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(site.url);
    await entries(page).first().waitFor();
    await search(page, 'xqzw');
    await page.locator('[role=status]', { hasText: 'Không tìm thấy tin nào cho “xqzw”. Hãy thử từ khác.' }).waitFor();
    assert.equal(await entries(page).count(), 0);
    await context.close();
  });

  test('a search has its own address: ?q= survives a reload and fills the box', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(`${site.url}tim-kiem?q=${encodeURIComponent('người có công')}`);
    await page.locator('[role=status]', { hasText: 'Tìm thấy' }).waitFor();
    const before = await titles(page);
    await page.reload();
    await page.locator('[role=status]', { hasText: 'Tìm thấy' }).waitFor();
    assert.deepEqual(await titles(page), before);
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm tin' }).inputValue(), 'người có công');
    // One step back leaves the search, however many keystrokes it took.
    await page.goto(site.url);
    await entries(page).first().waitFor();
    await search(page, 'tre em');
    await page.goBack();
    await page.waitForURL(site.url);
    await context.close();
  });

  test('the address catches up with typing: a pause, a reload, and back from a result chosen at once', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(site.url);
    await entries(page).first().waitFor();
    // Typed without a pause: the address follows when typing stops.
    await search(page, 'người có công');
    await page.waitForURL(`${site.url}tim-kiem?q=${encodeURIComponent('người có công')}`);
    const found = await titles(page);
    assert.ok(found.length > 0);
    await page.reload();
    await page.locator('[role=status]', { hasText: 'Tìm thấy' }).waitFor();
    assert.deepEqual(await titles(page), found);
    // A result chosen straight after typing: back shows the whole search, not part of it.
    await search(page, 'lao dong');
    await page.locator('[role=status]', { hasText: '“lao dong”' }).waitFor();
    const results = await titles(page);
    await page.locator('main article.entry h2 a').first().click();
    await page.locator('main h1', { hasText: results[0] }).waitFor();
    await page.goBack();
    await page.waitForURL(`${site.url}tim-kiem?q=${encodeURIComponent('lao dong')}`);
    await page.locator('[role=status]', { hasText: '“lao dong”' }).waitFor();
    assert.deepEqual(await titles(page), results);
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm tin' }).inputValue(), 'lao dong');
    assert.equal(await page.title(), 'Tìm kiếm “lao dong” – Bản tin');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('search while the news changes', () => {
  const box = (page) => page.getByRole('searchbox', { name: 'Tìm tin' });

  test('a feed refreshed while someone types keeps what they typed', async () => {
    const { page, context, problems } = await newPage(site.browser);
    // A fake clock, so the address (written 0.3 s after typing stops) stays behind the typing.
    await installClock(page);
    let refreshed = false;
    await page.route('**/sample-feed.json', (route) => {
      const feed = structuredClone(sample);
      if (refreshed) {
        feed.items.unshift({ id: 'tin-moi', title: 'Tin mới: hội chợ lao động tháng sau', content_text: 'Tin mới.', date_published: '2031-01-05T08:00:00+07:00', tags: ['Lao động - Việc làm'] });
      }
      route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(feed) });
    });
    const runUntil = async (what, predicate, limitMs) => {
      for (let t = 0; t <= limitMs; t += 10) {
        if (await predicate()) return;
        await page.clock.runFor(10);
      }
      throw new Error(`${what}: not within ${limitMs} ms of page time`);
    };
    await page.goto(`${site.url}tim-kiem?q=`);
    await runUntil('the search view', () => page.locator('[role=status]', { hasText: 'Gõ từ cần tìm' }).isVisible(), 5000);
    await box(page).pressSequentially('lao dong');
    refreshed = true;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await runUntil('the refreshed feed', () => page.locator('main article.entry h2 a', { hasText: 'Tin mới: hội chợ lao động' }).isVisible(), 250);
    assert.equal(await box(page).inputValue(), 'lao dong');
    assert.match(await page.locator('.search-view .status-message').textContent(), /“lao dong”/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a shared search shows its words in the box while the news is still loading', async () => {
    const { page, context, problems } = await newPage(site.browser);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/sample-feed.json', async (route) => { await held; await route.continue(); });
    const query = 'người có công';
    await page.goto(`${site.url}tim-kiem?q=${encodeURIComponent(query)}`);
    await page.locator('[role=status]', { hasText: 'Đang tải tin' }).waitFor();
    assert.equal(await box(page).inputValue(), query);
    // Visiting the box and leaving it keeps the shared address.
    await box(page).focus();
    await page.keyboard.press('Tab');
    assert.equal(new URL(page.url()).searchParams.get('q'), query);
    release();
    await page.locator('[role=status]', { hasText: 'Tìm thấy' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), query);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('tabbing on straight after typing keeps the focus where the reader put it', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(`${site.url}tim-kiem?q=`);
    await page.locator('[role=status]', { hasText: 'Gõ từ cần tìm' }).waitFor();
    await box(page).pressSequentially('lao dong');
    await page.keyboard.press('Tab');
    await page.waitForURL(`${site.url}tim-kiem?q=${encodeURIComponent('lao dong')}`);
    // The address changed as the box lost the focus; give the view a few frames.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Tìm');
    await context.close();
  });
});

describe('paging', () => {
  test('"Xem thêm" fetches next_url and merges page two without duplicates', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(`${site.url}?feed=/fixtures/paged-1.json`);
    await entries(page).first().waitFor();
    assert.deepEqual(await titles(page), ['Trang một: bài mới nhất', 'Trang một: bài thứ hai']);
    await page.locator('main button', { hasText: 'Xem thêm' }).click();
    await page.locator('main article.entry h2 a', { hasText: 'Trang hai: bài cũ hơn' }).waitFor();
    assert.deepEqual(await titles(page), ['Trang một: bài mới nhất', 'Trang một: bài thứ hai', 'Trang hai: bài cũ hơn']);
    assert.equal(await page.locator('main button', { hasText: 'Xem thêm' }).count(), 0, 'no further page');
    // The new page's sections join the navigation.
    await page.locator('.main-nav a', { hasText: 'Lao động - Việc làm' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a next page at an address the site may not load says so, in either language, and fetches nothing', async () => {
    const { page, context, problems } = await newPage(site.browser);
    const elsewhere = [];
    await page.route('https://tin-khac.example/**', (route) => { elsewhere.push(route.request().url()); route.abort(); });
    await page.goto(`${site.url}?feed=/fixtures/paged-elsewhere.json`);
    await entries(page).first().waitFor();
    await page.locator('main button', { hasText: 'Xem thêm' }).click();
    const alert = page.locator('main .more [role=alert]');
    await alert.waitFor();
    assert.equal(await alert.textContent(), 'Không tải thêm được: Trang tiếp theo của nguồn tin nằm ở một địa chỉ mà trang này không được phép tải.');
    await switchLanguage(page, 'English');
    await page.locator('main button', { hasText: 'Show more' }).click();
    await page.locator('main .more [role=alert]', { hasText: 'not allowed' }).waitFor();
    assert.equal(await page.locator('main .more [role=alert]').textContent(), "Could not load more: The feed's next page is at an address this site is not allowed to load.");
    assert.deepEqual(elsewhere, []);
    assert.equal(await settledCount(entries(page)), 2);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
