import { randomUUID } from 'node:crypto';
import type { Db } from './createDb.ts';
import type { Transaction } from 'kysely';
import type { Database, SubmissionsTable } from './schema.ts';
import { newSubmissionEntry } from './pipelineIndex.ts';
import { StatementBatch } from './statementBatch.ts';
import type { OrderPayload } from '../../engine/index.ts';

/**
 * Who made an idempotency key: a client (the `Idempotency-Key` of `POST /api/orders` and
 * `POST /api/quotes`) or the server itself (the accept key of a shared quote). The two never meet:
 * a key is stored as `<namespace>:<key>`, so no client can take a key the server will make.
 */
export type KeyNamespace = 'client' | 'server';

const storedKey = (namespace: KeyNamespace, key: string) => `${namespace}:${key}`;

/** A stored submission as the server reads it back. */
export interface StoredSubmission {
  seq: number;
  id: string;
  kind: string;
  number: string;
  namespace: KeyNamespace;
  /** The key as its maker wrote it (without the namespace). */
  idempotencyKey: string;
  bodyHash: string;
  statusCode: number;
  response: unknown;
  payload: unknown;
  createdAt: string;
}

/** What `submit` does with a key: stores a new submission, replays the first, or refuses. */
export type SubmitOutcome =
  | { outcome: 'created'; submission: StoredSubmission }
  | { outcome: 'replayed'; submission: StoredSubmission }
  | { outcome: 'conflict'; submission: StoredSubmission };

/** What is stored for a new submission; `respond` builds the answer once the number is known. */
export interface NewSubmission {
  kind: string;
  namespace: KeyNamespace;
  idempotencyKey: string;
  bodyHash: string;
  payload: unknown;
  currency: string;
  total: string;
  customerEmail: string;
  createdAt: string;
  respond: (ids: { id: string; number: string }) => unknown;
}

/**
 * Inserts one submission in `batch`'s transaction; undefined when its idempotency key is already
 * stored. Its number, answer and pipeline entry are queued in `batch` (flushed by the caller).
 */
