#!/usr/bin/env node
// Draws the app's PNG icons from public/icons/icon.svg with Chromium (no image tools needed):
// icon-192.png and icon-512.png (rounded, "any"), icon-maskable-512.png (full bleed, the glyph
// inside the 80% safe zone) and apple-touch-icon.png (180 px, full bleed).
// Usage: node scripts/make-icons.mjs   (the PNGs are committed; run again after editing the SVG)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const icons = path.join(root, 'public', 'icons');
const svg = fs.readFileSync(path.join(icons, 'icon.svg'), 'utf8');
// The glyph without its rounded background, for full-bleed icons.
const glyph = svg.replace(/<rect width="64" height="64" rx="14" fill="#0b5cad"\/>/, '');

const browser = await launch();
async function render(file, size, html) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<!doctype html><style>html,body{margin:0;width:${size}px;height:${size}px;overflow:hidden}svg{display:block}</style>${html}`);
  await page.screenshot({ path: path.join(icons, file), omitBackground: true });
  await page.close();
  console.log(`${file} ${fs.statSync(path.join(icons, file)).size} bytes`);
}
const sized = (s, size) => s.replace('width="64" height="64"', `width="${size}" height="${size}"`);
await render('icon-192.png', 192, sized(svg, 192));
await render('icon-512.png', 512, sized(svg, 512));
const fullBleed = (size, inset) => `<div style="width:${size}px;height:${size}px;background:#0b5cad;display:grid;place-items:center">${sized(glyph, Math.round(size * inset))}</div>`;
await render('icon-maskable-512.png', 512, fullBleed(512, 0.8));
await render('apple-touch-icon.png', 180, fullBleed(180, 0.9));
await browser.close();
