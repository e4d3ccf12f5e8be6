import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The strict policy of the `csp*.html` pages (the documented lines), with the request's nonce. */
export const strictCsp = (nonce: string) =>
  `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; ` +
  `connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'`;

/** A running demo server and the URLs it has been asked for. */
export interface DemoServer {
  origin: string;
  requests: string[];
  /** Where `/api/` is forwarded (a `madeto serve` URL); unset: `/api/` answers 404. */
  api: string | undefined;
  close(): Promise<void>;
}

/** Forwards one request to `target` (same path, method, headers and body) and pipes the answer. */
function forward(target: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = request(
    new URL(req.url ?? '/', target),
    { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
}

/**
 * Serves the demo pages like an embedder's site would: `/madeto/` the built embed files,
 * `/embed/` the pages (`/` redirects to their index), `/catalogue/` the documents,
 * `/vendor/require.js`, gzipped when the browser accepts it. The `csp*.html` pages get the strict
 * policy header and a fresh nonce per response; `/api/` goes to `api` when it is set. Listens on 127.0.0.1:`port` (0: a free one).
 * `npm run demo:embed` runs it on a fresh build; the end-to-end tests and the embed benchmark too.
 */
export async function startDemoServer(
  root: string,
  built: string,
  port = 0,
  api?: string,
): Promise<DemoServer> {
  const mounts: [string, string][] = [
    ['/madeto/', built],
    ['/embed/', join(root, 'public/embed')],
    ['/catalogue/', join(root, 'public/catalogue')],
  ];
  const requests: string[] = [];
  const demo = { api };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (path === '/') return void res.writeHead(302, { Location: '/embed/index.html' }).end();
    if (path.startsWith('/api/') && demo.api) return forward(demo.api, req, res);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const file =
      path === '/vendor/require.js'
        ? join(root, 'node_modules/requirejs/require.js')
        : mount &&
          join(mount[1], normalize(path.slice(mount[0].length)).replace(/^(\.\.[/\\])+/, ''));
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (content) => {
        const headers: Record<string, string> = {
          'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        };
        let body: Buffer | string = content;
        if (/^\/embed\/csp[\w-]*\.html$/.test(path)) {
          const nonce = randomBytes(12).toString('base64');
          headers['Content-Security-Policy'] = strictCsp(nonce);
          body = content.toString('utf8').replaceAll('__CSP_NONCE__', nonce);
        }
        // Compressed like any CDN or shop server would (what the embed benchmark downloads).
        if (
          /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') &&
          !/image\//.test(headers['Content-Type']!)
        ) {
          headers['Content-Encoding'] = 'gzip';
          headers['Vary'] = 'Accept-Encoding';
          body = gzipSync(body);
        }
        res.writeHead(200, headers).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    get api() {
      return demo.api;
    },
    set api(url) {
      demo.api = url;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `npm run demo:embed [-- --port N] [--no-build] [--api URL]`: builds the embed into dist/ (unless
  // --no-build) and serves the demo pages against those built files until stopped.
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const dist = join(root, 'dist');
  if (!args.includes('--no-build')) {
    const { buildEmbed, formatSizes } = await import('./build.ts');
    console.log(formatSizes(await buildEmbed(dist)));
  }
  const port = Number(option('--port') ?? process.env['PORT'] ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `demo:embed: --port must be a port number (0 for a free one), not '${option('--port')}'`,
    );
    process.exit(2);
  }
  const server = await startDemoServer(root, join(dist, 'embed'), port, option('--api'));
  console.log(
    `Embed demo pages on ${server.origin}/embed/ (the built files of dist/embed at /madeto/)`,
  );
  console.log(`  ${server.origin}/embed/shop.html   — Ctrl-C stops`);
}
