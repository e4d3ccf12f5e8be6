import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskRepQuote } from '../engine/orders/orderFixture.ts';
import { addUser, signIn } from './quoteJourney.ts';
import {
  MANAGER_TOKEN,
  REP_TOKEN,
  codeOf,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from './serverProcess.ts';

/**
 * `Idempotency-Key` on the rep quote saves of `madeto serve` (`POST /api/quotes`, `POST
 * /api/quotes/:number/revisions`): a retried save answers the first answer and saves nothing
 * more; another request under a used key is refused; keys belong to their user.
 */
let server: ServerProcess;
const file = tempDb();
beforeAll(async () => {
  server = await startServerProcess(file);
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

type Json = Record<string, unknown>;
const asRep = `Bearer ${REP_TOKEN}`;
const asManager = `Bearer ${MANAGER_TOKEN}`;
const post = async (path: string, body: unknown, key?: string, authorization = asRep) => {
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization,
      'content-type': 'application/json',
      ...(key !== undefined && { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  });
  return {
    status: r.status,
    replayed: r.headers.get('idempotent-replayed') === 'true',
    text: await r.clone().text(),
    body: (await r.json()) as Json,
  };
};
const revisionsOf = async (number: string) => {
  const r = await fetch(`${server.url}/api/quotes/${number}`, {
    headers: { authorization: asRep },
  });
  return ((await r.json()) as Json)['revisions'];
};
const quote = (notes: string) => deskRepQuote({ notes });
let keys = 0;
const freshKey = () => `test-key-${process.pid}-${(keys += 1)}`;
/** A new quote (revision 1, no key) to revise. */
const newQuote = async (): Promise<string> =>
  (await post('/api/quotes', quote('to revise'))).body['number'] as string;

describe('a retried save with the same Idempotency-Key and body', () => {
  it.each([
    ['POST /api/quotes', async (): Promise<string> => '/api/quotes', 1, [1]],
    [
      'POST /api/quotes/:number/revisions',
      async (): Promise<string> => `/api/quotes/${await newQuote()}/revisions`,
      2,
      [1, 2],
    ],
  ] as const)(
    '%s answers the first answer (201, same number and revision) and saves once',
    async (_, path, revision, revisions) => {
      const target = await path();
      const key = freshKey();
      const first = await post(target, quote('retried'), key);
      const again = await post(target, quote('retried'), key);
      expect([first.status, first.replayed, first.body['revision']]).toEqual([
        201,
        false,
        revision,
      ]);
      expect([again.status, again.replayed, again.text]).toEqual([201, true, first.text]);
      expect(await revisionsOf(first.body['number'] as string)).toEqual(revisions);
    },
  );

  it('answers concurrent attempts with one saved quote', async () => {
    const key = freshKey();
    const answers = await Promise.all(
      [1, 2, 3].map(() => post('/api/quotes', quote('concurrent'), key)),
    );
    const numbers = new Set(answers.map((a) => a.body['number']));
    expect([answers.map((a) => a.status), numbers.size]).toEqual([[201, 201, 201], 1]);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  });
});

describe('what a key is and whose it is', () => {
  it.each([
    [
      'the same key, another body',
      422,
      'IDEMPOTENCY_KEY_REUSED',
      quote('other'),
      '/api/quotes',
      asRep,
    ],
    [
      'the same key and body, another quote',
      422,
      'IDEMPOTENCY_KEY_REUSED',
      quote('first'),
      'revisions',
      asRep,
    ],
    [
      'the same key and body, another user',
      201,
      undefined,
      quote('first'),
      '/api/quotes',
      asManager,
    ],
  ] as const)('%s → %i %s', async (_, status, code, body, path, authorization) => {
    const key = freshKey();
    const first = await post('/api/quotes', quote('first'), key);
    const target =
      path === 'revisions' ? `/api/quotes/${first.body['number'] as string}/revisions` : path;
    const second = await post(target, body, key, authorization);
    expect([second.status, codeOf(second), second.replayed]).toEqual([status, code, false]);
    if (status === 201) expect(second.body['number']).not.toBe(first.body['number']);
    if (code) expect((second.body['error'] as Json)['message']).toContain(key);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'a key'],
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'schlüssel'],
  ])('an Idempotency-Key %s → 400 IDEMPOTENCY_KEY_INVALID', async (_, key) => {
    const r = await fetch(`${server.url}/api/quotes`, {
      method: 'POST',
      headers: { authorization: asRep, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(quote('bad key')),
    });
    const body = (await r.json()) as Json;
    expect([r.status, codeOf({ body })]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
  });

  it('a refused save stores nothing: the same key works once the body is fixed', async () => {
    const key = freshKey();
    const bad = await post('/api/quotes', { ...quote('x'), lines: [] }, key);
    const good = await post('/api/quotes', quote('fixed'), key);
    expect([bad.status, good.status, good.replayed]).toEqual([400, 201, false]);
  });
});

describe('an answer lost after the save', () => {
  it('is made again from the saved revision, with the same number and revision', async () => {
    const key = freshKey();
    const first = await post('/api/quotes', quote('lost answer'), key);
    const db = new Database(file);
    try {
      db.prepare(
        'UPDATE quote_idempotency SET response = NULL, status_code = NULL WHERE key = ?',
      ).run(key);
    } finally {
      db.close();
    }
    const again = await post('/api/quotes', quote('lost answer'), key);
    expect([again.status, again.replayed]).toEqual([201, true]);
    expect([again.body['number'], again.body['revision'], again.body['revisions']]).toEqual([
      first.body['number'],
      1,
      [1],
    ]);
  });
});

describe('keys belong to the signed-in user, by user id', () => {
  it('two users of the same name and role each save under the same key', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const sessions = [];
    for (const n of [1, 2]) {
      const user = addUser(file, {
        role: 'rep',
        name: 'Sam Same',
        email: `sam${n}-${tag}@test.example`,
      });
      sessions.push(await signIn(server.url, user.email, user.password));
    }
    const key = freshKey();
    const answers = [];
    for (const s of sessions) {
      const r = await fetch(`${server.url}/api/quotes`, {
        method: 'POST',
        headers: { ...s.headers, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(quote('same key, same name')),
      });
      answers.push({
        status: r.status,
        replayed: r.headers.get('idempotent-replayed') === 'true',
        number: ((await r.json()) as Json)['number'],
      });
    }
    expect(answers.map((a) => [a.status, a.replayed])).toEqual([
      [201, false],
      [201, false],
    ]);
    expect(answers[0]!.number).not.toBe(answers[1]!.number);
    // Each user's own retry is still answered with their first answer.
    const again = await fetch(`${server.url}/api/quotes`, {
      method: 'POST',
      headers: {
        ...sessions[1]!.headers,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(quote('same key, same name')),
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Json)['number']).toBe(answers[1]!.number);
  });
});
