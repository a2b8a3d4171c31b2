// Deployment as the README describes it: dist/ copied under a sub-path of a real nginx with
// deploy/nginx.conf, <base href> changed, and the app working there: SPA fallback, deep links,
// reload, and the cache headers a CDN relies on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { launch, newPage, settledCount } from './support/browser.mjs';
import { root, dist, SEED_ID } from './support/project.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';

let dir;
let nginx;
let base;
let browser;
let siteDir;

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

before(async () => {
  assert.ok(fs.existsSync(NGINX), `${NGINX} is missing: scripts/setup.sh --browser installs nginx`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ban-tin-nginx-'));
  fs.chmodSync(dir, 0o755);
  // The deployment: dist/ copied to <www>/tin-tuc/ with its base changed.
  const site = path.join(dir, 'www', 'tin-tuc');
  siteDir = site;
  fs.cpSync(dist, site, { recursive: true });
  const index = path.join(site, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  assert.ok(html.includes('<base href="/" />'), 'index.html has the documented <base href="/" /> line');
  fs.writeFileSync(index, html.replace('<base href="/" />', '<base href="/tin-tuc/" />'));
  // As the README says: after editing index.html, finalize again (policy and service worker).
  execFileSync(process.execPath, [path.join(root, 'scripts', 'finalize-dist.mjs'), site], { stdio: 'pipe' });

  const port = await freePort();
  const snippet = fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
    .replace('root /srv/www;', `root ${path.join(dir, 'www')};`);
  fs.writeFileSync(path.join(dir, 'site.conf'), snippet);
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `
${user}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    include ${dir}/site.conf;
  }
}
`);
  execFileSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
  nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  await waitForPort(port);
  base = `http://127.0.0.1:${port}/tin-tuc/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('nginx serves the app under a sub-path with an SPA fallback and CDN-friendly cache headers', async () => {
  const home = await fetch(base);
  assert.equal(home.status, 200);
  assert.equal(home.headers.get('cache-control'), 'no-cache');
  assert.equal(home.headers.get('content-security-policy'), "frame-ancestors 'none'");
  assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await (await fetch(base)).text(), /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const deep = await fetch(`${base}tin/${SEED_ID}`);
  assert.equal(deep.status, 200);
  assert.match(await deep.text(), /<base href="\/tin-tuc\/" \/>/);

  const files = fs.readdirSync(dist);
  // trunk names hashed files with the hash in hex without leading zeros: up to 16 digits.
  const hashed = (ending) => files.find((f) => new RegExp(`-[0-9a-f]{1,16}${ending}$`).test(f));
  const wasm = hashed('_bg\\.wasm');
  const js = hashed('\\.js');
  const css = hashed('\\.css');
  assert.ok(wasm && js && css, files.join(' '));
  for (const file of [wasm, js, css]) {
    const r = await fetch(base + file, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.status, 200, file);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', file);
  }
  const w = await fetch(base + wasm);
  assert.equal(w.headers.get('content-type'), 'application/wasm');
  const config = await fetch(`${base}config.json`);
  assert.equal(config.headers.get('cache-control'), 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
  assert.equal((await fetch(`${base}no-such-file.json`)).status, 404);
  const sw = await fetch(`${base}sw.js`);
  assert.equal(sw.status, 200);
  assert.equal(sw.headers.get('cache-control'), 'no-cache');
  assert.match(sw.headers.get('content-type'), /javascript/);
});

test('the deployed app lists the sample feed, opens deep links and reloads under the sub-path', async () => {
  const { page, problems, context } = await newPage(browser);
  await page.goto(`${base}tin/${SEED_ID}`);
  await page.locator('h1', { hasText: 'Hội nghị triển khai nhiệm vụ năm 2023' }).waitFor();
  await page.reload();
  await page.locator('h1', { hasText: 'Hội nghị triển khai nhiệm vụ năm 2023' }).waitFor();
  await page.locator('.article-footer a', { hasText: 'Về danh sách tin' }).click();
  await page.waitForURL(base);
  await page.locator('main article.entry').first().waitFor();
  assert.ok((await settledCount(page.locator('main article.entry'))) >= 12);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pre-rendered under the sub-path: nginx serves each page\'s file, the shell for the rest', async () => {
  // As the README says: after deploying (and after each publication), pre-render in place.
  execFileSync(path.join(root, 'scripts', 'prerender.sh'), [siteDir, path.join(siteDir, 'sample-feed.json')], { stdio: 'pipe' });
  const article = await fetch(`${base}tin/${SEED_ID}`);
  assert.equal(article.status, 200);
  assert.equal(article.headers.get('cache-control'), 'no-cache', 'revalidated like index.html');
  const html = await article.text();
  assert.ok(html.includes(`data-prerendered="/tin-tuc/tin/${SEED_ID}"`), 'the article\'s own pre-rendered file');
  assert.ok(html.includes('<h1>Hội nghị triển khai nhiệm vụ năm 2023'));
  assert.ok(html.includes(`href="/tin-tuc/chuyen-muc/tin-hoat-dong"`), 'links carry the sub-path');
  const section = await (await fetch(`${base}chuyen-muc/tin-hoat-dong`)).text();
  assert.ok(section.includes('data-prerendered="/tin-tuc/chuyen-muc/tin-hoat-dong"'));
  const home = await (await fetch(base)).text();
  assert.ok(home.includes('data-prerendered="/tin-tuc/"') && home.includes('class="entry-title"'));
  for (const unknown of ['tin/khong-co-bai-nay', 'tim-kiem?q=lao', 'no/such/page']) {
    const r = await fetch(base + unknown);
    assert.equal(r.status, 200, unknown);
    const body = await r.text();
    assert.ok(body.includes('<div id="app"></div>') && !body.includes('data-prerendered'), `${unknown}: the app shell`);
  }
  const sw = await (await fetch(`${base}sw.js`)).text();
  assert.match(sw, /"app\.html"/);
  assert.doesNotMatch(sw, /"index\.html"/);
  // In a browser: the static article, then the live app in its place, under the sub-path.
  const { page, problems, context } = await newPage(browser);
  await page.goto(`${base}tin/${SEED_ID}`);
  await page.waitForFunction(() => !document.querySelector('[data-prerendered]'));
  await page.locator('.article-footer a', { hasText: 'Về danh sách tin' }).click();
  await page.waitForURL(base);
  await page.locator('main article.entry').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
