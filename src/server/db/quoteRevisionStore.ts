import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Generated, type Kysely } from 'kysely';
import type { QuotedFigures, RepQuote } from '../../engine/index.ts';
import type { UserIdentity, UserRole } from '../users.ts';
import type { Db } from './createDb.ts';
import {
  claimKey,
  QuoteIdempotencyStore,
  type IdempotencyClaim,
  type IdempotencyTables,
} from './quoteIdempotencyStore.ts';
import type { QuoteEventTables } from './quoteEventStore.ts';
import { refreshPipeline } from './pipelineIndex.ts';

/** The table `quote_revisions` (migration 0002). */
interface QuoteRevisionsTable {
  seq: Generated<number>;
  number: string;
  revision: number;
  share_token: string;
  quote: string;
  figures: string;
  created_at: string;
  /** Migration 0004; null on revisions saved before it. */
  created_by: string | null;
  created_by_role: string | null;
  /** Migration 0007: the author's user id (`token:<role>` for a bearer token's user). */
  created_by_id: string | null;
}

/** The table `quote_approvals` (migration 0003). */
interface QuoteApprovalsTable {
  number: string;
  revision: number;
  approved_by: string;
  approved_at: string;
  /** Migration 0008: the approver's user id. */
  approved_by_id: string | null;
}

/** Who approved a revision of a rep's quote, and when. */
export interface QuoteApproval {
  number: string;
  revision: number;
  approvedBy: string;
  approvedAt: string;
}

type Tables = {
  quote_revisions: QuoteRevisionsTable;
  quote_approvals: QuoteApprovalsTable;
} & IdempotencyTables &
  QuoteEventTables;

/** Who saved a revision: their name and role, and their user id when known. */
export type Author = UserIdentity & { id?: string };

/** The buyer request was converted to another quote already (nothing was saved). */
export class AlreadyConverted extends Error {
  readonly code = 'ALREADY_CONVERTED';
  constructor(readonly requestNumber: string) {
    super(`quote request ${requestNumber} was converted already`);
  }
}

/** One stored revision of a rep's quote. */
export interface StoredQuoteRevision {
  number: string;
  revision: number;
  shareToken: string;
  quote: RepQuote;
  /** What the customer was shown for this revision (to list what changed later). */
  figures: QuotedFigures;
  createdAt: string;
  /** Who saved this revision (null: saved before the server knew users). */
  createdBy: UserIdentity | null;
  /** The author's user id (null: saved before users had ids). */
  createdById: string | null;
}

/** One revision in a quote's history: when, by whom, at what total (as quoted). */
export interface RevisionSummary {
  revision: number;
  createdAt: string;
  createdBy: UserIdentity | null;
  total: string;
}

type Row = Omit<QuoteRevisionsTable, 'seq'> & { seq: number | string };

const fromRow = (r: Row): StoredQuoteRevision => ({
  number: r.number,
  revision: Number(r.revision),
  shareToken: r.share_token,
  quote: JSON.parse(r.quote) as RepQuote,
  figures: JSON.parse(r.figures) as QuotedFigures,
  createdAt: r.created_at,
  createdBy:
    r.created_by === null
      ? null
      : { name: r.created_by, role: (r.created_by_role ?? 'rep') as UserRole },
  createdById: r.created_by_id,
});

/** A revision as saved now by `author`: what `create` and `revise` store and answer. */
const savedRevision = (
  saved: Omit<StoredQuoteRevision, 'createdBy' | 'createdById'>,
  author: Author,
): StoredQuoteRevision => ({
  ...saved,
  createdBy: { name: author.name, role: author.role },
  createdById: author.id ?? null,
});

/** The row of a revision (the inverse of `fromRow`). */
const toRow = (r: StoredQuoteRevision): Omit<QuoteRevisionsTable, 'seq'> => ({
  number: r.number,
  revision: r.revision,
  share_token: r.shareToken,
  quote: JSON.stringify(r.quote),
  figures: JSON.stringify(r.figures),
  created_at: r.createdAt,
  created_by: r.createdBy?.name ?? null,
  created_by_role: r.createdBy?.role ?? null,
  created_by_id: r.createdById,
});

/**
 * Rep quotes with all their revisions (Kysely, the same queries on SQLite and PostgreSQL). A quote
 * number is `RQ-<year>-<seq>`; its share token stays the same across revisions, and the customer
 * sees the latest one.
 */
