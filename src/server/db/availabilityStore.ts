import { randomBytes } from 'node:crypto';
import { sql, type Compilable, type Kysely, type Transaction } from 'kysely';
import {
  netOfHolds,
  parseSnapshot,
  promiseHolding,
  PromiseInputError,
  SnapshotError,
  type Hold,
  type HoldNeed,
  type ProductModel,
  type PromiseRequestInput,
  type PromiseResult,
  type Snapshot,
} from '../../engine/index.ts';
import type { Db } from './createDb.ts';
import { StatementBatch } from './statementBatch.ts';
import { availabilityInvalid, type AvailabilityChange } from '../availability/feedPatch.ts';

interface SnapshotsTable {
  version: number;
  snapshot_at: string;
  created_at: string;
  created_by: string;
  change: string;
  document: string;
}
interface HoldsTable {
  id: string;
  kind: string;
  reference: string;
  created_at: string;
  expires_at: string;
  released_at: string | null;
  release_reason: string | null;
  snapshot_version: number;
  needs: string;
  client: string | null;
}
interface AuditTable {
  seq: number;
  kind: string;
  reference: string;
  hold_id: string | null;
  snapshot_version: number;
  promised_at: string;
  status: string;
  ship_date: string | null;
  delivery_date: string | null;
  request: string;
}
type Tables = {
  availability_snapshots: SnapshotsTable;
  availability_holds: HoldsTable;
  promise_audit: Omit<AuditTable, 'seq'> & { seq?: number };
  availability_lock: { id: number; holds_token: string };
};

/** One stored version of the availability snapshot. */
export interface AvailabilityVersion {
  version: number;
  snapshotAt: string;
  createdAt: string;
  /** Who sent it: the user's name (and role), or `catalogue` for the seed. */
  createdBy: string;
  change: AvailabilityChange;
}

/** The current snapshot: its version, the JSON as stored, and parsed. */
export interface CurrentAvailability extends AvailabilityVersion {
  document: unknown;
  snapshot: Snapshot;
}

/** What a hold is for. */
export type HoldKind = 'cart' | 'quote' | 'order';

/** A hold as the API shows it. */
export interface StoredHold {
  id: string;
  kind: HoldKind;
  reference: string;
  createdAt: string;
  expiresAt: string;
  releasedAt: string | null;
  releaseReason: string | null;
  snapshotVersion: number;
  needs: HoldNeed[];
}

/** What `promiseAndHold` is asked. */
export interface HoldInput {
  kind: HoldKind;
  /** Default: the hold's own id (a cart). */
  reference?: string | undefined;
  request: PromiseRequestInput;
  /** The request as the promise audit records it (default `request`): a rep quote's revision. */
  audit?: unknown;
  expiresAt: string;
  replaces?: string | undefined;
  /**
   * An anonymous caller (or a rep's quotes): its id and how many active holds it may have
   * (counted under the lock; the hold `replaces` releases does not count).
   */
  client?: { id: string; maxActive: number } | undefined;
  /**
   * Stores what the hold is for (an order) in the hold's own transaction, once its promise is
   * known and before the hold is written: the order and its hold commit together (one flush);
   * its writes go in `batch` (the transaction's statement batch).
   * Returns the reference the hold and its audit get (the order's number), or undefined when
   * there is nothing to hold (the order's key was already used): then nothing is written, not
   * even the release of `replaces`. An error it throws fails the whole batch (it may have
   * written), like a database error.
   */
  store?: ((batch: StatementBatch, held: HeldPromise) => Promise<string | undefined>) | undefined;
}

/** A promise given and the hold that reserves what it consumes. */
export interface HeldPromise {
  hold: StoredHold;
  result: PromiseResult;
  snapshotVersion: number;
  /** The hold this one replaced (an order's cart or quote hold), as it was before release. */
  replaced?: StoredHold | undefined;
}

