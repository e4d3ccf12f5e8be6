import type { Kysely, Transaction } from 'kysely';
import type { Db } from './createDb.ts';

/** The table `quote_idempotency` (migration 0005). */
interface QuoteIdempotencyTable {
  scope: string;
  key: string;
  request_hash: string;
  number: string;
  revision: number;
  status_code: number | null;
  response: string | null;
  created_at: string;
}

/** The tables this store reads and writes. */
export type IdempotencyTables = { quote_idempotency: QuoteIdempotencyTable };

/**
 * A save made under an `Idempotency-Key`: whose key (`scope`, the signed-in user), the key, and a
 * hash of the request (its target and body) it stands for.
 */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  createdAt: string;
}

/** What a used key stands for: the request's hash, the revision it saved, and its answer if sent. */
export interface StoredIdempotency {
  requestHash: string;
  number: string;
  revision: number;
  /** The first answer, stored once it was built; undefined when the process stopped in between. */
  answer?: { statusCode: number; body: unknown };
}

/**
 * Thrown inside a save's transaction (rolling it back) when another request stored the same key
 * first, e.g. a retry sent while the first attempt was still running: the caller answers from
 * what that request stored.
 */
export class IdempotencyKeyTaken extends Error {
  readonly code = 'IDEMPOTENCY_KEY_TAKEN';
  constructor(claim: IdempotencyClaim) {
    super(`idempotency key '${claim.key}' was stored by a concurrent request`);
  }
}

/**
 * Records in `trx` (the transaction that saved revision `revision` of `number`) that `claim`'s key
 * stands for that save; throws `IdempotencyKeyTaken` when the key is already stored, so that
 * the save rolls back and is not made twice.
 */
export async function claimKey<T extends IdempotencyTables>(
  trx: Transaction<T>,
  claim: IdempotencyClaim,
  number: string,
  revision: number,
): Promise<void> {
  // Only this table is touched: the caller's wider schema does not matter here.
  const inserted = await (trx as unknown as Transaction<IdempotencyTables>)
    .insertInto('quote_idempotency')
    .values({
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.requestHash,
      number,
      revision,
      status_code: null,
      response: null,
      created_at: claim.createdAt,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new IdempotencyKeyTaken(claim);
}

/**
 * The `Idempotency-Key`s of rep quote saves, per user (Kysely, the same queries on SQLite and
 * PostgreSQL). A key is stored in the save's own transaction (`claimKey`), its answer right after.
 */
export class QuoteIdempotencyStore {
  private readonly kysely: Kysely<IdempotencyTables>;
  constructor(db: Db) {
    this.kysely = db.kysely.withTables<IdempotencyTables>() as never;
  }

  /** What `key` of `scope` stands for; undefined when it was never used. */
  async find(scope: string, key: string): Promise<StoredIdempotency | undefined> {
    const row = await this.kysely
      .selectFrom('quote_idempotency')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      number: row.number,
      revision: Number(row.revision),
      ...(row.response !== null &&
        row.status_code !== null && {
          answer: {
            statusCode: Number(row.status_code),
            body: JSON.parse(row.response) as unknown,
          },
        }),
    };
  }

  /** Stores the answer sent for `key` of `scope` (kept as it is if one is already stored). */
  async answer(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.kysely
      .updateTable('quote_idempotency')
      .set({ status_code: statusCode, response: JSON.stringify(body) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('response', 'is', null)
      .execute();
  }
}
