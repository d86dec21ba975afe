// The `foldmark dev` web server: the built site from one folder on 127.0.0.1, under the same strict
// Content-Security-Policy a careful host sends, plus the dev client (/_foldmark/dev.js, added to
// every HTML page here and nowhere else) and its Server-Sent Events stream (/_foldmark/events).
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_PATHS } from '../shared/paths.js';
import { decodeComponent } from '../shared/text.js';

export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.zip': 'application/zip',
};

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', 'shared');
// The dev client and the shared modules it imports (web/site/shared/: names, text rules).
const CLIENT = {
  [DEV_PATHS.client]: { type: TYPES['.js'], body: readFileSync(join(here, 'client.js')) },
  [DEV_PATHS.style]: { type: TYPES['.css'], body: readFileSync(join(here, 'client.css')) },
  ...Object.fromEntries(
    readdirSync(shared)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [`${DEV_PATHS.shared}${f}`, { type: TYPES['.js'], body: readFileSync(join(shared, f)) }]),
  ),
};

const inside = (file, root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Starts serving. options: { root() → the folder to serve, version() → the build number,
 * port, host }. Resolves { server, url, broadcast(event, data), close() } once listening.
 */
export async function startServer({
  root,
  version,
  port = 3000,
  host = '127.0.0.1',
  tryNext = 0,
  onConnect = () => [],
}) {
  const clients = new Set();
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, TYPES['.txt'], `foldmark dev: ${err.message}\n`);
      else res.destroy();
    });
  });

  async function handle(req, res) {
    if (!allowedHost(req.headers.host, server.address().port))
      return send(res, 421, TYPES['.txt'], 'foldmark dev answers only to 127.0.0.1 and localhost\n');
    if (fromAnotherSite(req.headers))
      return send(res, 403, TYPES['.txt'], 'foldmark dev answers other sites only with its pages\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, TYPES['.txt'], 'method not allowed\n', { allow: 'GET, HEAD' });
    const url = new URL(req.url, 'http://localhost');
    const path = decodeComponent(url.pathname, null);
    if (path === null || path.includes('\0') || path.includes('\\'))
      return send(res, 400, TYPES['.txt'], 'bad request\n');
    if (path === DEV_PATHS.events) return events(req, res);
    if (Object.hasOwn(CLIENT, path))
      return send(res, 200, CLIENT[path].type, req.method === 'HEAD' ? '' : CLIENT[path].body);
    const base = await realpath(root());
    const file = resolve(base, `.${path}`);
    if (!inside(file, base)) return send(res, 403, TYPES['.txt'], 'forbidden\n');
    const found = await locate(path.endsWith('/') ? join(file, 'index.html') : file, base);
    // One leading slash only: '//host/' in a Location header would leave this server.
    if (found === 'directory')
      return send(res, 301, TYPES['.txt'], '', { location: `${url.pathname.replace(/^\/+/, '/')}/${url.search}` });
    if (!found) return serveFile(req, res, join(base, '404.html'), 404, version());
    return serveFile(req, res, found, 200, version());
  }

  function events(req, res) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', ...securityHeaders });
    res.write(`retry: 500\n\n`);
    clients.add(res);
    for (const [event, data] of [['hello', { version: version() }], ...onConnect()]) res.write(message(event, data));
    req.on('close', () => clients.delete(res));
  }

  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, 15000);
  keepAlive.unref();

  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise((yes, no) => {
        server.once('error', no);
        server.listen(port + attempt * (port ? 1 : 0), host, () => {
          server.off('error', no);
          yes();
        });
      });
      break;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || attempt >= tryNext) throw err;
    }
  }
  return {
    server,
    url: `http://${host}:${server.address().port}/`,
    broadcast(event, data) {
      for (const res of clients) res.write(message(event, data));
    },
    close() {
      clearInterval(keepAlive);
      for (const res of clients) res.end();
      const closed = new Promise((yes) => server.close(yes));
      server.closeAllConnections(); // idle keep-alive connections would hold close() for seconds
      return closed;
    },
  };
}

const message = (event, data) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

// DNS rebinding: a page on another site that resolves its name to 127.0.0.1 sends its own Host.
function allowedHost(host, port) {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

// Unpublished docs travel as classic scripts, which any page may include (<script src> is not
// bound by the same-origin policy): a request a page of another site (another port included)
// makes is refused, except following a link to a page. Browsers that send no Sec-Fetch-Site
// still honour Cross-Origin-Resource-Policy (securityHeaders).
function fromAnotherSite(headers) {
  const site = headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return false;
  return !(headers['sec-fetch-mode'] === 'navigate' && headers['sec-fetch-dest'] === 'document');
}

// The file to serve for a path: itself, or index.html of a folder ('directory' when the URL lacks
// its trailing slash, so relative links in the page resolve against the folder). Symlinks may not
// lead out of the site.
async function locate(file, base) {
  let info;
  try {
    const real = await realpath(file);
    if (!inside(real, base)) return null;
    info = await stat(real);
  } catch {
    return null;
  }
  if (info.isFile()) return file;
  if (!info.isDirectory()) return null;
  const index = join(file, 'index.html');
  if (
    !(await stat(index).then(
      (s) => s.isFile(),
      () => false,
    ))
  )
    return null;
  return 'directory';
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, ...securityHeaders, ...headers });
  res.end(body);
}

const securityHeaders = {
  'content-security-policy': STRICT_CSP,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

// The dev client goes after the page's own deferred scripts, so the page's receivers exist first.
const NOT_BUILT =
  '<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>foldmark dev</title>\n' +
  '<p>The site is not built yet: fix the problems shown here (and in the terminal) and save.</p>\n';

// The build number tells the client whether it missed a rebuild before its event stream opened.
const devTags = (build) =>
  `<link rel="stylesheet" href="${DEV_PATHS.style}">\n<script src="${DEV_PATHS.client}?build=${build}" defer></script>\n`;

async function serveFile(req, res, file, status, build) {
  let body;
  try {
    body = await readFile(file);
  } catch {
    // Nothing built yet (the first build failed): a page that shows the problems and reloads.
    if (status === 404)
      return send(res, 503, TYPES['.html'], req.method === 'HEAD' ? '' : `${NOT_BUILT}${devTags(build)}`);
    return send(res, 500, TYPES['.txt'], 'cannot read\n');
  }
  const type = TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
  if (type === TYPES['.html']) {
    const html = body.toString('utf8');
    const at = html.search(/<\/head>/i);
    body = at < 0 ? `${devTags(build)}${html}` : `${html.slice(0, at)}${devTags(build)}${html.slice(at)}`;
  }
  return send(res, status, type, req.method === 'HEAD' ? '' : body);
}