/** One row of the promise audit: what was promised, to whom, on which snapshot version. */
export interface PromiseAuditEntry {
  kind: HoldKind;
  reference: string;
  holdId: string | null;
  snapshotVersion: number;
  promisedAt: string;
  status: string;
  shipDate: string | null;
  deliveryDate: string | null;
  request: unknown;
}

const holdOf = (r: HoldsTable): StoredHold => ({
  id: r.id,
  kind: r.kind as HoldKind,
  reference: r.reference,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  releasedAt: r.released_at,
  releaseReason: r.release_reason,
  snapshotVersion: Number(r.snapshot_version),
  needs: JSON.parse(r.needs) as HoldNeed[],
});

/**
 * The availability feed's versioned snapshots, the holds placed on them and the promise audit
 * (Kysely, the same queries on SQLite and PostgreSQL). Every write that must see the latest state
 * — a new version, a new hold — runs in a transaction that first takes the database-wide
 * availability lock: `select … for update` on the one row of `availability_lock` on PostgreSQL,
 * `BEGIN IMMEDIATE` on SQLite (the driver's transactions). So two buyers asking for the last unit
 * at once are served one after the other, the second net of the first's hold. Instants are stored
 * as UTC ISO strings (`toISOString`), so they compare as text.
 */
export class AvailabilityStore {
  private readonly kysely: Kysely<Tables>;
  private parsed: { version: number; current: CurrentAvailability } | undefined;
  /**
   * The last snapshot net of holds: the version and the list of holds it was netted with (their
   * ids as a set once asked for).
   */
  private netCache:
    | { version: number; holds: readonly StoredHold[]; ids?: Set<string>; snapshot: Snapshot }
    | undefined;
  /**
   * What the list of active holds a hold transaction left (`activeCache.holds`) nets to: the
   * snapshot its promise was made on, net of the hold it placed. Netting follows the list itself,
   * not a comparison of a thousand ids per request.
   */
  private netNext:
    | { version: number; holds: readonly StoredHold[]; base: Snapshot; added: StoredHold }
    | undefined;
  /** Hold requests waiting for the next transaction (`promiseAndHold`). */
  private readonly queue: {
    input: HoldInput;
    resolve: (held: HeldPromise | undefined) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private draining = false;
  /**
   * The holds active at `readAt` (every hold active at any later instant is among them) while
   * the database's holds token was `token`: every write that
   * changes which holds are active (a hold placed or released) stores a new random token in the
   * same transaction, so while the token is unchanged the list is still the active set, less
   * those that expired since (`activeHolds`); none did before `firstExpiry` (the earliest
   * `expiresAt` among them, or later), and the list is then returned as it is.
   */
  private activeCache:
    { token: string; readAt: string; holds: StoredHold[]; firstExpiry: string } | undefined;

  constructor(
    private readonly db: Db,
    /** The catalogue's product models (promises and the buyer view's public ids). */
    readonly models: readonly ProductModel[],
  ) {
    this.kysely = db.kysely.withTables<Tables>() as never;
  }

  private locked<T>(work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
    return this.kysely.transaction().execute(async (trx) => {
      if (this.db.dialect === 'postgres')
        await sql`select id from availability_lock where id = 1 for update`.execute(trx);
      return work(trx);
    });
  }

  /** Parses a whole snapshot document (400 `AVAILABILITY_INVALID` with every JSON path). */
  parse(document: unknown): Snapshot {
    try {
      return parseSnapshot(document, this.models);
    } catch (error) {
      if (error instanceof SnapshotError) throw availabilityInvalid(error.issues);
      throw error;
    }
  }

  /** The current version's number (0 when there is none). */
  async version(db: Kysely<Tables> = this.kysely): Promise<number> {
    const row = await db
      .selectFrom('availability_snapshots')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /** The current snapshot (parsed once per version), or undefined before the first. */
  async current(db: Kysely<Tables> = this.kysely): Promise<CurrentAvailability | undefined> {
    const version = await this.version(db);
    if (version === 0) return undefined;
    if (this.parsed?.version === version) return this.parsed.current;
    const row = await db
      .selectFrom('availability_snapshots')
      .selectAll()
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    const document = JSON.parse(row.document) as unknown;
    const current: CurrentAvailability = {
      version,
      snapshotAt: row.snapshot_at,
      createdAt: row.created_at,
      createdBy: row.created_by,
      change: JSON.parse(row.change) as AvailabilityChange,
      document,
      snapshot: parseSnapshot(document, this.models),
    };
    this.parsed = { version, current };
    return current;
  }

  /** Every version, newest first, without documents (`limit` at most 1000). */
  async versions(limit = 100): Promise<AvailabilityVersion[]> {
    const rows = await this.kysely
      .selectFrom('availability_snapshots')
      .select(['version', 'snapshot_at', 'created_at', 'created_by', 'change'])
      .orderBy('version', 'desc')
      .limit(Math.min(1000, Math.max(1, limit)))
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      snapshotAt: r.snapshot_at,
      createdAt: r.created_at,
      createdBy: r.created_by,
      change: JSON.parse(r.change) as AvailabilityChange,
    }));
  }

  /**
   * Stores a new version: `next(current)` returns the new document and what changed (it runs
   * under the lock, on the latest version). The document is validated as a whole (400 with JSON
   * paths). `expected`, when given, is the version the writer last saw (`If-Match`): another
   * current version is 412 `VERSION_MISMATCH`, thrown by `onMismatch`.
   */
  async write(
    who: string,
    now: string,
    next: (current: CurrentAvailability | undefined) => {
      document: unknown;
      change: AvailabilityChange;
    },
    check?: (current: CurrentAvailability | undefined) => void,
  ): Promise<AvailabilityVersion> {
    return this.locked(async (trx) => {
      const current = await this.current(trx);
      check?.(current);
      const { document, change } = next(current);
      const snapshot = this.parse(document);
      const version = (current?.version ?? 0) + 1;
      const snapshotAt = snapshot.snapshotAt ?? now;
      await trx
        .insertInto('availability_snapshots')
        .values({
          version,
          snapshot_at: snapshotAt,
          created_at: now,
          created_by: who,
          change: JSON.stringify(change),
          document: JSON.stringify(document),
        })
        .execute();
      return { version, snapshotAt, createdAt: now, createdBy: who, change };
    });
  }

  /** Stores `document` as version 1 when there is no version yet (the catalogue's file). */
  async seed(document: unknown, now: string): Promise<void> {
    try {
      await this.write(
        'catalogue',
        now,
        () => ({ document, change: { kind: 'seed' } }),
        (current) => {
          if (current) throw new SeedSkipped();
        },
      );
    } catch (error) {
      if (!(error instanceof SeedSkipped)) throw error;
    }
  }

  /**
   * Holds active at `now` (not released, expiring after it). When no hold was placed or released
   * since the last read (the holds token is unchanged), that read less what expired since; else
   * the active ids are read, and the rows of holds not seen before (a hold's needs never change,
   * so each is read and parsed once). A request costs one row read, not one per active hold.
   */
  async activeHolds(now: string, db: Kysely<Tables> = this.kysely): Promise<StoredHold[]> {
    return (await this.active(now, db)).holds;
  }

  /**
   * `activeHolds` with the earliest expiry among them (none expires before it). `written`: the
   * holds token this process wrote in `db`, a transaction holding the availability lock (no one
   * else can write it before the commit): while the cache still has it, the token is not read.
   */
  private async active(
    now: string,
    db: Kysely<Tables>,
    written?: string,
    batch?: StatementBatch,
  ): Promise<{ holds: StoredHold[]; firstExpiry: string; readAt: string }> {
    // In a transaction's batch, a read runs after what the batch queued.
    const rows = async <R>(query: Compilable<R>): Promise<R[]> =>
      batch ? (await batch.run(query)).rows : (await db.executeQuery(query)).rows;
    const token =
      written !== undefined && this.activeCache?.token === written
        ? written
        : ((
            await rows(db.selectFrom('availability_lock').select('holds_token').where('id', '=', 1))
          )[0]?.holds_token ?? '');
    const cache = this.activeCache;
    if (cache && cache.token === token && cache.readAt <= now) {
      if (now < cache.firstExpiry) return cache;
      const holds = cache.holds.filter((h) => h.expiresAt > now);
      this.activeCache = { token, readAt: now, holds, firstExpiry: firstExpiry(holds) };
      return this.activeCache;
    }
    const ids = await rows(
      db
        .selectFrom('availability_holds')
        .select('id')
        .where('released_at', 'is', null)
        .where('expires_at', '>', now),
    );
    // The holds read before are known (a released or expired one is not asked for again).
    const known = new Map((cache?.holds ?? []).map((h) => [h.id, h]));
    const missing = ids.filter((r) => !known.has(r.id)).map((r) => r.id);
    for (let i = 0; i < missing.length; i += 500) {
      const found = await rows(
        db
          .selectFrom('availability_holds')
          .selectAll()
          .where('id', 'in', missing.slice(i, i + 500)),
      );
      for (const row of found) known.set(row.id, holdOf(row));
    }
    const holds = ids.map((r) => known.get(r.id)!);
    this.activeCache = { token, readAt: now, holds, firstExpiry: firstExpiry(holds) };
    return this.activeCache;
  }

  /**
   * Marks a change of the active holds in `trx` (a new holds token); returns the token. With
   * `batch`, the write is queued in it.
   */
  private async holdsChanged(trx: Transaction<Tables>, batch?: StatementBatch): Promise<string> {
    const token = randomBytes(12).toString('base64url');
    const write = trx
      .updateTable('availability_lock')
      .set({ holds_token: token })
      .where('id', '=', 1);
    if (batch) batch.later(write);
    else await write.execute();
    return token;
  }

  /**
   * `current` net of `holds` (all active at `now`). Netting composes, so while every hold of the
   * last result is still among them, only the new ones are netted into it (one per request, not a
   * thousand); a hold that expired or was released makes it start again from the snapshot.
   */
  private net(current: CurrentAvailability, holds: readonly StoredHold[], now: string): Snapshot {
    const version = current.version;
    const cache = this.netCache;
    if (cache && cache.version === version && cache.holds === holds) return cache.snapshot;
    const next = this.netNext;
    let snapshot: Snapshot;
    if (next && next.version === version && next.holds === holds)
      snapshot = netOfHolds(next.base, flatten([next.added]), now);
    else if (cache && cache.version === version) {
      const cached = (cache.ids ??= new Set(cache.holds.map((h) => h.id)));
      const ids = new Set(holds.map((h) => h.id));
      if ([...cached].every((id) => ids.has(id))) {
        const added = holds.filter((h) => !cached.has(h.id));
        snapshot =
          added.length === 0 ? cache.snapshot : netOfHolds(cache.snapshot, flatten(added), now);
      } else snapshot = netOfHolds(current.snapshot, flatten(holds), now);
    } else snapshot = netOfHolds(current.snapshot, flatten(holds), now);
    this.netCache = { version, holds, snapshot };
    return snapshot;
  }

  /** The current snapshot net of every hold active at `now`. */
  async netted(now: string): Promise<
    | {
        current: CurrentAvailability;
        snapshot: Snapshot;
        holds: StoredHold[];
      }
    | undefined
  > {
    const current = await this.current();
    if (!current) return undefined;
    const holds = await this.activeHolds(now);
    return { current, snapshot: this.net(current, holds, now), holds };
  }

  /**
   * What a promise that reserves nothing is made on: the current snapshot net of every hold
   * active at `now` but those placed for one of `own` (a rep quote's number, the buyer
   * request it was converted from), which are returned apart — the same netting as an order's
   * re-promise (`promiseAndHold`, which leaves out the hold it replaces), so a quote is never
   * delayed by what it reserves itself. Undefined when there is no snapshot.
   */
  async nettedExcept(
    now: string,
    own: readonly string[],
  ): Promise<{ current: CurrentAvailability; snapshot: Snapshot; own: StoredHold[] } | undefined> {
    const current = await this.current();
    if (!current) return undefined;
    const holds = await this.activeHolds(now);
    const mine = await this.ownOf(holds, own);
    if (mine.length === 0) return { current, snapshot: this.net(current, holds, now), own: mine };
    // Not cached: the cache follows the list every other caller nets (all active holds).
    const others = holds.filter((h) => !mine.includes(h));
    return { current, snapshot: netOfHolds(current.snapshot, flatten(others), now), own: mine };
  }

  /**
   * Of `holds`, those placed for one of `own` (references: a quote's number, a request's), in the
   * order their promises were audited (the last placed last).
   */
  private async ownOf(holds: readonly StoredHold[], own: readonly string[]): Promise<StoredHold[]> {
    if (own.length === 0 || holds.length === 0) return [];
    // By the audit's index on the reference (a row carries its hold's final reference, and is
    // read from the database, which another server's holds are in too).
    const order = new Map(
      (
        await this.kysely
          .selectFrom('promise_audit')
          .select(['hold_id', 'seq'])
          .where('reference', 'in', [...own])
          .where('hold_id', 'is not', null)
          .execute()
      ).map((r) => [r.hold_id, Number(r.seq)] as const),
    );
    return holds.filter((h) => order.has(h.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /**
   * Releases every hold active at `now` placed for one of `own` (a lost quote's, and the buyer
   * request's it was converted from); with `keepLast`, all but the one placed last (so that two
   * revisions saved at once, each releasing the other's, leave one). Returns the ids released.
   */
  async releaseOwn(
    now: string,
    own: readonly string[],
    reason: string,
    keepLast = false,
  ): Promise<string[]> {
    const all = await this.ownOf(await this.activeHolds(now), own);
    const mine = keepLast ? all.slice(0, -1) : all;
    const released: string[] = [];
    for (const h of mine) if (await this.release(h.id, reason, now)) released.push(h.id);
    return released;
  }

  /**
   * Records a promise given without a hold (a rep quote's revision) in the audit, with the
   * snapshot version it was made on.
   */
  async recordPromise(entry: {
    kind: HoldKind;
    reference: string;
    snapshotVersion: number;
    promisedAt: string;
    result: PromiseResult;
    request: unknown;
  }): Promise<void> {
    await this.kysely
      .insertInto('promise_audit')
      .values(auditRow({ ...entry, holdId: null, status: entry.result.status }, entry.result))
      .execute();
  }

  /** One hold by id. */
  async hold(id: string): Promise<StoredHold | undefined> {
    const row = await this.kysely
      .selectFrom('availability_holds')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && holdOf(row);
  }

  /**
   * Promises `request` on the current snapshot net of every other active hold, and holds what the
   * promise consumes until `expiresAt`; records the promise in the audit. With `replaces`, that
   * hold (a cart's or a quote's, when its order is placed) is released first, in the same
   * transaction: an order re-promises whether or not its earlier hold is still active. Undefined
   * when there is no snapshot.
   */
  promiseAndHold(input: HoldInput): Promise<HeldPromise | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  /**
   * Serves the queued hold requests: those that arrived while a transaction ran are served
   * together in the next one, one after the other (each net of the holds before it, read in the
   * transaction), with one lock and one commit — under concurrent buyers the commit (an fsync)
   * and the lock, not the promise, were what each request waited for. A request's own error
   * (bad input, too many holds) is thrown before it writes and fails only that request; a
   * database error fails the batch.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 64);
        try {
          const results = await this.locked(async (trx) => {
            const out: ({ ok: HeldPromise | undefined } | { error: unknown })[] = [];
            const written: Written = {
              batch: new StatementBatch(trx as never, this.db.dialect === 'sqlite'),
            };
            for (const job of batch) {
              written.writing = false;
              try {
                out.push({ ok: await this.holdOne(trx, job.input, written) });
              } catch (error) {
                // Anything else (a database error, or an error once the request wrote) fails
                // the batch: on PostgreSQL the transaction is aborted, and a commit would roll
                // back the others' holds; a half-written order must not be committed.
                if (
                  written.writing ||
                  !(error instanceof PromiseInputError || error instanceof TooManyActiveHolds)
                )
                  throw error;
                out.push({ error });
              }
            }
            await written.batch.flush();
            return out;
          });
          results.forEach((r, i) =>
            'ok' in r ? batch[i]!.resolve(r.ok) : batch[i]!.reject(r.error),
          );
        } catch (error) {
          for (const job of batch) job.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * `written`: the holds token an earlier hold of this transaction wrote, and the current version
   * it read (no version can be stored while the transaction holds the availability lock); set.
   * `writing` is set once this request has started to write (its error then fails the batch).
   */
  private async holdOne(
    trx: Transaction<Tables>,
    input: HoldInput,
    written: Written,
  ): Promise<HeldPromise | undefined> {
    const batch = written.batch;
    const now = input.request.now;
    {
      if (!written.current) await batch.flush();
      const current = written.current ?? (await this.current(trx));
      if (!current) return undefined;
      written.current = current;
      if (input.client) {
        const [row] = (
          await batch.run(
            trx
              .selectFrom('availability_holds')
              .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('expires_at').as('first')])
              .where('client', '=', input.client.id)
              .where('released_at', 'is', null)
              .where('expires_at', '>', now)
              .$if(input.replaces !== undefined, (q) => q.where('id', '!=', input.replaces!)),
          )
        ).rows;
        const active = Number(row?.n ?? 0);
        if (active >= input.client.maxActive)
          throw new TooManyActiveHolds(active, input.client.maxActive, String(row!.first));
      }
      const active = await this.active(now, trx, written.token, batch);
      let others = active.holds;
      let replaced: StoredHold | undefined;
      if (input.replaces !== undefined) {
        const [row] = (
          await batch.run(
            trx.selectFrom('availability_holds').selectAll().where('id', '=', input.replaces),
          )
        ).rows;
        replaced = row && holdOf(row);
        others = others.filter((h) => h.id !== input.replaces);
      }
      const snapshot = this.net(current, others, now);
      const { result, needs } = promiseHolding(
        { ...input.request, options: { atpCurve: false, suggestions: false, confidence: false } },
        { snapshot, models: this.models },
      );
      const id = `H-${randomBytes(12).toString('base64url')}`;
      const hold: StoredHold = {
        id,
        kind: input.kind,
        reference: input.reference ?? id,
        createdAt: now,
        expiresAt: input.expiresAt,
        releasedAt: null,
        releaseReason: null,
        snapshotVersion: current.version,
        needs,
      };
      const given: HeldPromise = { hold, result, snapshotVersion: current.version, replaced };
      if (input.store) {
        // From here on this request writes: an error fails the batch (see `drain`).
        written.writing = true;
        const reference = await input.store(batch, given);
        if (reference === undefined) return given;
        hold.reference = reference;
      }
      if (replaced && replaced.releasedAt === null) {
        written.writing = true;
        batch.later(
          trx
            .updateTable('availability_holds')
            .set({ released_at: now, release_reason: input.kind })
            .where('id', '=', replaced.id),
        );
      }
      written.writing = true;
      batch.later(
        trx.insertInto('availability_holds').values({
          id: hold.id,
          kind: hold.kind,
          reference: hold.reference,
          created_at: now,
          expires_at: hold.expiresAt,
          released_at: null,
          release_reason: null,
          snapshot_version: current.version,
          needs: JSON.stringify(needs),
          client: input.client?.id ?? null,
        }),
      );
      // The next request's active holds are these and this one: known, not read back, and
      // netted from this promise's snapshot. (Should the transaction roll back, the database
      // keeps its token, unlike this cache.)
      const holds = [...others, hold];
      // One new token per transaction: the batch's holds commit together.
      written.token ??= await this.holdsChanged(trx, batch);
      this.activeCache = {
        token: written.token,
        // Every hold active after the list's `readAt` is in it (not this request's `now`: the
        // requests of a batch were verified in parallel, and their instants are not in order).
        readAt: active.readAt,
        holds,
        // `others` are among the active holds read (less a replaced one): none expires before.
        firstExpiry: active.firstExpiry < hold.expiresAt ? active.firstExpiry : hold.expiresAt,
      };
      this.netNext = { version: current.version, holds, base: snapshot, added: hold };
      batch.later(
        trx.insertInto('promise_audit').values(
          auditRow(
            {
              kind: input.kind,
              reference: hold.reference,
              holdId: hold.id,
              snapshotVersion: current.version,
              promisedAt: now,
              status: result.status,
              request: input.audit ?? input.request,
            },
            result,
          ),
        ),
      );
      return given;
    }
  }

  /** Releases a hold (cancel, order, duplicate); false when it was not active. */
  async release(id: string, reason: string, now: string): Promise<boolean> {
    return this.kysely.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('availability_holds')
        .set({ released_at: now, release_reason: reason })
        .where('id', '=', id)
        .where('released_at', 'is', null)
        .executeTakeFirst();
      const released = Number(r.numUpdatedRows) > 0;
      if (released) await this.holdsChanged(trx);
      return released;
    });
  }

  /** The promises given for a reference (an order or quote number, a cart's hold id), oldest first. */
  async audit(reference: string): Promise<PromiseAuditEntry[]> {
    const rows = await this.kysely
      .selectFrom('promise_audit')
      .selectAll()
      .where('reference', '=', reference)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      kind: r.kind as HoldKind,
      reference: r.reference,
      holdId: r.hold_id,
      snapshotVersion: Number(r.snapshot_version),
      promisedAt: r.promised_at,
      status: r.status,
      shipDate: r.ship_date,
      deliveryDate: r.delivery_date,
      request: JSON.parse(r.request) as unknown,
    }));
  }
}

