#!/usr/bin/env node
// Finishes a built dist/ directory; trunk runs it after every build (post_build hook, on its
// staging directory). Run it by hand on dist/ after editing config.json (a new feed origin)
// or index.html (the <base> line):   node scripts/finalize-dist.mjs dist
// After pre-rendering, only the service worker:   node scripts/finalize-dist.mjs --service-worker dist
//
// 1. Content-Security-Policy: a <meta> tag as strict as the build allows. Scripts only from
//    the app's origin plus the SHA-256 of trunk's inline loader (computed here, never
//    'unsafe-inline'); 'wasm-unsafe-eval' for WebAssembly; connect-src limited to the app's
//    origin and the feed origins in config.json. frame-ancestors cannot be set in a <meta>:
//    send it as a header (deploy/nginx.conf does).
// 2. A preload of the configured feed, so it downloads while the WebAssembly does.
// 3. sw.js: the service worker template (sw/service-worker.js) prefixed with this build's
//    precache list and a version hashed from those files' contents, so every build (and every
//    edit made here) gets a cache of its own.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function contentSecurityPolicy(html, config, { dev = false } = {}) {
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[0].slice(0, m[0].indexOf('>'))));
  let scriptHashes = inline.map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  // Under `trunk serve` only: its live-reload script is rewritten on every response (with the
  // request's Host), so no hash made here can match it. The development server then allows
  // inline scripts; release builds never do.
  if (dev && inline.some((m) => m[1].includes('{{__TRUNK_ADDRESS__}}'))) scriptHashes = ["'unsafe-inline'"];
  const origins = new Set();
  for (const address of [config.feed_url, ...(config.allowed_feed_origins || [])]) {
    if (typeof address !== 'string') continue;
    try {
      const url = new URL(address);
      if (url.protocol === 'https:' || url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // A relative feed address is on the app's own origin: 'self'.
    }
  }
  if (dev) origins.add('ws:');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scriptHashes)].join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' https:",
    `connect-src 'self' ${[...origins].join(' ')}`.trim(),
    "font-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Starts the download of the configured feed together with the app's own files (a preload),
 * instead of after the WebAssembly has started and read config.json: one round trip less
 * before the first headline.
 */
export function writeFeedPreload(dir) {
  const indexPath = path.join(dir, 'index.html');
  let html = fs.readFileSync(indexPath, 'utf8');
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  html = html.replace(/\s*<link rel="preload" [^>]*data-ban-tin-feed[^>]*>/, '');
  const feed = typeof config.feed_url === 'string' && config.feed_url.trim() ? config.feed_url.trim() : 'sample-feed.json';
  const escaped = feed.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const tag = `<link rel="preload" href="${escaped}" as="fetch" crossorigin="anonymous" data-ban-tin-feed />`;
  html = html.replace(/(<link rel="preload" href="config.json"[^>]*>)/, `$1\n    ${tag}`);
  fs.writeFileSync(indexPath, html);
}

export function writeCsp(dir, { dev = false } = {}) {
  const indexPath = path.join(dir, 'index.html');
  let html = fs.readFileSync(indexPath, 'utf8');
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const policy = contentSecurityPolicy(html, config, { dev });
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (!/<meta charset="utf-8" \/>/i.test(html)) throw new Error('index.html has no <meta charset="utf-8" /> to put the policy after');
  html = html.replace(/(<meta charset="utf-8" \/>)/i, `$1\n    ${tag}`);
  fs.writeFileSync(indexPath, html);
  return policy;
}

// The app shell: what the app needs to start with no network. Once pages are pre-rendered
// (scripts/prerender.sh), index.html is the home page and the shell is app.html: only the
// shell is precached, so a new publication does not make a new version of the worker.
const isShell = (name, all) => name === (all.includes('app.html') ? 'app.html' : 'index.html')
  || (/\.(js|wasm|css)$/.test(name) && name !== 'sw.js')
  || name === 'manifest.webmanifest'
  || name.startsWith('icons/');

function walk(base, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(base, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(base, name));
    else out.push(name);
  }
  return out;
}

export function writeServiceWorker(dir) {
  const all = walk(dir);
  const files = all.filter((name) => isShell(name, all)).sort();
  if (!files.includes('index.html') && !files.includes('app.html')) throw new Error(`no index.html in ${dir}`);
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for (const file of files) {
    const body = fs.readFileSync(path.join(dir, file));
    bytes += body.length;
    hash.update(file).update('\0').update(body).update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  const template = fs.readFileSync(path.join(root, 'sw', 'service-worker.js'), 'utf8');
  const header = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(files, null, 1)};\n`;
  fs.writeFileSync(path.join(dir, 'sw.js'), header + template);
  return { files: files.length, bytes, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const onlyWorker = args.includes('--service-worker');
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) || process.env.TRUNK_STAGING_DIR || path.join(root, 'dist'));
  if (onlyWorker) {
    // After pre-rendering (scripts/prerender.sh): the pages changed, the policy did not.
    const sw = writeServiceWorker(dir);
    console.log(`finalize-dist: sw.js ${sw.files} files, ${sw.bytes} bytes precached, version ${sw.version}`);
    process.exit(0);
  }
  const dev = process.env.TRUNK_PROFILE === 'debug';
  writeFeedPreload(dir);
  const policy = writeCsp(dir, { dev });
  const sw = writeServiceWorker(dir);
  console.log(`finalize-dist: CSP ${policy}`);
  console.log(`finalize-dist: sw.js ${sw.files} files, ${sw.bytes} bytes precached, version ${sw.version}`);
}
