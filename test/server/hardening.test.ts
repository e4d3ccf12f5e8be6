import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { deskOrder, deskRepQuote } from '../engine/orders/orderFixture.ts';
import { MANAGER_TOKEN, REP_TOKEN, tempDb } from './serverProcess.ts';

// Issue 16, the backend under attack: one regression test per defect, each named after it.
// The server runs in this process on a fresh SQLite file, with a clock the tests move.

let now = Date.now();
let tick = 0; // ms added on every reading of the clock (defect 9 makes it move a second a call)
const clock = () => {
  now += tick;
  return new Date(now);
};
let server: RunningServer;
beforeAll(async () => {
  server = await startServer(
    {
      ...DEFAULT_CONFIG,
      port: 0,
      database: { kind: 'sqlite', file: tempDb() },
      users: [
        { token: REP_TOKEN, name: 'Rita Rep', role: 'rep' },
        { token: MANAGER_TOKEN, name: 'Mara Manager', role: 'manager' },
      ],
      verifyWorkers: 0,
      requestTimeout: 400,
    },
    { clock },
  );
});
afterAll(() => server?.close());

const asRep = { authorization: `Bearer ${REP_TOKEN}` };
const asManager = { authorization: `Bearer ${MANAGER_TOKEN}` };
const json = { 'content-type': 'application/json' };
type Answer = { status: number; body: any; text: string };
async function send(
  method: string,
  path: string,
  body?: string | object,
  headers: Record<string, string> = json,
): Promise<Answer> {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await r.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: r.status, body: parsed, text };
}
/** Raw HTTP/1.1 over a socket: what fetch cannot send (bad encodings, huge headers, a stalled body). */
function raw(request: string | Buffer): Promise<string> {
  const { port } = server;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    socket.write(request);
  });
}
const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
const today = () => new Date(now).toISOString().slice(0, 10);
const order = (key: string) =>
  deskOrder(key, 3, 'order', new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'));
const repQuote = async (over = {}) => {
  const r = await send(
    'POST',
    '/api/quotes',
    deskRepQuote({ pricing: { date: today(), currency: 'EUR' }, ...over }),
    { ...json, ...asRep },
  );
  expect(r.status).toBe(201);
  return r.body as { number: string; revision: number; shareToken: string; quoted: any };
};

describe('issue 16: the backend under attack', () => {
  it('defect 1: a client key cannot hijack a customer’s acceptance (server keys have their own namespace)', async () => {
    const q = await repQuote();
    const attack = order(`quote-accept-${q.number}-r1`);
    const planted = await send('POST', '/api/orders', attack);
    expect(planted.status).toBe(201);
    const accepted = await send('POST', `/api/shared/quotes/${q.shareToken}/accept`, {});
    expect(accepted.status).toBe(201);
    expect(accepted.body.number).not.toBe(planted.body.number);
    expect(accepted.body.totals.total).toBe(q.quoted.totals.total);
    // and a retry replays the customer's order, not the attacker's
    const again = await send('POST', `/api/shared/quotes/${q.shareToken}/accept`, {});
    expect(again.body.number).toBe(accepted.body.number);
  });

  it.each([
    ['text/plain', '{"revision":1}', { 'content-type': 'text/plain' }, 415],
    ['an empty JSON body', '', json, 400],
    ['null', 'null', json, 400],
    ['an array', '[1]', json, 400],
    ['a scalar', '1', json, 400],
  ])(
    'defect 2: approve and duplicate refuse %s instead of reading it as {} (the latest revision)',
    async (_, body, headers, status) => {
      const q = await repQuote();
      for (const action of ['approve', 'duplicate']) {
        const r = await send('POST', `/api/quotes/${q.number}/${action}`, body, {
          ...headers,
          ...asManager,
        });
        expect(r.status).toBe(status);
        expect(r.body.error.code).toEqual(expect.any(String));
        expect(r.body.error.message).toEqual(expect.any(String));
      }
    },
  );

  it('defect 2: no body at all still means the latest revision', async () => {
    const q = await repQuote();
    const r = await send('POST', `/api/quotes/${q.number}/duplicate`, undefined, asRep);
    expect(r.status).toBe(201);
    expect(r.body.duplicateOf).toEqual({ number: q.number, revision: 1 });
  });

  it('defect 5: deeply nested JSON is a 400 naming the path, not a 500', async () => {
    const deep = '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    for (const path of ['/api/orders', '/api/quotes']) {
      const r = await send('POST', path, deep, { ...json, ...asRep });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('JSON_TOO_DEEP');
      expect(r.body.error.issues[0].path).toMatch(/^\$\.a(\[0\])+$/);
    }
  });

  it('defect 8: a connection with an incomplete body gets 408 in the JSON error shape', async () => {
    const r = await raw(
      'POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    );
    expect(r).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(r)).toEqual({
      error: { code: 'REQUEST_TIMEOUT', message: expect.stringContaining('400 ms') },
    });
  });

  it('defect 9: parallel retries of one accept all get the one order (createdAt moving every second)', async () => {
    const q = await repQuote();
    tick = 1000;
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          send('POST', `/api/shared/quotes/${q.shareToken}/accept`, {}),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((a) => a.body.number)).size).toBe(1);
    } finally {
      tick = 0;
    }
  });

  it.each([
    ['month 13', '2026-13-01T09:00:00Z'],
    ['February 30', '2026-02-30T09:00:00Z'],
    ['offset +99:99', '2026-02-03T09:00:00+99:99'],
    ['hour 24', '2026-02-03T24:00:00Z'],
  ])('defect 10: createdAt with %s is refused naming $.createdAt', async (_, createdAt) => {
    const r = await send('POST', '/api/orders', { ...order('bad-date-' + createdAt), createdAt });
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain('$.createdAt');
  });

  it('defect 10: ?since=2026-02-30 is refused', async () => {
    for (const path of ['/api/orders', '/api/quotes']) {
      const r = await send('GET', `${path}?since=2026-02-30`, undefined, asRep);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('QUERY_INVALID');
    }
  });

  it('defect 11: framework errors use {"error":{code,message}}', async () => {
    const badUrl = await raw('GET /api/models/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(badUrl).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(badUrl).error.code).toBe('BAD_URL');
    const long = await send('GET', `/api/models/${'x'.repeat(200)}`);
    expect(long.status).toBe(414);
    expect(long.body.error).toEqual({ code: 'URL_TOO_LONG', message: expect.any(String) });
    const headers = await raw(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
    );
    expect(headers).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(headers).error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('defect 11: a __proto__ key is named as such, malformed JSON says where', async () => {
    const proto = await send('POST', '/api/orders', '{"lines":[{"__proto__":{"x":1}}]}');
    expect(proto.status).toBe(400);
    expect(proto.body.error.code).toBe('JSON_UNSAFE_KEY');
    expect(proto.body.error.issues[0].path).toBe('$.lines[0].__proto__');
    const broken = await send('POST', '/api/orders', '{\n  "kind": "order",\n  "lines": [1,,2]\n}');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_JSON');
    expect(broken.body.error.message).toContain('line 3, column 15');
  });

  it('defect 12: a stored rep quote payload is not replayed without a token, and a 409 names no number', async () => {
    const p = deskOrder(
      'rep-quote-key-0001',
      3,
      'quote',
      new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
    );
    const stored = await send('POST', '/api/quotes', p, { ...json, ...asRep });
    expect(stored.status).toBe(201);
    const anonymous = await send('POST', '/api/quotes', p);
    expect(anonymous.status).toBe(401);
    expect(anonymous.text).not.toContain(stored.body.number);
    const other = await send('POST', '/api/quotes', { ...p, kind: 'quote-request' });
    expect(other.status).toBe(409);
    expect(other.text).not.toContain(stored.body.number);
  });

  it('defect 16: invalid UTF-8 is refused, not decoded; long texts are refused naming the path', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"kind":"order","note":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const r = await raw(
      Buffer.concat([
        Buffer.from(
          `POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${bytes.length}\r\n\r\n`,
        ),
        bytes,
      ]),
    );
    expect(r).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(r).error.code).toBe('INVALID_UTF8');
    const p = order('long-line-id-0001');
    const long = await send('POST', '/api/orders', {
      ...p,
      lines: [{ ...p.lines[0], lineId: 'L'.repeat(1000) }, ...p.lines.slice(1)],
      customer: { ...p.customer, notes: 'n'.repeat(20_000) },
    });
    expect(long.status).toBe(400);
    const paths = long.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.lines[0].lineId', '$.customer.notes']));
  });

  it('clock seam: "today" is the plant’s date, not a UTC slice', async () => {
    const saved = now;
    // 23:30 UTC on 7 December is already 8 December in Berlin, where desks are made.
    now = Date.parse('2026-12-07T23:30:00Z');
    try {
      const q = await repQuote({ validUntil: '2026-12-07' });
      const r = await send('POST', `/api/shared/quotes/${q.shareToken}/accept`, {});
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('QUOTE_EXPIRED');
    } finally {
      now = saved;
    }
  });
});

describe('issue 16: start-up', () => {
  it('defect 4: start-up failing after the database opened (port in use) rejects and leaves nothing open', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(
        startServer({
          ...DEFAULT_CONFIG,
          port,
          database: { kind: 'sqlite', file: tempDb() },
          verifyWorkers: 1,
        }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });

  it('defect 17: the verifier threads are warm when the server listens', async () => {
    const s = await startServer({
      ...DEFAULT_CONFIG,
      port: 0,
      database: { kind: 'sqlite', file: tempDb() },
      verifyWorkers: 2,
    });
    try {
      expect(s.verifier.warm()).toBe(2);
    } finally {
      await s.close();
    }
  });
});
