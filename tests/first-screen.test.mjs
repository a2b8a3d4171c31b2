// The first screen on phones and kiosks: the compact app bar, headlines in the first screen,
// nothing shifting after the first paint (first visit, repeat visit, a refresh that brings new
// items), no sideways scrolling at 320 px, the kiosk's type scale and clock, the entry meta
// line, the current section, pictures' proportions, and axe with the settings open and closed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite } from './support/site.mjs';
import { newPage, openSettings, chooseTheme } from './support/browser.mjs';
import { sample, SEED_ID } from './support/project.mjs';

const site = useSite();
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SMALL = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const STEPS = ['90', '100', '115', '130', '150', '175', '200'];

async function listShown(page) {
  await page.locator('main article.entry h2 a').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Entry titles whose whole box is inside the first screen (scrolled to the top). */
const titlesInFirstScreen = (page) => page.evaluate(() => [...document.querySelectorAll('main .entry-title')]
  .filter((h) => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length);

/** Records layout shifts (not those right after input) from the first paint on. */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.nodeName + '.' + (s.node?.className || '')) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shiftSum = (page) => page.evaluate(() => window.__shifts.reduce((sum, s) => sum + s.value, 0));

describe('the first screen', () => {
  test('a 412 x 823 phone shows at least three whole headlines, with the bar in one row', async () => {
    const { page, context, problems } = await newPage(site.browser, PHONE);
    await page.goto(site.url);
    await listShown(page);
    const inScreen = await titlesInFirstScreen(page);
    assert.ok(inScreen >= 3, `${inScreen} titles in the first screen`);
    // Name, search button, A- / A / A+ and settings share one row; the sections are one row.
    const middles = await page.evaluate(() => ['.brand', '.search-toggle', '.text-size button', '.settings > button']
      .map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return r.top + r.height / 2; }));
    assert.ok(Math.max(...middles) - Math.min(...middles) < 4, `bar items centred at ${middles}`);
    const navRows = await page.evaluate(() => new Set([...document.querySelectorAll('.main-nav li')].map((li) => li.getBoundingClientRect().top)).size);
    assert.equal(navRows, 1, 'the sections are one row');
    assert.ok(await page.evaluate(() => { const ul = document.querySelector('.main-nav ul'); return ul.scrollWidth > ul.clientWidth; }), 'the sections row scrolls sideways inside itself');
    // The search box is behind its button: closed, then open with the cursor in it, Escape closes.
    assert.equal(await page.getByRole('searchbox').count(), 0);
    const toggle = page.getByRole('button', { name: 'Tìm kiếm' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await page.getByRole('searchbox', { name: 'Tìm tin' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('searchbox').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-toggle');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('at 320 x 640 and the largest size the first headline starts in the first screen', async () => {
    const { page, context } = await newPage(site.browser, SMALL);
    await page.addInitScript(() => localStorage.setItem('ban-tin.text-size', '200'));
    await page.goto(site.url);
    await listShown(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
    const top = await page.locator('main .entry-title').first().evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top < 640, `the first title starts at ${Math.round(top)} px`);
    await context.close();
  });

  test('no sideways page scroll at 320 px at any text size, on every view, settings open or not', async () => {
    const { page, context } = await newPage(site.browser, SMALL);
    const views = ['', `tin/${SEED_ID}`, 'chuyen-muc/lao-dong-viec-lam', `tim-kiem?q=${encodeURIComponent('lao động')}`];
    const overflowing = [];
    for (const step of STEPS) {
      await page.addInitScript((s) => localStorage.setItem('ban-tin.text-size', s), step);
      for (const view of views) {
        await page.goto(site.url + view);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        for (const settings of ['closed', 'open']) {
          if (settings === 'open') await openSettings(page);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 320) overflowing.push(`${step}% /${view} settings ${settings}: ${width} px`);
        }
      }
    }
    assert.deepEqual(overflowing, []);
    await context.close();
  });
});

describe('nothing moves after the first paint', () => {
  test('first visit, repeat visit from the saved copy, and a refresh bringing new items: layout shifts sum under 0.01', async () => {
    const { page, context, problems } = await newPage(site.browser, PHONE);
    await recordShifts(page);
    // The network is slow enough that the loading view is seen first.
    let fresh = null;
    await page.route('**/sample-feed.json', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      if (fresh) return route.fulfill({ contentType: 'application/json', body: JSON.stringify(fresh) });
      return route.continue();
    });
    await page.goto(site.url);
    await listShown(page);
    await page.waitForTimeout(800);
    const first = await shiftSum(page);
    assert.ok(first < 0.01, `first visit: ${first} ${JSON.stringify(await page.evaluate(() => window.__shifts))}`);
    // The repeat visit shows the saved copy, then the network brings one more article.
    fresh = { ...sample, items: [{ ...sample.items[0], id: 'tin-moi-nhat', title: 'Tin mới nhất: lịch tiếp công dân tháng 12', date_published: new Date().toISOString() }, ...sample.items] };
    await page.reload();
    await listShown(page);
    await page.locator('main .entry-title', { hasText: 'Tin mới nhất' }).waitFor();
    await page.waitForTimeout(800);
    const repeat = await shiftSum(page);
    assert.ok(repeat < 0.01, `repeat visit: ${repeat} ${JSON.stringify(await page.evaluate(() => window.__shifts))}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('opening the settings moves nothing on the page', async () => {
    const { page, context } = await newPage(site.browser, PHONE);
    await page.goto(site.url);
    await listShown(page);
    const before = await page.locator('main h1').boundingBox();
    await openSettings(page);
    assert.deepEqual(await page.locator('main h1').boundingBox(), before);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#settings-panel').isHidden(), true);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-controls')), 'settings-panel');
    await context.close();
  });
});

describe('kiosk', () => {
  test('kiosk text is at least 1.4x the phone text, with the department name and a clock in the bar, portrait and landscape', async () => {
    const phone = await newPage(site.browser, PHONE);
    await phone.page.goto(`${site.url}tin/${SEED_ID}`);
    await phone.page.locator('.article-body p').first().waitFor();
    const phonePx = await phone.page.locator('.article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    await phone.context.close();
    for (const viewport of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
      const { page, context, problems } = await newPage(site.browser, { viewport, hasTouch: true });
      await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ feed_url: 'sample-feed.json', site: { name: 'Sở Lao động - Thương binh và Xã hội' }, kiosk: { enabled: true } }) }));
      await page.goto(`${site.url}tin/${SEED_ID}`);
      await page.locator('.article-body p').first().waitFor();
      const kioskPx = await page.locator('.article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      assert.ok(kioskPx >= 1.4 * phonePx, `${viewport.width}x${viewport.height}: ${kioskPx} px vs the phone's ${phonePx} px`);
      assert.equal(await page.locator('.brand-name').textContent(), 'Sở Lao động - Thương binh và Xã hội');
      assert.match(await page.locator('.clock time').textContent(), /^\d\d:\d\d$/);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scroll');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

describe('polish', () => {
  test('no line of an entry\'s meta starts with its separator, at any size and width', async () => {
    const { page, context } = await newPage(site.browser, SMALL);
    const bad = [];
    for (const step of STEPS) {
      await page.addInitScript((s) => localStorage.setItem('ban-tin.text-size', s), step);
      await page.goto(site.url);
      await listShown(page);
      bad.push(...await page.evaluate((s) => [...document.querySelectorAll('.entry-meta')].flatMap((meta) => {
        const parts = [...meta.children];
        // Each part after the first starts on the line its separator is on or a new one; a
        // separator is the last thing of the part before it, never the first of a line.
        return parts.slice(0, -1).filter((part) => {
          const sep = getComputedStyle(part, '::after').content;
          return !sep.endsWith('·"');
        }).map(() => `${s}%: a part without its separator`);
      }), step));
      // Where a meta line wraps, the second part starts at the left edge, after the dot's line.
      bad.push(...await page.evaluate((s) => [...document.querySelectorAll('.entry-meta')].filter((meta) => meta.children.length === 2).flatMap((meta) => {
        const [a, b] = meta.children;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const wrapped = rb.top >= ra.bottom - 1;
        return wrapped && Math.abs(rb.left - meta.getBoundingClientRect().left) > 1 ? [`${s}%: the section does not start its line`] : [];
      }), step));
    }
    assert.deepEqual(bad, []);
    await context.close();
  });

  test('the current section is marked in the row and scrolled into its view', async () => {
    const { page, context } = await newPage(site.browser, PHONE);
    await page.goto(site.url);
    await listShown(page);
    const sections = page.locator('.main-nav a');
    const last = sections.last();
    const name = await last.textContent();
    await page.goto(`${site.url}chuyen-muc/${await last.evaluate((a) => a.getAttribute('href').split('/').pop())}`);
    await page.locator('main h1', { hasText: name }).waitFor();
    await page.waitForTimeout(100);
    const current = page.locator('.main-nav a[aria-current="page"]');
    assert.equal(await current.textContent(), name);
    assert.notEqual(await current.evaluate((a) => getComputedStyle(a).borderBottomColor), 'rgba(0, 0, 0, 0)', 'a visible mark');
    const [row, link] = await page.evaluate(() => [document.querySelector('.main-nav ul'), document.querySelector('.main-nav a[aria-current="page"]')].map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; }));
    assert.ok(link.left >= row.left - 1 && link.right <= row.right + 1, `the current section is in the row's view (${JSON.stringify({ row, link })})`);
    await context.close();
  });

  test('pictures keep their proportions in the list and the article', async () => {
    const { page, context } = await newPage(site.browser, PHONE);
    const distorted = [];
    for (const view of ['', `tin/${SEED_ID}`]) {
      await page.goto(site.url + view);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('main img')].filter((i) => i.getBoundingClientRect().top < innerHeight).every((i) => i.complete));
      distorted.push(...await page.evaluate(() => [...document.querySelectorAll('main img')].filter((img) => img.complete && img.naturalWidth && img.getBoundingClientRect().width).flatMap((img) => {
        const fit = getComputedStyle(img).objectFit;
        const r = img.getBoundingClientRect();
        const drawn = r.width / r.height;
        const natural = img.naturalWidth / img.naturalHeight;
        // "cover" crops and "contain" letterboxes: both keep the proportions; "fill" must match.
        return fit === 'fill' && Math.abs(drawn - natural) / natural > 0.02 ? [`${img.src.split('/').pop()}: ${drawn.toFixed(2)} vs ${natural.toFixed(2)}`] : [];
      })));
    }
    assert.deepEqual(distorted, []);
    await context.close();
  });
});

describe('axe with the settings open and closed', () => {
  const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const views = ['', `tin/${SEED_ID}`, 'chuyen-muc/lao-dong-viec-lam', `tim-kiem?q=${encodeURIComponent('lao động')}`, 'khong-co-trang-nay'];
  test('every view, every theme, on a phone', async () => {
    const { page, context } = await newPage(site.browser, PHONE);
    const failures = [];
    for (const view of views) {
      await page.goto(site.url + view);
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      for (const [scheme, theme] of [['light', 'light'], ['dark', 'dark'], ['dark', 'auto'], ['light', 'contrast']]) {
        await page.emulateMedia({ colorScheme: scheme });
        await chooseTheme(page, theme);
        for (const settings of ['closed', 'open']) {
          if (settings === 'open') await openSettings(page);
          const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ rules: { 'target-size': { enabled: true } } }).analyze();
          for (const v of results.violations) failures.push(`/${view} ${theme} settings ${settings}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        }
        await page.keyboard.press('Escape');
      }
    }
    assert.deepEqual(failures, []);
    await context.close();
  });
});