export class QuoteRevisionStore {
  private readonly kysely: Kysely<Tables>;
  /** The `Idempotency-Key`s of saves (stored with the save through its `claim`). */
  readonly keys: QuoteIdempotencyStore;
  private readonly postgres: boolean;
  constructor(db: Db) {
    this.kysely = db.kysely.withTables<Tables>() as never;
    this.keys = new QuoteIdempotencyStore(db);
    this.postgres = db.dialect === 'postgres';
  }

  /**
   * Records that `approvedBy` approved this revision; an earlier approval of the same revision
   * is kept (and returned) rather than overwritten.
   */
  async approve(
    number: string,
    revision: number,
    approvedBy: string,
    approvedAt: string,
    approvedById: string | null = null,
  ): Promise<QuoteApproval> {
    await this.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('quote_approvals')
        .values({
          number,
          revision,
          approved_by: approvedBy,
          approved_at: approvedAt,
          approved_by_id: approvedById,
        })
        .onConflict((oc) => oc.columns(['number', 'revision']).doNothing())
        .execute();
      await refreshPipeline(trx as never, [number]);
    });
    const found = await this.approval(number, revision);
    if (!found)
      throw new Error(`quote ${number} revision ${revision}: the approval was not stored`);
    return found;
  }

  /** The approval of a revision; undefined when it is not approved. */
  async approval(number: string, revision: number): Promise<QuoteApproval | undefined> {
    const row = await this.kysely
      .selectFrom('quote_approvals')
      .selectAll()
      .where('number', '=', number)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return (
      row && {
        number: row.number,
        revision: Number(row.revision),
        approvedBy: row.approved_by,
        approvedAt: row.approved_at,
      }
    );
  }

  /**
   * Stores revision 1 of a new quote, saved by `createdBy`, and gives it a number and a share
   * token; with `claim`, its idempotency key in the same transaction (`IdempotencyKeyTaken`
   * when the key is already stored: nothing is saved); with `convertedFrom`, records that it was
   * converted from that buyer request (`AlreadyConverted` when it was already: nothing is saved).
   */
  async create(
    quote: RepQuote,
    figures: QuotedFigures,
    createdAt: string,
    createdBy: Author,
    claim?: IdempotencyClaim,
    convertedFrom?: string,
  ): Promise<StoredQuoteRevision> {
    const first = savedRevision(
      {
        number: `pending-${randomUUID()}`,
        revision: 1,
        shareToken: randomBytes(24).toString('base64url'),
        quote,
        figures,
        createdAt,
      },
      createdBy,
    );
    return this.kysely.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('quote_revisions')
        .values(toRow(first))
        .returning('seq')
        .executeTakeFirstOrThrow();
      const seq = Number(inserted.seq);
      const number = `RQ-${createdAt.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
      await trx.updateTable('quote_revisions').set({ number }).where('seq', '=', seq).execute();
      if (claim) await claimKey(trx, claim, number, 1);
      if (convertedFrom !== undefined) {
        const inserted = await trx
          .insertInto('quote_conversions')
          .values({ request_number: convertedFrom, quote_number: number, created_at: createdAt })
          .onConflict((oc) => oc.column('request_number').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
          throw new AlreadyConverted(convertedFrom);
      }
      await refreshPipeline(trx as never, [number, convertedFrom]);
      return { ...first, number };
    });
  }

  /**
   * Stores the next revision of `number`, saved by `createdBy` (with `claim`, as `create`);
   * undefined when there is no such quote.
   */
  async revise(
    number: string,
    quote: RepQuote,
    figures: QuotedFigures,
    createdAt: string,
    createdBy: Author,
    claim?: IdempotencyClaim,
  ): Promise<StoredQuoteRevision | undefined> {
    return this.kysely.transaction().execute(async (trx) => {
      // Two revisions of one quote saved at once take turns: on PostgreSQL (read committed) both
      // would read the same last revision and collide on the next number. SQLite writes one
      // transaction at a time already.
      if (this.postgres)
        await sql`select pg_advisory_xact_lock(hashtext(${`quote-revision:${number}`}))`.execute(
          trx,
        );
      const last = await trx
        .selectFrom('quote_revisions')
        .selectAll()
        .where('number', '=', number)
        .orderBy('revision', 'desc')
        .executeTakeFirst();
      if (!last) return undefined;
      const revision = Number(last.revision) + 1;
      // The key first: a racing retry waits here and then rolls back, before it could collide
      // with this revision's number.
      if (claim) await claimKey(trx, claim, number, revision);
      const next = savedRevision(
        { number, revision, shareToken: last.share_token, quote, figures, createdAt },
        createdBy,
      );
      await trx.insertInto('quote_revisions').values(toRow(next)).execute();
      await refreshPipeline(trx as never, [number]);
      return next;
    });
  }

  /**
   * A revision of `number` (the latest when `revision` is absent), every revision number, and the
   * history of all revisions (who saved each, when, at what total).
   */
  async get(
    number: string,
    revision?: number,
  ): Promise<
    { found: StoredQuoteRevision; revisions: number[]; history: RevisionSummary[] } | undefined
  > {
    const rows = await this.kysely
      .selectFrom('quote_revisions')
      .selectAll()
      .where('number', '=', number)
      .orderBy('revision')
      .execute();
    const all = rows.map(fromRow);
    const found = revision === undefined ? all.at(-1) : all.find((r) => r.revision === revision);
    return (
      found && {
        found,
        revisions: all.map((r) => r.revision),
        history: all.map((r) => ({
          revision: r.revision,
          createdAt: r.createdAt,
          createdBy: r.createdBy,
          total: r.figures.totals.total,
        })),
      }
    );
  }

  /** The latest revision of the quote shared under `token`. */
  async byShareToken(token: string): Promise<StoredQuoteRevision | undefined> {
    const row = await this.kysely
      .selectFrom('quote_revisions')
      .selectAll()
      .where('share_token', '=', token)
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /**
   * One page of quotes, oldest quote first (by when revision 1 was saved): each quote's latest
   * revision with `seq` and `openedAt`, the cursor and time of its revision 1. `afterSeq` continues after a previous page;
   * `sinceTime` keeps quotes created after that instant.
   */
  async page(query: {
    afterSeq?: number;
    sinceTime?: string;
    limit: number;
  }): Promise<(StoredQuoteRevision & { seq: number; openedAt: string })[]> {
    let firsts = this.kysely
      .selectFrom('quote_revisions')
      .select(['seq', 'number', 'created_at'])
      .where('revision', '=', 1);
    if (query.afterSeq !== undefined) firsts = firsts.where('seq', '>', query.afterSeq);
    if (query.sinceTime !== undefined) firsts = firsts.where('created_at', '>', query.sinceTime);
    const heads = await firsts.orderBy('seq').limit(query.limit).execute();
    if (heads.length === 0) return [];
    const rows = await this.kysely
      .selectFrom('quote_revisions')
      .selectAll()
      .where(
        'number',
        'in',
        heads.map((h) => h.number),
      )
      .orderBy('revision')
      .execute();
    const latest = new Map<string, StoredQuoteRevision>();
    for (const r of rows.map(fromRow)) latest.set(r.number, r);
    return heads.flatMap((h) => {
      const r = latest.get(h.number);
      return r ? [{ ...r, seq: Number(h.seq), openedAt: h.created_at }] : [];
    });
  }

  /**
   * The latest revision of every quote, with `openedAt` (when revision 1 was saved) and the
   * quote it was converted from; the pipeline and the approval queue are made from these.
   */
  async latestAll(): Promise<(StoredQuoteRevision & { openedAt: string })[]> {
    const rows = await this.kysely
      .selectFrom('quote_revisions as r')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('quote_revisions')
            .select((e) => [
              'number',
              e.fn.max('revision').as('last'),
              e.fn.min('created_at').as('opened_at'),
            ])
            .groupBy('number')
            .as('m'),
        (join) => join.onRef('m.number', '=', 'r.number').onRef('m.last', '=', 'r.revision'),
      )
      .selectAll('r')
      .select('m.opened_at')
      .orderBy('r.seq')
      .execute();
    return rows.map(({ opened_at, ...r }) => ({ ...fromRow(r), openedAt: String(opened_at) }));
  }

  /** Every approval, by `number#revision`. */
  async approvals(): Promise<Map<string, QuoteApproval>> {
    const rows = await this.kysely.selectFrom('quote_approvals').selectAll().execute();
    return new Map(
      rows.map((r) => [
        `${r.number}#${Number(r.revision)}`,
        {
          number: r.number,
          revision: Number(r.revision),
          approvedBy: r.approved_by,
          approvedAt: r.approved_at,
        },
      ]),
    );
  }
}
