import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { BATCH_SQL } from './statementBatch.ts';

/**
 * The worker's code (CommonJS, evaluated): one better-sqlite3 connection with a statement cache.
 * Each message is one statement, or a batch of them run in order (`StatementBatch`); the answer
 * carries the (last) statement's rows or what it changed.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const p of workerData.pragmas) db.pragma(p);
const cache = new Map();
const run = (sql, parameters) => {
  let stmt = cache.get(sql);
  if (!stmt) { stmt = db.prepare(sql); if (cache.size < 500) cache.set(sql, stmt); }
  if (stmt.reader) return { rows: stmt.all(parameters) };
  const r = stmt.run(parameters);
  return { rows: [], changes: r.changes, insertId: r.lastInsertRowid };
};
parentPort.on('message', ({ id, sql, parameters, batch }) => {
  try {
    let answer;
    if (batch) for (const q of batch) answer = run(q.sql, q.parameters);
    else answer = run(sql, parameters);
    parentPort.postMessage({ id, ...answer });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
`;

interface Answer {
  id: number;
  rows?: unknown[];
  changes?: number;
  insertId?: number | bigint;
  error?: { message: string; code?: string };
}

/** A SQLite connection whose statements run in a worker thread. */
class WorkerConnection implements DatabaseConnection {
  private next = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  constructor(private readonly worker: Worker) {
    worker.on('message', (answer: Answer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    worker.on('error', (error) => {
      for (const settle of this.waiting.values())
        settle({ id: 0, error: { message: error.message } });
      this.waiting.clear();
    });
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.next++;
    const answer = await new Promise<Answer>((resolve) => {
      this.waiting.set(id, resolve);
      // A statement batch (`StatementBatch`): its statements in one message.
      if (query.sql === BATCH_SQL) this.worker.postMessage({ id, batch: query.parameters[0] });
      else this.worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
    });
    if (answer.error)
      throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return {
      rows: (answer.rows ?? []) as R[],
      ...(answer.changes !== undefined && { numAffectedRows: BigInt(answer.changes) }),
      ...(answer.insertId !== undefined && { insertId: BigInt(answer.insertId) }),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by the worker SQLite driver');
  }
}

/** SQLite has one connection: a queue hands it to one user (query or transaction) at a time. */
class WorkerDriver implements Driver {
  private worker: Worker | undefined;
  private connection: WorkerConnection | undefined;
  private locked = false;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly config: { file: string; pragmas: readonly string[] }) {}

  async init(): Promise<void> {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { driver, file: this.config.file, pragmas: this.config.pragmas },
    });
    this.connection = new WorkerConnection(this.worker);
    await this.connection.executeQuery(CompiledQuery.raw('select 1'));
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.locked) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.locked = true;
    return this.connection!;
  }
  async releaseConnection(): Promise<void> {
    const next = this.queue.shift();
    if (next) next();
    else this.locked = false;
  }
  async beginTransaction(c: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock at once: two processes on one file serialise their
    // transactions (a hold's read-then-write) instead of failing at the first write.
    await c.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async destroy(): Promise<void> {
    await this.worker?.terminate();
  }
}

/**
 * A Kysely dialect for SQLite (better-sqlite3) whose statements run in a worker thread: a commit's
 * disk flush (`synchronous = FULL`) then blocks that thread, not the server's event loop, which
 * keeps verifying and answering requests meanwhile. The SQL is Kysely's SQLite dialect unchanged.
 *
 * @example
 * new Kysely<Database>({ dialect: new WorkerSqliteDialect({ file, pragmas: ['journal_mode = WAL'] }) })
 */
export class WorkerSqliteDialect implements Dialect {
  constructor(private readonly config: { file: string; pragmas: readonly string[] }) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new WorkerDriver(this.config);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