/**
 * What the requests of one hold transaction share: its statement batch (the writes queued in it
 * run before its next read, and before the commit); the holds token an earlier request wrote and
 * the current version it read (no version can be stored while the transaction holds the
 * availability lock); and whether the request being served has started to write (its error then
 * fails the batch).
 */
interface Written {
  batch: StatementBatch;
  token?: string;
  current?: CurrentAvailability;
  writing?: boolean;
}

class SeedSkipped extends Error {}

/** A client already has as many active holds as it may (`promiseAndHold`'s `client`). */
export class TooManyActiveHolds extends Error {
  constructor(
    readonly active: number,
    readonly limit: number,
    /** When the client's first active hold expires (an ISO instant). */
    readonly firstExpiresAt: string,
  ) {
    super(`${active} active holds, the most is ${limit}`);
  }
}

/** The audit row of a promise (`result`'s dates). */
function auditRow(
  e: Omit<PromiseAuditEntry, 'shipDate' | 'deliveryDate'>,
  result: PromiseResult,
): Omit<AuditTable, 'seq'> {
  return {
    kind: e.kind,
    reference: e.reference,
    hold_id: e.holdId,
    snapshot_version: e.snapshotVersion,
    promised_at: e.promisedAt,
    status: e.status,
    ship_date: result.shipDate ?? null,
    delivery_date: result.deliveryDate ?? null,
    request: JSON.stringify(e.request),
  };
}

/** The earliest expiry of `holds` (`'~'`, after any instant, when there are none). */
function firstExpiry(holds: readonly StoredHold[]): string {
  let first = '~';
  for (const h of holds) if (h.expiresAt < first) first = h.expiresAt;
  return first;
}

/** The engine's holds of stored holds: each need with its hold's expiry. */
export function flatten(holds: readonly StoredHold[]): Hold[] {
  return holds.flatMap((h) => h.needs.map((n) => ({ ...n, expiresAt: h.expiresAt })));
}
