// The hostile corpus as a feed, and what must never be in a page that shows it: shared by the
// live view's test (hostile.test.mjs) and the pre-rendered pages' (prerender.test.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fixtures } from './project.mjs';

export const vectors = JSON.parse(fs.readFileSync(path.join(fixtures, 'hostile', 'vectors.json'), 'utf8'));

export const hostileFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Nguồn tin độc hại',
  items: vectors.map((v, i) => ({
    id: v.id,
    title: v.id,
    content_html: `<p>Trước</p>${v.html}<p>Sau</p>`,
    date_published: new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString(),
  })),
};

/** Hooks every way a page can show a dialog, and records it. */
export async function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.exposeBinding('__calledDialog', (_s, what) => dialogs.push(what));
  await page.addInitScript(() => {
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => window.__calledDialog(`${name}(${args.join(',')})`);
    }
  });
  return dialogs;
}

/** Everything that must not be in the page after an article is shown. */
export function inspectPage(appScripts) {
  const problems = [];
  const scripts = document.querySelectorAll('script').length;
  if (scripts !== appScripts) problems.push(`${scripts} script elements (the app has ${appScripts})`);
  const dangerous = /^(javascript|vbscript|data):/;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${el.localName}[${name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'cite', 'background', 'srcdoc'].includes(name)) {
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (dangerous.test(value) || name === 'srcdoc') problems.push(`${el.localName}[${name}=${attr.value.slice(0, 40)}]`);
      }
    }
  }
  const body = document.querySelector('.article-body');
  if (!body) problems.push('no article body');
  else {
    const banned = body.querySelectorAll('script,style,iframe,frame,frameset,object,embed,form,input,button,select,textarea,base,meta,link,svg,math,template,noscript,portal,video,audio');
    for (const el of banned) problems.push(`<${el.localName}> in the article`);
    // The app's own classes are the only ones allowed: the note for a picture that failed to
    // load, and the box a table scrolls in (a div with exactly the attributes the app gives it).
    for (const el of body.querySelectorAll('[style],[class]:not(.image-offline):not(div.table-scroll),[id]')) problems.push(`<${el.localName}> keeps style/class/id`);
    for (const el of body.querySelectorAll('div.table-scroll')) {
      const names = el.getAttributeNames().sort().join(' ');
      if (names !== 'aria-label class role tabindex' || el.firstElementChild?.localName !== 'table') problems.push(`table box with ${names}`);
    }
    for (const a of body.querySelectorAll('a')) if (a.rel !== 'noopener noreferrer nofollow') problems.push(`link without rel: ${a.href}`);
    for (const img of body.querySelectorAll('img')) if (img.referrerPolicy !== 'no-referrer') problems.push(`image with referrer: ${img.src}`);
  }
  return problems;
}

