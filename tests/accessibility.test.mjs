// Reading comfort and accessibility: text size, reflow at 200% and 320 px, text spacing,
// themes and their contrast, keyboard use, focus on navigation, languages, and axe-core audits
// of every view at default and largest size in light, dark and high contrast.
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite } from './support/site.mjs';
import { newPage, chooseTheme, openSettings, switchLanguage } from './support/browser.mjs';
import { root, SEED_ID } from './support/project.mjs';
import { installSpeech, endUtterance } from './support/speech.mjs';

const STEPS = [90, 100, 115, 130, 150, 175, 200];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const site = useSite();
const axeSummary = [];

after(() => {
  if (axeSummary.length) {
    console.log('\naxe-core results (violations per view, size and theme):');
    for (const row of axeSummary) console.log(`  ${row}`);
  }
});

const rootFontPx = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const button = (page, name) => page.getByRole('button', { name, exact: true });

async function ready(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

async function clickTimes(page, name, times) {
  for (let i = 0; i < times; i++) await button(page, name).click();
}

describe('text size', () => {
  test('A- / A / A+ step the root size from 90% to 200%, announce it, and are disabled at the ends', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(site.url);
    await ready(page);
    const base = await rootFontPx(page);
    assert.equal(base, 16);
    assert.equal(await button(page, 'A Cỡ chữ mặc định').getAttribute('aria-disabled'), 'true');
    for (const step of STEPS.slice(2)) {
      await button(page, 'A+ Tăng cỡ chữ').click();
      assert.equal(await rootFontPx(page), (16 * step) / 100, `after A+ the root is ${step}%`);
      assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), `${step}%`);
      assert.equal(await page.locator('.text-size [role=status]').textContent(), `Cỡ chữ ${step}%`);
    }
    assert.equal(await button(page, 'A+ Tăng cỡ chữ').getAttribute('aria-disabled'), 'true');
    assert.equal(await button(page, 'A- Giảm cỡ chữ').getAttribute('aria-disabled'), 'false');
    await button(page, 'A Cỡ chữ mặc định').click();
    assert.equal(await rootFontPx(page), 16);
    await button(page, 'A- Giảm cỡ chữ').click();
    assert.equal(await rootFontPx(page), 16 * 0.9);
    assert.equal(await button(page, 'A- Giảm cỡ chữ').getAttribute('aria-disabled'), 'true');
    // Every length follows the root: body text is 1rem.
    assert.equal(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)), 16 * 0.9);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the reader\'s own browser setting still counts: sizes are percentages of it', async () => {
    const { page, context } = await newPage(site.browser);
    // A reader whose browser default is 20px.
    await page.addInitScript(() => {
      const style = document.createElement('style');
      style.textContent = 'html { font-size: 20px }';
      document.addEventListener('DOMContentLoaded', () => document.head.prepend(style));
    });
    await page.goto(site.url);
    await ready(page);
    await button(page, 'A+ Tăng cỡ chữ').click();
    // The app sets a percentage; the computed size follows whatever the base is.
    assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), '115%');
    await context.close();
  });

  test('the choice survives a reload; storage that throws falls back to the default', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(site.url);
    await ready(page);
    await clickTimes(page, 'A+ Tăng cỡ chữ', 3);
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), '150%');
    await context.close();

    const broken = await newPage(site.browser);
    await broken.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    await broken.page.goto(site.url);
    await ready(broken.page);
    assert.equal(await rootFontPx(broken.page), 16);
    await button(broken.page, 'A+ Tăng cỡ chữ').click();
    assert.equal(await rootFontPx(broken.page), 16 * 1.15, 'still works in memory');
    assert.deepEqual(broken.problems, []);
    await broken.context.close();
  });
});

