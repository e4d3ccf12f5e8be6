import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pipelinePageWire, repQuoteWire, type PipelinePageWire } from '../../src/engine/index.ts';
import { openDb } from '../../src/server/db/createDb.ts';
import { pipelinePage } from '../../src/server/db/pipelineIndex.ts';
import { deskOrder, deskRepQuote } from '../engine/orders/orderFixture.ts';
import { describePostgres } from './pgCluster.ts';
import {
  asManager,
  jsonCaller,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from './serverProcess.ts';

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const dbConfig = (db: string) =>
  db.startsWith('postgres://')
    ? ({ kind: 'postgres', url: db } as const)
    : ({ kind: 'sqlite', file: db } as const);

/**
 * The pipeline's index on one database: requests, rep quotes and an order written through the
 * server; filtered, searched and paged in SQL; expiry decided at read time; and the same answers
 * after the migration rebuilds the index from the stored rows (its backfill).
 */
async function pipelineIndexSuite(db: string) {
  let server: ServerProcess = await startServerProcess(db);
  const call = jsonCaller(() => server);
  const find = async (query: string): Promise<PipelinePageWire> => {
    const r = await call('GET', `/api/pipeline?${query}`);
    expect(r.status).toBe(200);
    return pipelinePageWire.parse(r.body);
  };
  try {
    const request = async (n: number, name: string) => {
      const payload = deskOrder(`pipeline-${n}-${Math.random()}`, 1, 'quote-request', now());
      payload.customer = { name, email: `buyer-${n}@pipeline.test` };
      const r = await call('POST', '/api/quotes', payload, {});
      expect(r.status).toBe(201);
      return r.body['number'] as string;
    };
    const r1 = await request(1, 'Ada One');
    const r2 = await request(2, 'Bo Two');
    const r3 = await request(3, 'Cy 50%_off');
    const q1 = repQuoteWire.parse((await call('POST', `/api/quotes/${r1}/convert`, {})).body);
    const saveQuote = async (over: Parameters<typeof deskRepQuote>[0]) => {
      const r = await call('POST', '/api/quotes', deskRepQuote(over));
      expect(r.status).toBe(201);
      return repQuoteWire.parse(r.body);
    };
    const q2 = await saveQuote({
      customer: { name: 'Di Four', email: 'di@pipeline.test' },
      discounts: { additionalPercent: '40' },
      validUntil: '2099-12-30',
    });
    const q3 = await saveQuote({ customer: { name: 'Ed Five', email: 'ed@pipeline.test' } });
    const accepted = await call('POST', `/api/shared/quotes/${q3.shareToken}/accept`, {}, {});
    expect(accepted.status).toBe(201);
    const order = accepted.body['number'] as string;

    // Everything is listed once, newest first, each in its state.
    const all = await find('pageSize=100');
    expect(all.total).toBe(7);
    expect(all.items.map((i) => i.number).sort()).toEqual(
      [r1, r2, r3, q1.number, q2.number, q3.number, order].sort(),
    );
    const updated = all.items.map((i) => i.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(all.items.find((i) => i.number === order)).toMatchObject({
      kind: 'order',
      fromQuote: q3.number,
    });
    expect(all.items.find((i) => i.number === q3.number)).toMatchObject({
      state: 'accepted',
      order,
    });
    expect(all.items.find((i) => i.number === r1)).toMatchObject({
      state: 'converted',
      convertedTo: q1.number,
    });
    expect(all.items.find((i) => i.number === q1.number)).toMatchObject({
      state: 'draft',
      convertedFrom: r1,
    });
    // Products are named from the catalogue.
    expect(all.items[0]!.products[0]!.name).not.toBe('DESK');

    // Filters and search, in SQL.
    expect((await find('kind=quote-request')).total).toBe(3);
    expect((await find('state=new')).items.map((i) => i.number).sort()).toEqual([r2, r3].sort());
    expect((await find('state=awaiting-approval')).items.map((i) => i.number)).toEqual([q2.number]);
    expect((await find('q=BUYER-2%40PIPELINE')).items.map((i) => i.number)).toEqual([r2]);
    expect((await find('q=50%25_')).items.map((i) => i.number)).toEqual([r3]);
    expect((await find('q=%25')).items.map((i) => i.number)).toEqual([r3]);
    expect((await find('q=_')).total).toBe(1);
    expect((await find('q=height-adjustable')).total).toBe(7);
    expect((await find('q=no-such-thing')).total).toBe(0);
    expect((await find(`q=${q2.number}&kind=order`)).total).toBe(0);

    // The approval queue is found through the index: the one revision past a guardrail.
    const queue = await call('GET', '/api/approvals', undefined, asManager);
    expect(
      (queue.body['items'] as { number: string; revision: number }[]).map((i) => [
        i.number,
        i.revision,
      ]),
    ).toEqual([[q2.number, 1]]);

    // Paging: pages of 3 put together are the whole list.
    const paged = [];
    for (let page = 1; page <= 3; page++) {
      const p = await find(`pageSize=3&page=${page}`);
      expect(p).toMatchObject({ total: 7, pages: 3, page, pageSize: 3 });
      paged.push(...p.items);
    }
    expect(paged).toEqual(all.items);
    expect((await find('pageSize=3&page=4')).items).toEqual([]);

    // Expiry is decided when the pipeline is read: past their validity, open quotes are expired.
    const direct = openDb(dbConfig(db));
    try {
      const later = await pipelinePage(direct.kysely as never, {
        q: '',
        productIds: [],
        state: 'expired',
        page: 1,
        pageSize: 100,
        today: '2100-01-01',
      });
      expect(later.items.map((i) => i.number).sort()).toEqual([q1.number, q2.number].sort());
      expect(later.items.every((i) => 'state' in i && i.state === 'expired')).toBe(true);
      expect((await find('state=expired')).total).toBe(0);
    } finally {
      await direct.close();
    }

    // The migration's backfill: the index dropped and rebuilt from the stored rows says the same.
    await server.stop();
    const raw = openDb(dbConfig(db));
    try {
      await sql`drop table pipeline_entries`.execute(raw.kysely);
      await sql`delete from kysely_migration where name = '0009-pipeline-entries'`.execute(
        raw.kysely,
      );
    } finally {
      await raw.close();
    }
    server = await startServerProcess(db);
    expect(await find('pageSize=100')).toEqual(all);
    expect((await call('GET', '/api/pipeline?state=accepted', undefined, asManager)).body).toEqual(
      await find('state=accepted'),
    );
  } finally {
    await server.stop();
  }
}

describe('the pipeline index (pipeline_entries)', () => {
  it('on SQLite: kept in step with every write, paged in SQL, rebuilt by its migration', async () => {
    await pipelineIndexSuite(tempDb());
  }, 60_000);
});

describePostgres('the pipeline index on PostgreSQL', (cluster) => {
  it('on PostgreSQL: the same', async () => {
    await pipelineIndexSuite(cluster().url);
  }, 90_000);
});
