import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

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
  close(): Promise<void>;
}

/**
 * Serves the demo pages like an embedder's site would: `/madeto/` the built embed files,
 * `/embed/` the pages, `/catalogue/` the documents, `/vendor/require.js`. The `csp*.html` pages get
 * the strict policy header and a fresh nonce per response.
 */
export async function startDemoServer(root: string, built: string): Promise<DemoServer> {
  const mounts: [string, string][] = [
    ['/madeto/', built],
    ['/embed/', join(root, 'public/embed')],
    ['/catalogue/', join(root, 'public/catalogue')],
  ];
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
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
        res.writeHead(200, headers).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
