// Reading an article aloud ("Nghe bài viết"), against a recording stand-in for the browser's
// speech engine (tests/support/speech.mjs): when the control is offered, what is spoken and in
// what order, pause / resume / stop, the speed remembered, and when reading stops by itself
// (leaving the article, the page hidden, a kiosk starting over).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './support/site.mjs';
import { newPage, installClock } from './support/browser.mjs';
import { sample, SEED_ID, SEED_TITLE } from './support/project.mjs';
import { installSpeech, utterances, calls, endUtterance, ONLY_FRENCH } from './support/speech.mjs';

const site = useSite();
const article = (id = SEED_ID) => `${site.url}tin/${id}`;
const listen = (page) => page.locator('#listen-button');
const player = (page) => page.locator('.listen-player');

async function readerPage(options = {}, contextOptions = {}) {
  const session = await newPage(site.browser, contextOptions);
  await installSpeech(session.page, options);
  return session;
}

async function openArticle(page, id) {
  await page.goto(article(id));
  await page.locator('main h1').waitFor();
  await page.locator('main .article-body p').first().waitFor();
}

/** Presses "Nghe bài viết" and waits for the player. */
async function startReading(page) {
  await listen(page).click();
  await player(page).waitFor();
}

/** What the reading-aloud live region says (screen readers hear it). */
const liveText = (page) => page.locator('.reading-tools > [aria-live=polite]').textContent();

