import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { MailCatcher } from '../../src/server/mail/mailCatcher.ts';

/** The rep token the test servers are started with (a rep named `REP_NAME`). */
export const REP_TOKEN = 'test-rep-token-0123456789';
export const REP_NAME = 'Rita Rep';
/** The manager token the test servers are started with (a manager named `MANAGER_NAME`). */
export const MANAGER_TOKEN = 'test-manager-token-9876543210';
export const MANAGER_NAME = 'Mara Manager';
export const SHOP_ORIGIN = 'https://shop.example';

const bin = new URL('../../bin/madeto.js', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

/** A `madeto serve` child process on a free port. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Sends `signal` and waits for the process to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago (for a server that must get a fixed one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A fresh temporary SQLite file path. */
export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'madeto-serve-')), 'orders.sqlite');
}

/**
 * Starts the real CLI (`node bin/madeto.js serve --port 0 --db <file>`) and resolves with its URL
 * once it prints that it listens. `db` is a SQLite file, or a `postgres://` URL (DATABASE_URL);
 * `env` adds to its environment (e.g. the mail settings).
 */
export function startServerProcess(
  db: string,
  extra: readonly string[] = [],
  port = 0,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--port',
      String(port),
      ...(db.startsWith('postgres://') ? [] : ['--db', db]),
      '--origin',
      SHOP_ORIGIN,
      ...extra,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        MADETO_REP_TOKEN: REP_TOKEN,
        MADETO_REP_NAME: REP_NAME,
        MADETO_MANAGER_TOKEN: MANAGER_TOKEN,
        MADETO_MANAGER_NAME: MANAGER_NAME,
        DATABASE_URL: db.startsWith('postgres://') ? db : '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000); // never leave a server behind
    await exited;
    clearTimeout(hard);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, child, stop });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`madeto serve exited (${code}) before listening: ${err}`)),
    );
  });
}

/** The mail settings a test server is started with (its SMTP server is `catcher`). */
export const mailEnv = (catcher: MailCatcher) => ({
  MADETO_SMTP_URL: catcher.url,
  MADETO_MAIL_FROM: '"Madeto test" <sales@test.example>',
  MADETO_PUBLIC_URL: 'http://shop.test/quotes/',
});

/**
 * Runs `scenario` against a `madeto serve` started for it on `db` (a SQLite file or a
 * `postgres://` URL), and stops the server after it, whether it passed or not.
 */
export async function onServer(
  db: string,
  scenario: (server: ServerProcess) => Promise<void>,
): Promise<void> {
  const server = await startServerProcess(db);
  try {
    await scenario(server);
  } finally {
    await server.stop();
  }
}

/**
 * As `onServer`, with the server's mail sent to a local SMTP server (`mailEnv`) that `scenario`
 * reads; both are stopped after it.
 */
export async function onMailingServer(
  db: string,
  scenario: (server: ServerProcess, catcher: MailCatcher) => Promise<void>,
): Promise<void> {
  const catcher = await MailCatcher.start();
  try {
    const server = await startServerProcess(db, [], 0, mailEnv(catcher));
    try {
      await scenario(server, catcher);
    } finally {
      await server.stop();
    }
  } finally {
    await catcher.close();
  }
}

/** Bearer headers of the test rep and the test manager. */
export const asRep = { authorization: `Bearer ${REP_TOKEN}` };
export const asManager = { authorization: `Bearer ${MANAGER_TOKEN}` };

/** A JSON answer: its status and parsed body. */
export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A JSON call to `server` as the rep unless `headers` say otherwise; `body` (when given) is sent
 * as JSON.
 */
export function jsonCaller(server: () => ServerProcess) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = asRep,
  ): Promise<JsonAnswer> => {
    const r = await fetch(`${server().url}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
}

/** The `error.code` of a JSON error answer. */
export const codeOf = (r: { body: Record<string, unknown> }) =>
  (r.body['error'] as { code: string } | undefined)?.code;

/**
 * A `madeto serve` on a fresh SQLite file for the calling test file: started before its tests,
 * stopped after them. Returns the JSON caller of that server (as `jsonCaller`).
 */
export function serverForTests(): ReturnType<typeof jsonCaller> {
  let server: ServerProcess | undefined;
  // A loaded CI machine may take more than the default 10 s to start a server (tsx, warm threads).
  beforeAll(async () => {
    server = await startServerProcess(tempDb());
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  return jsonCaller(() => {
    if (!server)
      throw new Error(
        'the test server has not started (call serverForTests() at the top of the file)',
      );
    return server;
  });
}