describe('reflow and spacing', () => {
  const views = [
    ['list', ''],
    ['article', `tin/${SEED_ID}`],
    ['search', `tim-kiem?q=${encodeURIComponent('lao động')}`],
    ['not found', 'khong-co-trang-nay'],
  ];
  for (const [name, address] of views) {
    test(`${name}: at 200% and 320 px wide nothing scrolls sideways, also with text spacing overrides`, async () => {
      // The text-spacing override is the reader's own stylesheet (an extension or bookmarklet),
      // which the page's Content-Security-Policy does not govern.
      const { page, context } = await newPage(site.browser, { viewport: { width: 320, height: 640 }, bypassCSP: true });
      await page.goto(site.url + address);
      await ready(page);
      await clickTimes(page, 'A+ Tăng cỡ chữ', 5);
      assert.equal(await rootFontPx(page), 32);
      const widths = () => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      let [scroll, client] = await widths();
      assert.equal(scroll, client, `${name} scrolls sideways at 200%: ${scroll} > ${client}`);
      // WCAG 1.4.12 text spacing.
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      });
      [scroll, client] = await widths();
      assert.equal(scroll, client, `${name} scrolls sideways with text spacing: ${scroll} > ${client}`);
      const clipped = await page.evaluate(() => [...document.querySelectorAll('body *')]
        // Text for screen readers only (visually hidden on purpose: clipped to nothing).
        .filter((el) => !el.classList.contains('visually-hidden') && !el.closest('.visually-hidden') && getComputedStyle(el).clipPath !== 'inset(50%)')
        .filter((el) => {
          const style = getComputedStyle(el);
          const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
          return clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
        })
        .map((el) => el.outerHTML.slice(0, 80)));
      assert.deepEqual(clipped, [], 'no element clips its text');
      await context.close();
    });
  }

  test('error view: at 200% and 320 px wide nothing scrolls sideways', async () => {
    const { page, context } = await newPage(site.browser, { viewport: { width: 320, height: 640 } });
    await page.route('**/sample-feed.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(site.url);
    await page.locator('h1', { hasText: 'Không tải được tin tức' }).waitFor();
    await clickTimes(page, 'A+ Tăng cỡ chữ', 5);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.equal(scroll, client);
    await context.close();
  });

  test('the reading column is capped at about 70 characters and images scale to it', async () => {
    const { page, context } = await newPage(site.browser, { viewport: { width: 1400, height: 900 } });
    await page.goto(`${site.url}tin/${SEED_ID}`);
    await ready(page);
    const { chars, imageFits } = await page.evaluate(() => {
      const body = document.querySelector('.article-body');
      const probe = document.createElement('span');
      probe.textContent = '0';
      body.appendChild(probe);
      const ch = probe.getBoundingClientRect().width;
      probe.remove();
      const img = document.querySelector('.lead-image img');
      return { chars: body.getBoundingClientRect().width / ch, imageFits: img.getBoundingClientRect().width <= document.querySelector('.article').getBoundingClientRect().width + 0.5 };
    });
    assert.ok(chars <= 75 && chars >= 55, `reading width is ${chars.toFixed(1)} characters`);
    assert.ok(imageFits);
    await context.close();
  });
});

