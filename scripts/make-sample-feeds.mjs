#!/usr/bin/env node
// Writes the RSS 2.0 and Atom 1.0 versions of the sample feed (public/sample-feed.json):
// public/sample-feed.rss.xml and public/sample-feed.atom.xml, the same items in each, written
// the way a careful publisher would. A host test (core/src/feed/tests.rs) checks that the three
// give the same feed. Run it after changing the JSON sample: node scripts/make-sample-feeds.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const feed = JSON.parse(fs.readFileSync(path.join(root, 'public', 'sample-feed.json'), 'utf8'));

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Titles and summaries of the JSON sample may hold character references (`&#8211;`), which
// its readers decode: written here as the characters they are.
const plain = (s) => String(s).replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)));
const cdata = (s) => `<![CDATA[${String(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const rfc822 = (iso) => new Date(iso).toUTCString().replace('GMT', '+0000');
const imageType = (url) => (url.endsWith('.svg') ? 'image/svg+xml' : url.endsWith('.png') ? 'image/png' : 'image/jpeg');
// The sample's addresses are relative to the feed (sample-feed.json sits beside index.html).
const site = feed.home_page_url;

const rssItems = feed.items.map((item) => `    <item>
      <title>${escape(plain(item.title))}</title>
      <link>${escape(item.url)}</link>
      <guid isPermaLink="false">${escape(item.id)}</guid>
      <pubDate>${rfc822(item.date_published)}</pubDate>${item.date_modified ? `
      <atom:updated>${escape(item.date_modified)}</atom:updated>` : ''}
${(item.authors || []).map((a) => `      <dc:creator>${escape(a.name)}</dc:creator>`).join('\n')}
${(item.tags || []).map((t) => `      <category>${escape(t)}</category>`).join('\n')}
      <description>${escape(plain(item.summary))}</description>
      <content:encoded>${cdata(item.content_html)}</content:encoded>${item.image ? `
      <media:content url="${escape(item.image)}" medium="image" type="${imageType(item.image)}" />` : ''}
    </item>`);

const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escape(feed.title)}</title>
    <link>${escape(site)}</link>
    <description>${escape(feed.description)}</description>
    <language>${escape(feed.language)}</language>
    <atom:link rel="self" type="application/rss+xml" href="sample-feed.rss.xml" />
${rssItems.join('\n')}
  </channel>
</rss>
`;

const atomEntries = feed.items.map((item) => `  <entry>
    <id>${escape(item.id)}</id>
    <title type="text">${escape(plain(item.title))}</title>
    <link rel="alternate" type="text/html" href="${escape(item.url)}" />
    <published>${escape(item.date_published)}</published>
    <updated>${escape(item.date_modified || item.date_published)}</updated>
${(item.authors || []).map((a) => `    <author><name>${escape(a.name)}</name></author>`).join('\n')}
${(item.tags || []).map((t) => `    <category term="${escape(t)}" />`).join('\n')}
    <summary type="text">${escape(plain(item.summary))}</summary>
    <content type="html">${escape(item.content_html)}</content>${item.image ? `
    <link rel="enclosure" type="${imageType(item.image)}" href="${escape(item.image)}" />` : ''}
  </entry>`);

const newest = feed.items.map((i) => i.date_modified || i.date_published).sort().at(-1);
const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(feed.language)}">
  <id>${escape(site)}</id>
  <title type="text">${escape(feed.title)}</title>
  <subtitle type="text">${escape(feed.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escape(site)}" />
  <link rel="self" type="application/atom+xml" href="sample-feed.atom.xml" />
  <updated>${newest}</updated>
${atomEntries.join('\n')}
</feed>
`;

fs.writeFileSync(path.join(root, 'public', 'sample-feed.rss.xml'), rss);
fs.writeFileSync(path.join(root, 'public', 'sample-feed.atom.xml'), atom);
console.log('wrote public/sample-feed.rss.xml and public/sample-feed.atom.xml');
