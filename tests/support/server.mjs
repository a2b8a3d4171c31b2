// A small static server for tests and benchmarks: serves a built dist/ on 127.0.0.1 the way
// a static host with an SPA fallback does (a path's own file, then its folder's index.html for
// pre-rendered pages, then the app shell: app.html beside pre-rendered pages, else index.html),
// optionally under a sub-path, plus the test fixtures under /fixtures/.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server. Options:
 *  - root: the directory to serve (dist/).
 *  - prefix: a sub-path such as '/tin-tuc' (default '' = the host's root).
 *  - fixtures: a directory served under `${prefix}/fixtures/`.
 *  - port: 0 for any free port.
 *  - rewriteBase: when serving under a prefix, rewrite <base href="/"> in index.html to it.
 *  - handler: (req, res, url) => boolean, called first; return true when it answered.
 *  - transformHtml: (html) => html, applied to every HTML answer (e.g. to remove the CSP).
 * Resolves to { url, port, close(), requests } where requests counts paths served.
 */
export function startServer({ root, prefix = '', fixtures, port = 0, rewriteBase = true, handler, transformHtml } = {}) {
  const requests = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.set(url.pathname, (requests.get(url.pathname) || 0) + 1);
    if (handler && handler(req, res, url)) return;
    if (prefix && !url.pathname.startsWith(prefix + '/') && url.pathname !== prefix) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not under ' + prefix);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || '/';
    let dir = root;
    if (fixtures && rel.startsWith('/fixtures/')) {
      dir = fixtures;
      rel = rel.slice('/fixtures'.length);
    }
    const file = path.join(dir, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir)) {
      res.writeHead(403);
      res.end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (!err && stat.isFile()) return send(res, file, req);
      if (dir === root && !path.extname(rel)) {
        const page = path.join(file, 'index.html');
        if (fs.existsSync(page)) return send(res, page, req);
        const shell = path.join(root, 'app.html');
        return send(res, fs.existsSync(shell) ? shell : path.join(root, 'index.html'), req);
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });

  function send(res, file, req) {
    let body = fs.readFileSync(file);
    const ext = path.extname(file);
    if (ext === '.html' && prefix && rewriteBase) {
      body = Buffer.from(body.toString('utf8').replace('<base href="/"', `<base href="${prefix}/"`));
    }
    if (ext === '.html' && transformHtml) {
      body = Buffer.from(transformHtml(body.toString('utf8')));
    }
    const headers = {
      'content-type': TYPES[ext] || 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return new Promise((resolve) => {
    // A test that fails before closing its server must not keep the test file running.
    server.unref();
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}${prefix}/`,
        port: actual,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}