describe('themes', () => {
  function luminance([r, g, b]) {
    const [R, G, B] = [r, g, b].map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  }
  function contrast(a, b) {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }
  const TOKENS = ['bg', 'surface', 'text', 'muted', 'border', 'accent', 'accent-text', 'link', 'link-visited', 'focus',
    'error-bg', 'error-border', 'notice-bg', 'notice-border', 'mark-bg'];
  // Every pair of tokens the stylesheet puts text on, and the controls' boundaries (WCAG 1.4.3, 1.4.11).
  const TEXT_PAIRS = [
    ...['bg', 'surface'].flatMap((bg) => ['text', 'muted', 'link', 'link-visited'].map((fg) => [fg, bg])),
    ['text', 'mark-bg'], ['text', 'notice-bg'], ['link', 'notice-bg'], ['text', 'error-bg'], ['accent-text', 'accent'],
  ];
  const CONTROL_PAIRS = ['bg', 'surface'].flatMap((bg) => [['accent', bg], ['focus', bg]]);

  // [theme picked, system colour scheme]: every theme under both system schemes.
  const cases = ['auto', 'light', 'dark', 'contrast'].flatMap((theme) => ['light', 'dark'].map((scheme) => [theme, scheme]));
  for (const [theme, scheme] of cases) {
    test(`${theme} theme (system ${scheme}): every text pair 4.5:1 (highlights too), controls and focus ring 3:1`, async () => {
      const { page, context } = await newPage(site.browser, { colorScheme: scheme });
      await page.goto(site.url);
      await ready(page);
      await chooseTheme(page, theme);
      // Each token as the browser resolves it on the page (light-dark() included): the used
      // colour of a probe element inside the app.
      const { colors, current } = await page.evaluate((tokens) => {
        const probe = document.createElement('span');
        document.querySelector('main').appendChild(probe);
        const colors = {};
        for (const name of tokens) {
          probe.style.color = `var(--color-${name})`;
          colors[name] = getComputedStyle(probe).color;
        }
        probe.remove();
        return { colors, current: document.documentElement.dataset.theme || 'auto' };
      }, TOKENS);
      assert.equal(current, theme);
      const rgb = {};
      for (const [name, value] of Object.entries(colors)) {
        const parts = value.match(/^rgba?\((\d+), (\d+), (\d+)(, 1)?\)$/);
        assert.ok(parts, `${theme}: --color-${name} resolves to an opaque colour, not ${value}`);
        rgb[name] = parts.slice(1, 4).map(Number);
      }
      const darkTheme = theme === 'dark' || theme === 'contrast' || (theme === 'auto' && scheme === 'dark');
      assert.equal(luminance(rgb.bg) < 0.2, darkTheme, `${theme} under a ${scheme} system has a ${darkTheme ? 'dark' : 'light'} background`);
      for (const [pairs, minimum] of [[TEXT_PAIRS, 4.5], [CONTROL_PAIRS, 3]]) {
        for (const [fg, bg] of pairs) {
          const ratio = contrast(rgb[fg], rgb[bg]);
          assert.ok(ratio >= minimum, `${theme} (system ${scheme}): ${fg} ${colors[fg]} on ${bg} ${colors[bg]} is ${ratio.toFixed(2)}:1`);
        }
      }
      await context.close();
    });
  }

  test('a search highlight is readable in every theme', async () => {
    const { page, context } = await newPage(site.browser, { colorScheme: 'light' });
    await page.goto(`${site.url}tim-kiem?q=lao`);
    await page.locator('main mark').first().waitFor();
    for (const theme of ['auto', 'light', 'dark', 'contrast']) {
      await chooseTheme(page, theme);
      const [fg, bg] = await page.locator('main mark').first().evaluate((m) => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]);
      const parse = (v) => v.match(/\d+/g).slice(0, 3).map(Number);
      const ratio = contrast(parse(fg), parse(bg));
      assert.ok(ratio >= 4.5, `${theme}: <mark> ${fg} on ${bg} is ${ratio.toFixed(2)}:1`);
    }
    await context.close();
  });

  test('the chosen theme is remembered', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(site.url);
    await ready(page);
    await chooseTheme(page, 'contrast');
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'contrast');
    assert.equal(await page.locator('.theme-picker select').inputValue(), 'contrast');
    await context.close();
  });
});

