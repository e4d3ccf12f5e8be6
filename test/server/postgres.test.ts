import { expect, it } from 'vitest';
import { deskOrder, deskRepQuote } from '../engine/orders/orderFixture.ts';
import {
  MANAGER_NAME,
  MANAGER_TOKEN,
  REP_NAME,
  onMailingServer,
  onServer,
  REP_TOKEN,
  startServerProcess,
} from './serverProcess.ts';
import { quoteJourney } from './quoteJourney.ts';
import { insightsScenario } from './insightsScenario.ts';
import { popularScenario } from './popularScenario.ts';
import { popularityLabelsScenario } from './popularityLabelsScenario.ts';
import { winLossScenario } from './winLossScenario.ts';
import { quotedLinesScenario } from './quotedLinesScenario.ts';
import { describePostgres } from './pgCluster.ts';
import { keptPicturesScenario } from './keptPicturesScenario.ts';

/**
 * The same server against PostgreSQL (DATABASE_URL): a throw-away cluster from Debian's package
 * (`apt-get install postgresql`), run as the `postgres` user. Skipped, saying so, when absent.
 */
describePostgres('madeto serve on PostgreSQL', (cluster) => {
  it('stores event batches once and answers the insights, as on SQLite', async () => {
    // Its own database: the scenario places orders that the other tests' listings must not see.
    await onServer(cluster().createDatabase('insights'), async ({ url }) => {
      await insightsScenario(url);
      await popularScenario(url);
      await popularityLabelsScenario(url);
    });
  }, 60_000);

  it("keeps a rep quote revision's picture when the catalogue's visuals change, as on SQLite", async () => {
    await keptPicturesScenario(cluster().createDatabase('keptpictures'));
  }, 60_000);

  it('counts every saved rep quote line quoted once, as on SQLite', async () => {
    await onServer(cluster().createDatabase('quotedlines'), async (server) => {
      await quotedLinesScenario(server);
    });
  }, 60_000);

  it('answers win/loss by discount and the weighted demand from real rep quotes, as on SQLite', async () => {
    await onMailingServer(cluster().createDatabase('winloss'), winLossScenario);
  }, 60_000);

  it('stores, replays, refuses and keeps orders across a SIGKILL, as on SQLite', async () => {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const post = (base: string, body: unknown) =>
      fetch(`${base}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = await startServerProcess(cluster().url);
    const p = deskOrder('pg-order-0001', 2, 'order', now);
    const created = await post(first.url, p);
    expect(created.status).toBe(201);
    const answer = await created.text();
    const replay = await post(first.url, p);
    expect([replay.status, await replay.text()]).toEqual([201, answer]);
    expect((await post(first.url, { ...p, customer: { ...p.customer, name: 'X' } })).status).toBe(
      409,
    );
    const tampered = deskOrder('pg-order-0002', 2, 'order', now);
    tampered.totals.total = '1.00';
    expect((await post(first.url, tampered)).status).toBe(422);
    await first.stop('SIGKILL');

    const second = await startServerProcess(cluster().url);
    try {
      const list = await fetch(`${second.url}/api/orders`, {
        headers: { authorization: `Bearer ${REP_TOKEN}` },
      });
      const items = ((await list.json()) as { items: { idempotencyKey: string }[] }).items;
      expect(items.map((o) => o.idempotencyKey)).toEqual(['pg-order-0001']);
      const again = await post(second.url, p);
      expect(await again.text()).toBe(answer);
    } finally {
      await second.stop();
    }
  });
  it('keeps rep quotes with their authors, lists them with quote requests and approves as a manager', async () => {
    const server = await startServerProcess(cluster().url);
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const r = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    try {
      const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const quote = deskRepQuote({ discounts: { additionalPercent: '40' } });
      const created = await call('POST', '/api/quotes', REP_TOKEN, quote);
      expect(created.status).toBe(201);
      const number = created.body['number'] as string;
      expect(created.body['createdBy']).toEqual({ name: REP_NAME, role: 'rep' });
      const request = await call(
        'POST',
        '/api/quotes',
        REP_TOKEN,
        deskOrder('pg-quote-request-1', 1, 'quote-request', now),
      );
      expect([request.status, request.body['error']]).toEqual([201, undefined]);
      const revised = await call('POST', `/api/quotes/${number}/revisions`, MANAGER_TOKEN, quote);
      expect(revised.body).toMatchObject({ revision: 2, createdBy: { name: MANAGER_NAME } });
      expect((await call('POST', `/api/quotes/${number}/approve`, REP_TOKEN, {})).status).toBe(403);
      // The manager saved revision 2: someone else must approve it.
      const own = await call('POST', `/api/quotes/${number}/approve`, MANAGER_TOKEN, {});
      expect([own.status, (own.body['error'] as { code: string }).code]).toEqual([
        403,
        'SELF_APPROVAL',
      ]);
      expect((await call('POST', `/api/quotes/${number}/revisions`, REP_TOKEN, quote)).status).toBe(
        201,
      );
      const approved = await call('POST', `/api/quotes/${number}/approve`, MANAGER_TOKEN, {});
      expect(approved.body).toMatchObject({ revision: 3, approvedBy: MANAGER_NAME });
      const list = await call('GET', '/api/quotes', REP_TOKEN);
      expect(
        (list.body['items'] as { number: string; kind: string }[]).map((i) => [i.number, i.kind]),
      ).toEqual([
        [number, 'rep-quote'],
        [request.body['number'], 'quote-request'],
      ]);
    } finally {
      await server.stop();
    }
  });

  it('saves a rep quote and a revision once per Idempotency-Key, per user, as on SQLite', async () => {
    const server = await startServerProcess(cluster().url);
    const post = async (path: string, token: string, key: string, notes: string) => {
      const r = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(deskRepQuote({ notes })),
      });
      const body = (await r.json()) as {
        number?: string;
        revision?: number;
        error?: { code: string };
      };
      return [r.status, r.headers.get('idempotent-replayed'), body] as const;
    };
    try {
      const [status, , created] = await post('/api/quotes', REP_TOKEN, 'pg-key-1', 'a');
      expect(status).toBe(201);
      const number = created.number!;
      const rows: [string, string, string, string, unknown[]][] = [
        ['/api/quotes', REP_TOKEN, 'pg-key-1', 'a', [201, 'true', number, 1, undefined]],
        [
          '/api/quotes',
          REP_TOKEN,
          'pg-key-1',
          'b',
          [422, null, undefined, undefined, 'IDEMPOTENCY_KEY_REUSED'],
        ],
        [
          `/api/quotes/${number}/revisions`,
          REP_TOKEN,
          'pg-key-2',
          'b',
          [201, null, number, 2, undefined],
        ],
        [
          `/api/quotes/${number}/revisions`,
          REP_TOKEN,
          'pg-key-2',
          'b',
          [201, 'true', number, 2, undefined],
        ],
        [
          `/api/quotes/${number}/revisions`,
          MANAGER_TOKEN,
          'pg-key-2',
          'b',
          [201, null, number, 3, undefined],
        ],
      ];
      for (const [path, token, key, notes, expected] of rows) {
        const [s, replayed, body] = await post(path, token, key, notes);
        expect([s, replayed, body.number, body.revision, body.error?.code]).toEqual(expected);
      }
      // attempts that race: one saves, the others answer what it saved
      const raced = await Promise.all(
        [1, 2, 3, 4].map(() => post('/api/quotes', REP_TOKEN, 'pg-key-3', 'raced')),
      );
      expect(raced.map(([s]) => s)).toEqual([201, 201, 201, 201]);
      expect(new Set(raced.map(([, , body]) => body.number)).size).toBe(1);
      expect(raced.filter(([, replayed]) => replayed === null)).toHaveLength(1);
      const revisedRace = await Promise.all(
        [1, 2, 3, 4].map(() =>
          post(`/api/quotes/${number}/revisions`, REP_TOKEN, 'pg-key-4', 'raced revision'),
        ),
      );
      expect(revisedRace.map(([s, , body]) => [s, body.revision])).toEqual([
        [201, 4],
        [201, 4],
        [201, 4],
        [201, 4],
      ]);
      expect(revisedRace.filter(([, replayed]) => replayed === null)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  // Last: its orders and quotes would show in the listings the tests above compare exactly.
  it('runs the quote journey (sign-in, CSRF, pipeline, convert, send, approvals, one order), as on SQLite', async () => {
    await onMailingServer(cluster().url, (server, catcher) =>
      quoteJourney(server, cluster().url, catcher),
    );
  }, 90_000);
});
