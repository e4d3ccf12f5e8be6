import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';

/**
 * The SQL text of a batch of statements for the SQLite worker (`workerSqlite.ts`): its one
 * parameter is the list of `{ sql, parameters }`, run in order in one message; the answer is the
 * last statement's.
 */
export const BATCH_SQL = '/* madeto: statement batch */';

/**
 * The writes of one transaction whose results nobody waits for (`later`), sent together with
 * the next statement that is waited for (`run`), or by `flush`: on SQLite, whose statements run
 * in a worker thread, one message and one thread hop instead of one per statement. On PostgreSQL
 * they run one after the other. Whatever a transaction queued must be flushed before it commits;
 * an error in any of them is the error of the `run` or `flush` that sent them.
 *
 * @example
 * const batch = new StatementBatch(trx, db.dialect === 'sqlite');
 * batch.later(trx.updateTable('t').set({ a: 1 }).where('id', '=', 1));
 * const { rows } = await batch.run(trx.selectFrom('t').selectAll().compile()); // sees the update
 */
export class StatementBatch {
  private queued: CompiledQuery[] = [];

  constructor(
    readonly trx: Kysely<never>,
    /** One message for many statements (the SQLite worker); else one by one. */
    private readonly together: boolean,
  ) {}

  /** Queues a write; it runs before the next `run` or `flush`, in order. */
  later(query: Compilable | CompiledQuery): void {
    this.queued.push(compiled(query));
  }

  /** Runs what is queued, then `query`; resolves with `query`'s result. */
  async run<R>(query: CompiledQuery<R> | Compilable<R>): Promise<QueryResult<R>> {
    const last = compiled(query) as CompiledQuery<R>;
    const queued = this.queued;
    if (queued.length === 0) return this.trx.executeQuery(last);
    this.queued = [];
    if (!this.together) {
      for (const q of queued) await this.trx.executeQuery(q);
      return this.trx.executeQuery(last);
    }
    return this.trx.executeQuery(
      CompiledQuery.raw(BATCH_SQL, [
        [...queued, last].map((q) => ({ sql: q.sql, parameters: q.parameters })),
      ]) as CompiledQuery<R>,
    );
  }

  /** Runs what is queued (nothing when nothing is). */
  async flush(): Promise<void> {
    const queued = this.queued;
    if (queued.length === 0) return;
    const last = queued.pop()!;
    await this.run(last);
  }
}

function compiled(query: Compilable | CompiledQuery): CompiledQuery {
  return 'compile' in query ? query.compile() : query;
}
