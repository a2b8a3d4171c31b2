// Launches Debian's Chromium through playwright-core; test tools never download a browser.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/**
 * A new page that records page errors, console errors and Content-Security-Policy violations
 * (a `securitypolicyviolation` listener), so tests can assert there are none.
 */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  await page.exposeBinding('__reportCspViolation', (_source, text) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
    });
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/**
 * Playwright's clock, installed so that time can be fast-forwarded, with timer ids as browsers
 * give them. The fake clock numbers its timers from 10^12, beyond 32 bits; the app's
 * WebAssembly bindings (web-sys) take timer ids as 32-bit integers, so without this shim
 * `clearTimeout` / `clearInterval` get a truncated id and clear nothing, in tests only. The
 * shim hands out small ids and counts the timers that are live (`window.__liveTimers()`).
 */
export async function installClock(page) {
  await page.clock.install();
  await page.addInitScript(() => {
    const live = new Map();
    let next = 1;
    for (const [set, clear, once] of [['setTimeout', 'clearTimeout', true], ['setInterval', 'clearInterval', false]]) {
      const fakeSet = window[set];
      const fakeClear = window[clear];
      window[set] = function (callback, delay, ...args) {
        // The fake clock cannot run string callbacks; they are passed on as they are.
        if (typeof callback !== 'function') return fakeSet.call(this, callback, delay, ...args);
        const id = next++;
        const run = once ? (...a) => { live.delete(id); return callback(...a); } : callback;
        live.set(id, { real: fakeSet.call(this, run, delay, ...args), delay, kind: set });
        return id;
      };
      // Either function clears either kind of timer, as in browsers.
      window[clear] = function (id) {
        const timer = live.get(Number(id));
        live.delete(Number(id));
        return timer ? fakeClear.call(this, timer.real) : fakeClear.call(this, id);
      };
    }
    window.__liveTimers = () => [...live.values()].map(({ kind, delay }) => `${kind} ${delay}`).sort();
  });
}

/** Opens the bar's "Tùy chọn" / "Settings" panel (theme and language), if it is closed. */
export async function openSettings(page) {
  const toggle = page.locator('.settings > button');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#settings-panel').waitFor();
}

/** Chooses a theme in the settings panel, as a reader does, and closes the panel again. */
export async function chooseTheme(page, theme) {
  await openSettings(page);
  await page.selectOption('.theme-picker select', theme);
  await page.keyboard.press('Escape');
  await page.locator('#settings-panel').waitFor({ state: 'hidden' });
}

/** Switches the interface language from the settings panel. */
export async function switchLanguage(page, name) {
  await openSettings(page);
  await page.getByRole('button', { name, exact: true }).click();
}

/**
 * How many elements `locator` matches once the number has stopped changing for `quietMs`: the
 * app draws its first list a screenful first, then a few entries per frame.
 */
export async function settledCount(locator, quietMs = 300, timeoutMs = 10_000) {
  let count = await locator.count();
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await locator.count();
    if (now === count) return count;
    count = now;
  }
  return count;
}
