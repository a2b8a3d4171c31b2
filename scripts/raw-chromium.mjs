// Chromium driven over its DevTools pipe with only the protocol domains a measurement needs.
// Playwright turns on the Network domain for every page, and with it DevTools keeps (and, for
// text, decodes) a copy of every response body on the page's main thread: a 10 MB feed then
// shows as a long task of 150-300 ms that is not the app's. Long tasks are measured here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../tests/support/browser.mjs';

/** Starts Chromium (headless, a fresh profile) and opens one page; returns `{ send, close }`. */
export async function rawPage() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ban-tin-raw-'));
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    '--headless', ...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [toBrowser, fromBrowser] = [child.stdio[3], child.stdio[4]];
  let id = 0;
  const waiting = new Map();
  let buffered = '';
  fromBrowser.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const reply = message.id !== undefined && waiting.get(message.id);
      if (reply) {
        waiting.delete(message.id);
        if (message.error) reply.reject(new Error(`${message.error.message}`));
        else reply.resolve(message.result);
      }
    }
  });
  const call = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const n = ++id;
    waiting.set(n, { resolve, reject });
    toBrowser.write(`${JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
  });
  const { targetInfos } = await call('Target.getTargets');
  const page = targetInfos.find((t) => t.type === 'page');
  const { sessionId } = await call('Target.attachToTarget', { targetId: page.targetId, flatten: true });
  const send = (method, params) => call(method, params, sessionId);
  /** Evaluates `expression` in the page (awaiting a promise) and returns its value. */
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  };
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const close = async () => {
    call('Browser.close').catch(() => { /* already gone */ });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    child.kill('SIGKILL');
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  return { send, evaluate, close };
}

/**
 * Loads `url` in a fresh Chromium at 4x CPU slowdown (412 x 915), waits for `selector` and
 * then `settleMs`, and returns the durations of the long tasks (over 50 ms) in milliseconds.
 */
export async function longTasksWhileLoading(url, selector, settleMs = 2000) {
  const { send, evaluate, close } = await rawPage();
  try {
    await send('Page.enable');
    await send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await send('Emulation.setDeviceMetricsOverride', { width: 412, height: 915, deviceScaleFactor: 1, mobile: false });
    await send('Page.addScriptToEvaluateOnNewDocument', {
      source: 'window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: true });',
    });
    await send('Page.navigate', { url });
    const started = Date.now();
    while (!(await evaluate(`!!document.querySelector(${JSON.stringify(selector)})`))) {
      if (Date.now() - started > 120_000) throw new Error(`${selector} never appeared`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, settleMs));
    return await evaluate('window.__long');
  } finally {
    await close();
  }
}
