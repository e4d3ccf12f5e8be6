import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/** A running "CDN": the built embed files on an origin of their own, and the paths asked for. */
export interface CdnServer {
  /** `http://127.0.0.1:<port>`: another port than the shop's, so another origin. */
  origin: string;
  /** Where the files are, e.g. `http://127.0.0.1:4321/madeto/v1/`. */
  base: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `dir` (the `embed/` output of `buildEmbed`) under `/madeto/v1/` like a public CDN would:
 * JavaScript with `Access-Control-Allow-Origin: *` (as jsDelivr, unpkg and cdnjs send), anything
 * else 404. The shop's pages stay on the demo server's origin.
 */
export async function startCdnServer(dir: string): Promise<CdnServer> {
  const prefix = '/madeto/v1/';
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (!path.startsWith(prefix) || !path.endsWith('.js')) return void res.writeHead(404).end();
    const file = join(dir, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''));
    readFile(file).then(
      (content) =>
        res
          .writeHead(200, {
            'Content-Type': 'text/javascript; charset=utf-8',
            'Access-Control-Allow-Origin': '*',
          })
          .end(content),
      () => res.writeHead(404).end(),
    );
  });
  const { origin, close } = await listen(server);
  return { origin, base: origin + prefix, requests, close };
}

/** One page a `ShopServer` serves: its HTML and response headers (a CSP, say). */
export interface ShopPage {
  html: string;
  headers?: Record<string, string>;
}

/** A shop's own site on its own origin: one page, the rest forwarded to the demo server. */
export interface ShopServer {
  origin: string;
  /** What `GET /shop.html` answers (404 while unset). */
  page: ShopPage | undefined;
  close(): Promise<void>;
}

/**
 * Serves a shop page at `/shop.html` and forwards every other request (`/catalogue/`, `/embed/`)
 * to `demo`, a real HTTP origin. A page fulfilled by a Playwright route would not do: Chromium
 * treats it as public and blocks its scripts from loopback addresses (Local Network Access).
 */
export async function startShopServer(demo: string): Promise<ShopServer> {
  const shop: { page: ShopPage | undefined } = { page: undefined };
  const server = createServer((req, res) => {
    if (req.url === '/shop.html') {
      if (!shop.page) return void res.writeHead(404).end();
      const headers = { 'Content-Type': 'text/html; charset=utf-8', ...shop.page.headers };
      return void res.writeHead(200, headers).end(shop.page.html);
    }
    const upstream = request(new URL(req.url ?? '/', demo), { method: req.method }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const { origin, close } = await listen(server);
  return Object.assign(shop, { origin, close });
}

async function listen(server: Server): Promise<{ origin: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
