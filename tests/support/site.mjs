// The release build served on 127.0.0.1 and one Chromium, shared by a whole test file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { launch } from './browser.mjs';
import { dist, fixtures } from './project.mjs';

/**
 * Starts the static server on dist/ and Chromium before the file's tests and stops both after
 * them. The returned object gets `url` (the app's address) and `browser` once they are up.
 */
export function useSite() {
  const site = { url: undefined, browser: undefined, server: undefined };
  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run trunk build --release');
    site.server = await startServer({ root: dist, fixtures });
    site.url = site.server.url;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
