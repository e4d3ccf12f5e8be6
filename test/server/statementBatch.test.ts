import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db/createDb.ts';
import { StatementBatch } from '../../src/server/db/statementBatch.ts';

describe('StatementBatch on the SQLite worker', () => {
  it('runs queued writes before the next read, in order, in its transaction; a failing one fails the run and the transaction', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madeto-batch-'));
    const db = openDb({ kind: 'sqlite', file: join(dir, 'b.sqlite') });
    const k = db.kysely as never as import('kysely').Kysely<{ t: { id: number; v: string } }>;
    try {
      await sql`create table t (id integer primary key, v text not null)`.execute(k);
      await k.transaction().execute(async (trx) => {
        const batch = new StatementBatch(trx as never, true);
        batch.later(trx.insertInto('t').values({ id: 1, v: 'a' }));
        batch.later(trx.updateTable('t').set({ v: 'b' }).where('id', '=', 1));
        batch.later(trx.insertInto('t').values({ id: 2, v: 'c' }));
        const { rows } = await batch.run(trx.selectFrom('t').selectAll().orderBy('id'));
        expect(rows).toEqual([
          { id: 1, v: 'b' },
          { id: 2, v: 'c' },
        ]);
        batch.later(trx.insertInto('t').values({ id: 3, v: 'd' }));
        await batch.flush();
      });
      expect(await k.selectFrom('t').select('id').execute()).toHaveLength(3);
      await expect(
        k.transaction().execute(async (trx) => {
          const batch = new StatementBatch(trx as never, true);
          batch.later(trx.insertInto('t').values({ id: 4, v: 'e' }));
          batch.later(trx.insertInto('t').values({ id: 1, v: 'taken' }));
          await batch.flush();
        }),
      ).rejects.toThrow(/UNIQUE/);
      expect(await k.selectFrom('t').select('id').execute()).toHaveLength(3);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