describe('structure and keyboard', () => {
  test('landmarks, one h1, a skip link, and a keyboard-only journey through an article and back', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(site.url);
    await ready(page);
    for (const selector of ['header', 'nav', 'main', 'footer']) {
      assert.equal(await page.locator(selector).count(), 1, selector);
    }
    assert.equal(await page.locator('h1').count(), 1);

    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement.textContent);
    assert.equal(skip, 'Bỏ qua, đến nội dung chính');
    assert.ok(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none'), 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => [document.activeElement.tagName, document.activeElement.textContent, !!document.activeElement.closest('article.entry')]);
    assert.deepEqual(first.slice(0, 1).concat(first.slice(2)), ['A', true]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tin\//);
    await page.waitForFunction((title) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === title, first[1]);
    assert.equal(await page.title(), `${first[1]} – Bản tin`);
    // The browser's own back (Alt+Left); headless Chromium has no browser UI to take the key.
    await page.goBack();
    await page.waitForURL(site.url);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('coming back from an article keeps the list where the reader left it', async () => {
    const { page, context } = await newPage(site.browser, { viewport: { width: 412, height: 700 } });
    await page.goto(site.url);
    await ready(page);
    const link = page.locator('main article.entry h2 a').nth(9);
    await link.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 500, `scrolled to ${before}`);
    await link.click();
    await page.waitForURL(/\/tin\//);
    await page.waitForFunction(() => window.scrollY === 0);
    await page.goBack();
    await page.waitForURL(site.url);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, before);
    await context.close();
  });

  test('interactive targets are at least 24 CSS px', async () => {
    const { page, context } = await newPage(site.browser);
    await page.goto(`${site.url}tin/${SEED_ID}`);
    await ready(page);
    const small = await page.evaluate(() => [...document.querySelectorAll('button, select, .button, header a')]
      .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(([t]) => t));
    assert.deepEqual(small, []);
    await context.close();
  });
});

describe('languages', () => {
  test('switching to English changes lang, labels and the date format, and is remembered', async () => {
    const { page, context, problems } = await newPage(site.browser);
    await page.goto(`${site.url}tin/${SEED_ID}`);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.match(await page.locator('.article-meta').textContent(), /Ngày đăng: 10\/02\/2023/);
    await switchLanguage(page, 'English');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('.article-meta').textContent(), /Published: 10 Feb 2023/);
    for (const name of ['A- Decrease text size', 'A Default text size', 'A+ Increase text size', 'Tiếng Việt']) {
      assert.equal(await button(page, name).count(), 1, name);
    }
    assert.equal(await page.locator('.skip-link').textContent(), 'Skip to main content');
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await switchLanguage(page, 'Tiếng Việt');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('axe-core audits', () => {
  const views = [
    ['list', '', null],
    ['article', `tin/${SEED_ID}`, null],
    // CMS content from an RSS feed: a table wider than the phone in its scrolling box.
    ['wide table', 'tin/cms-1?feed=/fixtures/xml/cms-styles.rss.xml', null],
    ['search results', `tim-kiem?q=${encodeURIComponent('lao động')}`, null],
    ['section', 'chuyen-muc/lao-dong-viec-lam', null],
    ['not found', 'khong-co-trang-nay', null],
    ['error', '', { status: 500, body: 'down' }],
    // With a voice (a stand-in engine): the listen button, the player, a paragraph marked.
    ['reading aloud', `tin/${SEED_ID}`, null, async (page) => {
      await page.locator('#listen-button').click();
      await page.locator('.listen-player').waitFor();
      await endUtterance(page);
      await endUtterance(page);
    }],
  ];
  const themes = [['light', 'light', 'light'], ['dark', 'dark', 'auto'], ['high contrast', 'light', 'contrast']];
  for (const [view, address, failure, prepare] of views) {
    test(`${view}: no violations at default and largest size in light, dark and high contrast`, async () => {
      const { page, context } = await newPage(site.browser, { viewport: { width: 412, height: 900 } });
      if (failure) await page.route('**/sample-feed.json', (route) => route.fulfill(failure));
      if (prepare) await installSpeech(page);
      await page.goto(site.url + address);
      await ready(page);
      if (prepare) await prepare(page);
      const failures = [];
      for (const [themeName, scheme, theme] of themes) {
        await page.emulateMedia({ colorScheme: scheme });
        await chooseTheme(page, theme);
        for (const size of ['default', 'largest']) {
          if (size === 'largest') await clickTimes(page, 'A+ Tăng cỡ chữ', 5);
          const results = await new AxeBuilder({ page })
            .withTags(AXE_TAGS)
            .options({ rules: { 'target-size': { enabled: true } } })
            .analyze();
          axeSummary.push(`${view.padEnd(10)} ${size.padEnd(8)} ${themeName.padEnd(14)} ${results.violations.length} violations, ${results.passes.length} rules passed`);
          for (const v of results.violations) {
            failures.push(`${themeName}/${size}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          }
          if (size === 'largest') await button(page, 'A Cỡ chữ mặc định').click();
        }
      }
      assert.deepEqual(failures, []);
      await context.close();
    });
  }
});