async function insertOne(
  batch: StatementBatch,
  input: NewSubmission,
): Promise<StoredSubmission | undefined> {
  const trx = batch.trx as unknown as Transaction<Database>;
  const [inserted] = (
    await batch.run(
      trx
        .insertInto('submissions')
        .values({
          id: randomUUID(),
          kind: input.kind,
          number: null,
          idempotency_key: storedKey(input.namespace, input.idempotencyKey),
          body_hash: input.bodyHash,
          payload: JSON.stringify(input.payload),
          response: '{}',
          status_code: 201,
          currency: input.currency,
          total: input.total,
          customer_email: input.customerEmail,
          created_at: input.createdAt,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning(['seq', 'id']),
    )
  ).rows;
  if (!inserted) return undefined;
  const prefix = input.kind === 'order' ? 'O' : 'Q';
  const seq = Number(inserted.seq);
  const number = `${prefix}-${input.createdAt.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  const answer = input.respond({ id: inserted.id, number });
  const response = JSON.stringify(answer);
  batch.later(trx.updateTable('submissions').set({ number, response }).where('seq', '=', seq));
  // A request or an order is listed in the pipeline from this very transaction on.
  const entry = newSubmissionEntry(trx as never, {
    number,
    kind: input.kind,
    payload: input.payload as OrderPayload,
    createdAt: input.createdAt,
  });
  if (entry) batch.later(entry);
  return {
    seq,
    id: inserted.id,
    kind: input.kind,
    number,
    namespace: input.namespace,
    idempotencyKey: input.idempotencyKey,
    bodyHash: input.bodyHash,
    statusCode: 201,
    response: JSON.parse(response) as unknown,
    payload: input.payload,
    createdAt: input.createdAt,
  };
}

function fromRow(row: Omit<SubmissionsTable, 'seq'> & { seq: number | string }): StoredSubmission {
  const namespace: KeyNamespace = row.idempotency_key.startsWith('server:') ? 'server' : 'client';
  return {
    seq: Number(row.seq),
    id: row.id,
    kind: row.kind,
    number: row.number ?? '',
    namespace,
    idempotencyKey: row.idempotency_key.slice(namespace.length + 1),
    bodyHash: row.body_hash,
    statusCode: row.status_code,
    response: JSON.parse(row.response) as unknown,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.created_at,
  };
}

/**
 * Orders and quotes stored with their idempotency key, through the Kysely query layer (the same
 * queries on SQLite and PostgreSQL).
 */
export class SubmissionStore {
  constructor(private readonly db: Db) {}

  /** The submission stored under `key` of `namespace`, if any. */
  async byKey(namespace: KeyNamespace, key: string): Promise<StoredSubmission | undefined> {
    const row = await this.db.kysely
      .selectFrom('submissions')
      .selectAll()
      .where('idempotency_key', '=', storedKey(namespace, key))
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** The submission with this number (`O-…` / `Q-…`), if any. */
  async byNumber(number: string): Promise<StoredSubmission | undefined> {
    const row = await this.db.kysely
      .selectFrom('submissions')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /**
   * Stores a submission durably, unless its key is taken: then the first submission is replayed
   * (same body hash) or the call is a conflict (another body). The answer is stored with the row,
   * so a repeat returns exactly the first answer. Resolves only after the commit.
   *
   * Group commit: submissions that arrive while a transaction commits are written together in the
   * next one, so one disk flush acknowledges many orders (a flush costs milliseconds; an insert
   * microseconds).
   */
  submit(input: NewSubmission): Promise<SubmitOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      void this.flush();
    });
  }

  private readonly queue: {
    input: NewSubmission;
    resolve: (outcome: SubmitOutcome) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private flushing = false;

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      // Let the requests that arrived meanwhile (parsed in this turn's I/O phase) join the batch:
      // better-sqlite3 commits synchronously, so without this pause each batch would hold one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 500);
        let created: (StoredSubmission | undefined)[];
        try {
          created = await this.db.kysely.transaction().execute(async (trx) => {
            const writes = new StatementBatch(trx as never, this.db.dialect === 'sqlite');
            const out: (StoredSubmission | undefined)[] = [];
            for (const { input } of batch) out.push(await insertOne(writes, input));
            await writes.flush();
            return out;
          });
        } catch (error) {
          for (const b of batch) b.reject(error);
          continue;
        }
        for (const [i, b] of batch.entries()) {
          const row = created[i];
          if (row) b.resolve({ outcome: 'created', submission: row });
          else this.existing(b.input).then(b.resolve, b.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Stores a submission in `batch`'s transaction, which the caller flushes and commits (an order
   * and its hold, in one disk flush); undefined when its key is already stored (nothing written:
   * see `existing`).
   */
  insertIn(batch: StatementBatch, input: NewSubmission): Promise<StoredSubmission | undefined> {
    return insertOne(batch, input);
  }

  /** What a submission whose key was already stored is: a replay of the first, or a conflict. */
  async existing(input: NewSubmission): Promise<SubmitOutcome> {
    const first = await this.byKey(input.namespace, input.idempotencyKey);
    if (!first) throw new Error(`submission '${input.idempotencyKey}' vanished after a conflict`);
    return first.bodyHash === input.bodyHash
      ? { outcome: 'replayed', submission: first }
      : { outcome: 'conflict', submission: first };
  }

  /** Submissions of some kinds after the cursor `sinceSeq` or the instant `sinceTime`, oldest first. */
  async list(query: {
    kinds: readonly string[];
    sinceSeq?: number;
    sinceTime?: string;
    limit: number;
  }): Promise<StoredSubmission[]> {
    let q = this.db.kysely
      .selectFrom('submissions')
      .selectAll()
      .where('kind', 'in', [...query.kinds]);
    if (query.sinceSeq !== undefined) q = q.where('seq', '>', query.sinceSeq);
    if (query.sinceTime !== undefined) q = q.where('created_at', '>', query.sinceTime);
    const rows = await q.orderBy('seq').limit(query.limit).execute();
    return rows.map(fromRow);
  }

  /** How many submissions are stored (for tests and health). */
  async count(): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