describe('reading aloud', () => {
  test('with a Vietnamese voice, "Nghe bài viết" reads the title, the date in words and each paragraph, in vi-VN, marking what it reads', async () => {
    const { page, context, problems } = await readerPage({}, { viewport: { width: 412, height: 823 }, reducedMotion: 'reduce' });
    await page.goto(site.url);
    await page.locator('main article.entry').first().waitFor();
    await page.locator('.reading-tools .text-size').waitFor();
    assert.equal(await listen(page).count(), 0, 'no control on the list');

    await openArticle(page);
    await listen(page).waitFor();
    assert.equal(await listen(page).getAttribute('type'), 'button');
    // Named in words (visually an icon on a phone), beside A- / A / A+.
    assert.equal((await listen(page).textContent()).trim(), 'Nghe bài viết');
    assert.equal(await page.locator('.reading-tools > #listen-button ~ .text-size').count(), 1);
    assert.deepEqual(await utterances(page), [], 'nothing is said before the reader asks');

    await startReading(page);
    assert.match(await liveText(page), /Bắt đầu đọc bài viết/);
    assert.equal((await listen(page).textContent()).trim(), 'Dừng đọc');
    let spoken = await utterances(page);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].text, SEED_TITLE);
    assert.equal(spoken[0].lang, 'vi-VN');
    assert.equal(spoken[0].voice, 'Tiếng Việt (máy)');
    assert.equal(spoken[0].rate, 1);
    assert.equal(await page.locator('main h1[data-reading]').count(), 1, 'the title is marked while it is read');
    assert.match(await player(page).textContent(), /Đang đọc phần 1 trên \d+/);

    await endUtterance(page);
    spoken = await utterances(page);
    // The seed article was published on 10 February 2023 (Vietnam time).
    assert.equal(spoken[1].text, 'Đăng ngày 10 tháng 2 năm 2023.');
    assert.equal(await page.locator('main .article-meta[data-reading]').count(), 1);

    // Then the body, paragraph by paragraph, each chunk with the paragraph it comes from
    // marked, and scrolled into view as the reading follows the text down the page.
    // The seed article's body: four paragraphs, then a numbered list of eight items.
    const paragraphs = await page.locator('main .article-body').locator('p, li').allInnerTexts();
    assert.equal(paragraphs.length, 12);
    const marked = [];
    for (let guard = 0; guard < 200 && (await player(page).count()); guard++) {
      await endUtterance(page);
      if (!(await player(page).count())) break;
      const now = await page.evaluate(() => {
        const el = document.querySelector('[data-reading]');
        const r = el.getBoundingClientRect();
        // On screen: its top between the top of the window and the top of the player.
        const bottom = document.querySelector('.listen-player').getBoundingClientRect().top;
        return { text: el.innerText, onScreen: r.top >= 0 && r.top < bottom, count: document.querySelectorAll('[data-reading]').length };
      });
      assert.equal(now.count, 1, 'one part marked at a time');
      assert.ok(now.onScreen, `the part being read is on screen: ${now.text.slice(0, 40)}`);
      marked.push(now.text);
    }
    spoken = await utterances(page);
    const body = spoken.slice(2);
    assert.ok(body.length >= paragraphs.length, `${body.length} chunks for ${paragraphs.length} paragraphs`);
    for (const u of spoken) {
      assert.equal(u.lang, 'vi-VN');
      assert.ok(u.text.length <= 180, `under the engines' limits: ${u.text.length}`);
      assert.doesNotMatch(u.text, /https?:|www\.|<[a-z]/i, 'no address or markup is read');
    }
    // In order: the paragraphs' words come out as they stand on the page. (Numbers and dates
    // are said in words: "09/02/2023" is read "ngày 9 tháng 2 năm 2023", "101,5%" "101 phẩy 5
    // phần trăm"; the words those add are left out of the comparison.)
    const SAID_FOR_NUMBERS = new Set(['ngày', 'tháng', 'năm', 'phẩy', 'phần', 'trăm']);
    const words = (s) => s.normalize('NFC').split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
      .filter((w) => /^\p{L}+$/u.test(w) && !SAID_FOR_NUMBERS.has(w.toLowerCase()));
    assert.deepEqual(words(body.map((u) => u.text).join(' ')), words(paragraphs.join(' ')));
    // The first paragraph was read first, the last last, and every chunk was read with its own
    // paragraph marked.
    assert.equal(marked[0], paragraphs[0]);
    assert.equal(marked.at(-1), paragraphs.at(-1));
    assert.deepEqual([...new Set(marked)], paragraphs);

    // The end: the player goes, nothing is marked, and it is said.
    assert.equal(await player(page).count(), 0);
    assert.equal(await page.locator('[data-reading]').count(), 0);
    assert.match(await liveText(page), /Đã đọc hết bài viết/);
    assert.equal((await listen(page).textContent()).trim(), 'Nghe bài viết');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('pause, resume and stop call the engine; the speed is remembered with the other settings', async () => {
    const { page, context, problems } = await readerPage();
    await openArticle(page);
    await startReading(page);
    await endUtterance(page);

    await player(page).getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    assert.equal((await calls(page)).at(-1), 'pause');
    assert.match(await liveText(page), /Đã tạm dừng đọc/);
    assert.match(await player(page).textContent(), /Đã tạm dừng ở phần 2 trên/);
    await player(page).getByRole('button', { name: 'Đọc tiếp', exact: true }).click();
    assert.equal((await calls(page)).at(-1), 'resume');
    assert.match(await liveText(page), /Đọc tiếp bài viết/);

    // An engine that drops the utterance on pause (Android's reports "interrupted"): resuming
    // says that chunk again instead of failing.
    await player(page).getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    const dropped = (await utterances(page)).at(-1).text;
    await page.evaluate(() => window.__speech.end('interrupted'));
    await page.waitForTimeout(50);
    assert.equal(await player(page).locator('.listen-failed').count(), 0);
    await player(page).getByRole('button', { name: 'Đọc tiếp', exact: true }).click();
    assert.equal((await utterances(page)).at(-1).text, dropped);

    // Paused just as a chunk ended: resuming says the next chunk at once (the engine is
    // resumed first; a new utterance behind a paused engine would wait for ever).
    await player(page).getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    const count = (await utterances(page)).length;
    await page.evaluate(() => window.__speech.end());
    await page.waitForTimeout(50);
    await player(page).getByRole('button', { name: 'Đọc tiếp', exact: true }).click();
    await page.waitForFunction((count) => window.__speech.record.utterances.length > count, count);
    assert.equal(await page.evaluate(() => window.__speech.speaking()), (await utterances(page)).at(-1).text);
    assert.equal(await page.evaluate(() => window.__speech.held()), null);

    // A new speed: the chunk being read starts again at it, and it is pressed.
    const before = (await utterances(page)).length;
    await player(page).getByRole('button', { name: '1,25×', exact: true }).click();
    const spoken = await utterances(page);
    assert.equal(spoken.length, before + 1);
    assert.equal(spoken.at(-1).rate, 1.25);
    assert.equal(spoken.at(-1).text, spoken.at(-2).text, 'the same chunk, again');
    assert.equal(await player(page).getByRole('button', { name: '1,25×', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.equal(await player(page).getByRole('button', { name: '1×', exact: true }).getAttribute('aria-pressed'), 'false');
    assert.match(await liveText(page), /Tốc độ đọc 1,25×/);

    // Stop: the engine is told, the player goes, focus goes back to the bar's button.
    await player(page).getByRole('button', { name: 'Dừng đọc', exact: true }).click();
    assert.equal((await calls(page)).at(-1), 'cancel');
    await player(page).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'listen-button');
    assert.match(await liveText(page), /Đã dừng đọc/);
    assert.equal(await page.locator('[data-reading]').count(), 0);
    // The stand-in reports on the cancelled utterance late (an "interrupted" error, then an
    // "end"), as engines do: nothing more is said.
    const stoppedAt = (await utterances(page)).length;
    await page.waitForTimeout(200);
    assert.equal((await utterances(page)).length, stoppedAt, 'nothing more is said after stop');

    // Another visit on this device reads at the speed chosen.
    await page.reload();
    await page.locator('main h1').waitFor();
    await startReading(page);
    assert.equal((await utterances(page)).at(-1).rate, 1.25);
    assert.equal(await player(page).getByRole('button', { name: '1,25×', exact: true }).getAttribute('aria-pressed'), 'true');
    // The bar's button stops it too.
    await listen(page).click();
    await player(page).waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('leaving the article, or the page being hidden, stops the reading', async () => {
    const { page, context, problems } = await readerPage();
    await openArticle(page);
    await startReading(page);
    // Another article, through the article's own "Bài sau" / "Bài trước" links.
    await page.locator('.previous-next a').first().click();
    await page.waitForURL((url) => !url.pathname.endsWith(SEED_ID));
    await player(page).waitFor({ state: 'detached' });
    assert.equal((await calls(page)).at(-1), 'cancel');
    assert.equal(await page.evaluate(() => window.__speech.speaking()), null);
    assert.equal(await page.locator('[data-reading]').count(), 0);
    // The new article offers to be read, from its own title.
    await listen(page).click();
    const title = await page.locator('main h1').textContent();
    assert.equal((await utterances(page)).at(-1).text, title);

    // The phone locked, another tab: hidden.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await player(page).waitFor({ state: 'detached' });
    assert.equal((await calls(page)).at(-1), 'cancel');
    assert.equal(await page.evaluate(() => window.__speech.speaking()), null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a reader who scrolls away is left there while the reading goes on', async () => {
    const { page, context, problems } = await readerPage({}, { viewport: { width: 412, height: 700 }, reducedMotion: 'reduce' });
    await openArticle(page);
    await startReading(page);
    await endUtterance(page);
    await endUtterance(page);
    // Back up to the list of related articles at the foot of the page.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const y = await page.evaluate(() => scrollY);
    assert.ok(y > 300);
    for (let i = 0; i < 3; i++) await endUtterance(page);
    assert.equal(await page.evaluate(() => scrollY), y);
    assert.equal(await player(page).count(), 1, 'still reading');
    assert.deepEqual(problems, []);
    await context.close();
  });

  /** The sample feed with the seed article's body replaced by one long paragraph. */
  async function longParagraph(page) {
    const sentence = 'Sở Lao động - Thương binh và Xã hội tiếp tục rà soát, hỗ trợ người lao động trong các khu công nghiệp của thành phố. ';
    const feed = structuredClone(sample);
    const seed = feed.items.find((i) => i.id === SEED_ID);
    seed.content_html = `<p>${sentence.repeat(40)}</p><p>Kết thúc.</p>`;
    delete seed.image;
    await page.route('**/sample-feed.json', (route) => route.fulfill({ contentType: 'application/feed+json', body: JSON.stringify(feed) }));
  }

  test('a paragraph taller than the screen: its chunks keep it marked and leave the page where the reader scrolled it', async () => {
    const { page, context, problems } = await readerPage({}, { viewport: { width: 412, height: 700 }, reducedMotion: 'reduce' });
    await longParagraph(page);
    await openArticle(page);
    await startReading(page);
    await endUtterance(page);
    await endUtterance(page);
    const paragraph = page.locator('main .article-body p').first();
    assert.equal(await paragraph.getAttribute('data-reading'), '');
    // Reading further down the paragraph than the voice.
    await page.evaluate(() => window.scrollBy(0, 600));
    const y = await page.evaluate(() => scrollY);
    for (let i = 0; i < 4; i++) await endUtterance(page);
    assert.equal(await page.evaluate(() => scrollY), y);
    assert.equal(await paragraph.getAttribute('data-reading'), '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an end the engine never reports (Chromium\'s remote voices stop after ~15 s) does not leave the reading stuck', async () => {
    const { page, context, problems } = await readerPage();
    await installClock(page);
    await openArticle(page);
    await startReading(page);
    const first = (await utterances(page)).length;
    // The title is a few seconds of speech; nothing is heard of it for 20 seconds (its
    // allowance: twice its time, and five seconds for the engine to start).
    await page.clock.runFor(20_000);
    await page.waitForFunction((first) => window.__speech.record.utterances.length > first, first);
    assert.equal(first, 1);
    assert.match((await utterances(page))[1].text, /^Đăng ngày/);
    assert.equal(await player(page).count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('when the reading ends, focus in the player goes back to the bar\'s button; focus the reader put elsewhere stays there', async () => {
    const { page, context, problems } = await readerPage();
    await openArticle(page);
    const finish = async () => {
      for (let guard = 0; guard < 200 && (await player(page).count()); guard++) await endUtterance(page);
    };
    await startReading(page);
    await player(page).getByRole('button', { name: 'Tạm dừng', exact: true }).focus();
    await finish();
    await page.waitForFunction(() => document.activeElement?.id === 'listen-button');
    // Again, the reader moving on to a link of the article meanwhile.
    await startReading(page);
    await player(page).getByRole('button', { name: 'Tạm dừng', exact: true }).focus();
    const link = page.locator('.previous-next a').first();
    await link.focus();
    await finish();
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.previous-next') !== null), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an engine that fails is said so, in words, and reading can start again', async () => {
    const { page, context, problems } = await readerPage();
    await openArticle(page);
    await startReading(page);
    await endUtterance(page, 'synthesis-failed');
    await player(page).locator('.listen-failed').waitFor();
    const failure = /Giọng đọc của trình duyệt bị lỗi nên đã dừng đọc/;
    assert.match(await player(page).textContent(), failure);
    assert.match(await liveText(page), failure, 'and it is announced');
    // Only "Đóng" (close) is offered: no pause, no speed.
    assert.equal(await player(page).getByRole('button', { name: 'Tạm dừng' }).count(), 0);
    assert.equal(await player(page).getByRole('group').count(), 0);
    assert.equal(await page.locator('[data-reading]').count(), 0);
    await player(page).getByRole('button', { name: 'Đóng', exact: true }).click();
    await player(page).waitFor({ state: 'detached' });
    await listen(page).click();
    assert.equal((await utterances(page)).at(-1).text, SEED_TITLE);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('voices that arrive after the page (as in Chromium) bring the control; an English interface reads a Vietnamese feed with the Vietnamese voice', async () => {
    const { page, context, problems } = await readerPage({ late: true });
    await openArticle(page);
    await page.locator('.reading-tools .text-size').waitFor();
    // Its place is kept (nothing in the bar moves when the voices come), out of sight.
    assert.equal(await listen(page).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Nghe bài viết' }).count(), 0);
    const before = await page.evaluate(() => [...document.querySelectorAll('.bar button, main h1')].map((e) => JSON.stringify(e.getBoundingClientRect())));
    await page.evaluate(() => window.__speech.addVoices());
    await listen(page).waitFor({ state: 'visible' });
    const after = await page.evaluate(() => [...document.querySelectorAll('.bar button, main h1')].map((e) => JSON.stringify(e.getBoundingClientRect())));
    assert.deepEqual(after, before, 'nothing moved');
    // English interface: the words around the reading are English, the article is read in
    // its own language.
    await page.evaluate(() => localStorage.setItem('ban-tin.lang', 'en'));
    await page.reload();
    await page.locator('main h1').waitFor();
    await page.evaluate(() => window.__speech.addVoices());
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await player(page).waitFor();
    assert.equal((await utterances(page)).at(-1).lang, 'vi-VN');
    await endUtterance(page);
    assert.equal((await utterances(page)).at(-1).text, 'Đăng ngày 10 tháng 2 năm 2023.');
    assert.match(await player(page).textContent(), /Reading part 2 of \d+/);
    assert.ok(await player(page).getByRole('button', { name: 'Pause', exact: true }).isVisible());
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at 320 px and 200% the player fits: nothing scrolls sideways, every control on screen and named', async () => {
    const { page, context, problems } = await readerPage({}, { viewport: { width: 320, height: 640 } });
    await openArticle(page);
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'A+ Tăng cỡ chữ' }).click();
    await startReading(page);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.equal(scroll, client);
    for (const name of ['Tạm dừng', 'Dừng đọc', '0,75×', '1×', '1,25×']) {
      const box = await player(page).getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 320 && box.y >= 0 && box.y + box.height <= 640, `${name} on screen: ${JSON.stringify(box)}`);
      assert.ok(box.height >= 24 && box.width >= 24);
    }
    // The player covers the foot of the screen, not the end of the article: the page can
    // scroll the last of it above the player.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const gap = await page.evaluate(() => document.querySelector('.listen-player').getBoundingClientRect().top - document.querySelector('.site-footer').getBoundingClientRect().bottom);
    assert.ok(gap >= 0, `the footer ends ${-gap}px under the player`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [name, voices] of [['no voice for Vietnamese', ONLY_FRENCH], ['no voices at all', []], ['no speech engine', null]]) {
    test(`${name}: no control, and no error`, async () => {
      const { page, context, problems } = await readerPage({ voices });
      await openArticle(page);
      await page.locator('.reading-tools .text-size').waitFor();
      await page.waitForTimeout(200);
      // Nothing to see, reach or hear (with an engine, its place is kept out of sight).
      assert.equal(await listen(page).isVisible(), false);
      assert.equal(await listen(page).count(), voices === null ? 0 : 1);
      assert.equal(await page.getByRole('button', { name: /Nghe bài viết/ }).count(), 0);
      await page.keyboard.press('Tab');
      for (let i = 0; i < 8; i++) {
        assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'listen-button');
        await page.keyboard.press('Tab');
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('reading aloud on a kiosk', () => {
  async function kioskPage() {
    const session = await readerPage({}, { viewport: { width: 1080, height: 1920 } });
    await session.page.route('**/config.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ feed_url: 'sample-feed.json', kiosk: { enabled: true, idle_seconds: 10, countdown_seconds: 5, attract: false } }),
    }));
    await installClock(session.page);
    return session;
  }

  test('a large control; reading holds the countdown off; the countdown, and the fresh start, stop the reading', async () => {
    const { page, context, problems } = await kioskPage();
    await openArticle(page);
    await listen(page).waitFor();
    // Large, and in words, at a kiosk.
    const box = await listen(page).boundingBox();
    assert.ok(box.height >= 56, `height ${box.height}`);
    assert.ok(await listen(page).locator('.icon-label').isVisible());
    await startReading(page);
    const pause = player(page).getByRole('button', { name: 'Tạm dừng', exact: true });
    assert.ok((await pause.boundingBox()).height >= 56);

    // Nobody touches the screen for a minute while it reads: no countdown.
    await page.clock.runFor(100);
    for (let i = 0; i < 6; i++) {
      await page.clock.fastForward(10_000);
      await page.clock.runFor(100);
    }
    assert.equal(await page.locator('dialog.countdown').evaluate((d) => d.open), false);
    assert.equal(await player(page).count(), 1);

    // Paused, it is idle: the countdown comes, and the fresh start stops the reading.
    await pause.click();
    await page.clock.runFor(100);
    await page.clock.fastForward(11_000);
    await page.locator('dialog.countdown').waitFor();
    await page.clock.runFor(6_000);
    await page.waitForURL(site.url);
    await player(page).waitFor({ state: 'detached' });
    assert.equal((await calls(page)).at(-1), 'cancel');
    assert.equal(await page.evaluate(() => window.__speech.speaking()), null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the speed chosen at a kiosk is forgotten when it starts over', async () => {
    const { page, context, problems } = await kioskPage();
    await openArticle(page);
    await listen(page).click();
    await player(page).getByRole('button', { name: '0,75×', exact: true }).click();
    assert.equal((await utterances(page)).at(-1).rate, 0.75);
    await player(page).getByRole('button', { name: 'Dừng đọc', exact: true }).click();
    await page.clock.runFor(100);
    await page.clock.fastForward(11_000);
    await page.locator('dialog.countdown').waitFor();
    await page.clock.runFor(6_000);
    await page.waitForURL(site.url);
    assert.equal(await page.evaluate(() => localStorage.getItem('ban-tin.speech-rate')), null);
    await openArticle(page);
    await listen(page).click();
    assert.equal((await utterances(page)).at(-1).rate, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
