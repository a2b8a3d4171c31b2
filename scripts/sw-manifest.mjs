#!/usr/bin/env node
// Writes dist/sw.js: the service worker template (sw/service-worker.js) prefixed with this
// build's precache list and a version computed from the contents of those files. Run by trunk
// after every build (a post_build hook in Trunk.toml, on its staging directory); run it by hand
// on a dist/ directory after editing its index.html, so that readers get the edited page.
// Usage: node scripts/sw-manifest.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || path.join(root, 'dist'));

// The app shell: what the app needs to start with no network.
const SHELL = (name) => name === 'index.html'
  || /\.(js|wasm|css)$/.test(name) && name !== 'sw.js'
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

const files = walk(dir).filter(SHELL).sort();
if (!files.includes('index.html')) {
  console.error(`sw-manifest: no index.html in ${dir}`);
  process.exit(1);
}
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
console.log(`sw-manifest: ${files.length} files, ${bytes} bytes precached, version ${version}`);
