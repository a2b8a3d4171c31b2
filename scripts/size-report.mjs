#!/usr/bin/env node
// Prints the size of the app in dist/: raw, gzip (level 9) and brotli (quality 11) bytes of
// the HTML, JavaScript, WebAssembly and CSS a browser downloads to start the app.
// Usage: node scripts/size-report.mjs [dist-dir] [--json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) || 'dist');

const KINDS = { '.html': 'HTML', '.js': 'JS', '.wasm': 'WebAssembly', '.css': 'CSS' };

export function sizeReport(dir) {
  const rows = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const kind = KINDS[path.extname(name)];
    const file = path.join(dir, name);
    if (!kind || !fs.statSync(file).isFile()) continue;
    // The service worker is not part of the first download.
    if (name === 'sw.js') continue;
    const body = fs.readFileSync(file);
    rows.push({
      kind,
      file: name,
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}

function table({ rows, total }) {
  const pad = (s, n) => String(s).padStart(n);
  const lines = [`${'kind'.padEnd(12)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}  file`];
  for (const r of rows) {
    lines.push(`${r.kind.padEnd(12)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}  ${r.file}`);
  }
  lines.push(`${'total'.padEnd(12)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(dist)) {
    console.error(`${dist} does not exist: run trunk build --release first`);
    process.exit(1);
  }
  const report = sizeReport(dist);
  console.log(asJson ? JSON.stringify(report, null, 2) : table(report));
}
