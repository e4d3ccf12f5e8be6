import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netOfHolds, parseModel } from '../../src/engine/index.ts';
import type { DatabaseConfig } from '../../src/server/config.ts';
import { AvailabilityStore, flatten } from '../../src/server/db/availabilityStore.ts';
import { openDb, type Db } from '../../src/server/db/createDb.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { describePostgres } from './pgCluster.ts';

const catalogue = join(import.meta.dirname, '../../public/catalogue');
const read = (f: string): unknown => JSON.parse(readFileSync(join(catalogue, f), 'utf8'));
const models = ['desk', 'bike', 'sofa'].map((m) => parseModel(read(`${m}.json`)));
const selection = (
  read('requests/price-acme-desks.json') as { lines: { selection: Record<string, string> }[] }
).lines[0]!.selection;
const NOW = '2026-12-07T09:00:00.000Z';
const LATER = '2026-12-07T10:00:00.000Z';

/**
 * Two servers on one database (two stores, as two processes would have): each keeps the active
 * holds it read last while no hold was placed or released (the holds token). A hold one places or
 * releases must count at once in the other's next promise, and an expired one nowhere.
 */
async function sharedHolds(config: DatabaseConfig) {
  const dbs: Db[] = [openDb(config), openDb(config)];
  try {
    await migrate(dbs[0]!);
    const [a, b] = dbs.map((d) => new AvailabilityStore(d, models)) as [
      AvailabilityStore,
      AvailabilityStore,
    ];
    await a.seed(read('availability.json'), NOW);
    const hold = (store: AvailabilityStore, expiresAt: string, quantity = 1) =>
      store.promiseAndHold({
        kind: 'cart',
        request: {
          now: NOW,
          lines: [{ lineId: 'L1', productId: 'DESK', quantity, selection }],
        },
        expiresAt,
      });
    // The snapshot a store nets incrementally (its kept lists) is the snapshot netted at once.
    const ids = async (store: AvailabilityStore, now = NOW) => {
      const netted = (await store.netted(now))!;
      expect(netted.snapshot).toEqual(
        netOfHolds(netted.current.snapshot, flatten(netted.holds), now),
      );
      return netted.holds.map((h) => h.id).sort();
    };

    expect(await ids(a)).toEqual([]);
    expect(await ids(b)).toEqual([]);
    // A holds: B's next read sees it, though B read the (empty) active holds before.
    const first = (await hold(a, '2026-12-08T09:00:00.000Z'))!.hold;
    expect(await ids(b)).toEqual([first.id]);
    // B holds, netted of A's hold; A sees B's.
    const second = (await hold(b, '2026-12-07T09:30:00.000Z'))!.hold;
    expect(await ids(a)).toEqual([first.id, second.id].sort());
    // Nothing changed: the same answer twice (from the kept list).
    expect(await ids(a)).toEqual([first.id, second.id].sort());
    // B's hold expires at 09:30: gone at 10:00 for both, with no write.
    expect(await ids(a, LATER)).toEqual([first.id]);
    expect(await ids(b, LATER)).toEqual([first.id]);
    // B releases A's hold: A's next promise is no longer netted of it.
    expect(await b.release(first.id, 'cancel', NOW)).toBe(true);
    expect(await ids(a)).toEqual([second.id]);
    // What A's hold consumes is reserved in B's next promise (B read the holds just before).
    const reserved = async (store: AvailabilityStore, item: string) =>
      (await store.netted(NOW))!.snapshot.stock[item]?.reserved ?? 0;
    const before = await reserved(b, 'CTN-DESK-2100');
    const big = (await hold(a, '2026-12-08T09:00:00.000Z', 12))!.hold;
    expect(big.needs).toContainEqual({ kind: 'stock', item: 'CTN-DESK-2100', qty: 12 });
    expect(await reserved(b, 'CTN-DESK-2100')).toBe(before + 12);
    const after = (await hold(b, '2026-12-08T09:00:00.000Z', 12))!;
    expect(await ids(a)).toEqual([second.id, big.id, after.hold.id].sort());
    // Holds placed one after another by one store (each netted from the last promise's
    // snapshot), then one by the other, then one expiring: each store's next answer is exact.
    const run = [];
    for (let i = 0; i < 4; i++) run.push((await hold(a, '2026-12-08T09:00:00.000Z', 1 + i))!.hold);
    const short = (await hold(a, '2026-12-07T09:45:00.000Z', 2))!.hold;
    const last = (await hold(b, '2026-12-08T09:00:00.000Z', 3))!.hold;
    const all = [second, big, after.hold, ...run, short, last].map((h) => h.id);
    expect(await ids(a)).toEqual([...all].sort());
    expect(await ids(b)).toEqual([...all].sort());
    const live = all.filter((id) => id !== second.id && id !== short.id).sort();
    expect(await ids(a, LATER)).toEqual(live);
    expect(await ids(b, LATER)).toEqual(live);
    // Read at 10:00, then asked for 09:00 (requests verified in parallel come out of order): the
    // holds that expired in between count again.
    expect(await ids(a)).toEqual([...all].sort());
    const early = (await hold(a, '2026-12-08T09:00:00.000Z'))!.hold;
    expect(await ids(b)).toEqual([...all, early.id].sort());
    expect(await ids(a, LATER)).toEqual([...live, early.id].sort());
  } finally {
    for (const d of dbs) await d.close();
  }
}

describe('holds shared by two servers on one database', () => {
  it('SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madeto-holds-'));
    try {
      await sharedHolds({ kind: 'sqlite', file: join(dir, 'holds.sqlite') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  describePostgres('PostgreSQL', (cluster) => {
    it('PostgreSQL', async () => {
      await sharedHolds({ kind: 'postgres', url: cluster().createDatabase('holds_shared') });
    }, 60_000);
  });
});
